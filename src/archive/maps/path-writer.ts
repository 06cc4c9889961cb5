/**
 * A d3 geometry stream that writes an SVG path's `d` compactly. Thousands of maps go into the
 * pages, so every byte counts: coordinates are rounded to whole viewBox units (a viewBox is a
 * few hundred units wide, so a unit is about a screen pixel), repeated and collinear points
 * are dropped, rings that shrink to nothing vanish, and moves after the first are relative
 * (short numbers, the minus sign doubling as separator).
 */
import type { GeoStream } from 'd3-geo';

/** Writes what it is streamed as one path's `d` attribute; read it with `toString()`. */
export class PathWriter implements GeoStream {
  #out = '';
  #inPolygon = false;
  #xs: number[] = [];
  #ys: number[] = [];

  polygonStart(): void {
    this.#inPolygon = true;
  }

  polygonEnd(): void {
    this.#inPolygon = false;
  }

  lineStart(): void {
    this.#xs = [];
    this.#ys = [];
  }

  point(x: number, y: number): void {
    const rx = Math.round(x);
    const ry = Math.round(y);
    const xs = this.#xs;
    const ys = this.#ys;
    const n = xs.length;
    const lastX = xs[n - 1] ?? NaN;
    const lastY = ys[n - 1] ?? NaN;
    if (rx === lastX && ry === lastY) return;
    if (n >= 2) {
      // On a straight run (same direction, no turn) the middle point adds nothing.
      const dx1 = lastX - (xs[n - 2] ?? 0);
      const dy1 = lastY - (ys[n - 2] ?? 0);
      const dx2 = rx - lastX;
      const dy2 = ry - lastY;
      if (dx1 * dy2 === dy1 * dx2 && dx1 * dx2 + dy1 * dy2 > 0) {
        xs[n - 1] = rx;
        ys[n - 1] = ry;
        return;
      }
    }
    xs.push(rx);
    ys.push(ry);
  }

  lineEnd(): void {
    const xs = this.#xs;
    const ys = this.#ys;
    if (this.#inPolygon) {
      while (xs.length > 1 && xs[xs.length - 1] === xs[0] && ys[ys.length - 1] === ys[0]) {
        xs.pop();
        ys.pop();
      }
      // Islands and lakes smaller than about two square units cannot be seen.
      if (xs.length < 3 || Math.abs(ringArea(xs, ys)) < 2) return;
    } else if (xs.length < 2) {
      return;
    }
    let d = `M${xs[0]} ${ys[0]}l`;
    for (let i = 1; i < xs.length; i++) {
      const dx = (xs[i] ?? 0) - (xs[i - 1] ?? 0);
      const dy = (ys[i] ?? 0) - (ys[i - 1] ?? 0);
      d += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
    }
    this.#out += this.#inPolygon ? `${d}z` : d;
  }

  sphere(): void {}

  /** The path data written so far ('' when nothing was visible). */
  toString(): string {
    return this.#out;
  }
}

/** The signed area of a ring (shoelace formula). */
function ringArea(xs: number[], ys: number[]): number {
  let area = 0;
  for (let i = 0, j = xs.length - 1; i < xs.length; j = i++) {
    area += ((xs[j] ?? 0) + (xs[i] ?? 0)) * ((ys[j] ?? 0) - (ys[i] ?? 0));
  }
  return area / 2;
}
