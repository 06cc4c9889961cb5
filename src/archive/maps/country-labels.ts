/**
 * Where a country's name can go on a map: a point well inside the part of it the view shows,
 * found by sampling a grid over that part and keeping the point farthest from its edges (and
 * from the frame's), so that «النيجر» sits in Niger even when the view cuts Niger in half, and
 * a name never straddles a coast. An approximation of the pole of inaccessibility, good to a
 * grid cell, computed once per view (views are shared between pages, `view.ts`).
 */
import { atlas, type NaturalEarthCountry, type Resolution } from './natural-earth.ts';
import { planarCountry, WORLD_WIDTH } from './planar.ts';
import type { MapView, PlanePoint } from './view.ts';

/** A country seen in a view, and the best place for its name. */
export interface CountryInView {
  country: NaturalEarthCountry;
  /** The point for its name, in viewBox units. */
  at: PlanePoint;
  /** Distance from that point to the nearest edge of the country or the frame (viewBox units): how much name fits. */
  room: number;
  /** Area of the country the view shows, in viewBox units² (roughly): larger ones are named first. */
  area: number;
}

const GRID_X = 14;
const GRID_Y = 10;
/** Parts smaller than this on either side (viewBox units) have no room for a name. */
const MIN_SIDE = 24;

const cache = new Map<string, CountryInView[]>();

/** The countries a view shows with room for a name, largest visible part first. */
export function countriesInView(view: MapView): CountryInView[] {
  let found = cache.get(view.key);
  if (!found) {
    found = measure(view);
    // Views are few (a few dozen distinct ones for thousands of pages); keep them all but bounded.
    if (cache.size > 2000) cache.clear();
    cache.set(view.key, found);
  }
  return found;
}

function measure(view: MapView): CountryInView[] {
  // Names need no fine coastline: the 1:10m shapes would cost ten times as much for the same point.
  const resolution: Resolution = view.resolution === '10m' ? '50m' : view.resolution;
  const right = view.left + view.width / view.scale;
  const bottom = view.top + view.height / view.scale;
  const copies = [-WORLD_WIDTH, 0, WORLD_WIDTH].filter((o) => right > -Math.PI + o && view.left < Math.PI + o);
  const out: CountryInView[] = [];
  for (const country of atlas(resolution).countries) {
    let best: CountryInView | undefined;
    for (const polygon of planarCountry(country)) {
      const [minX, minY, maxX, maxY] = polygon.box;
      for (const offset of copies) {
        if (maxX + offset < view.left || minX + offset > right || maxY < view.top || minY > bottom) continue;
        const rings = polygon.rings.map((ring) => {
          const r = new Float64Array(ring.length);
          for (let i = 0; i < ring.length; i += 2) {
            r[i] = ((ring[i] ?? 0) + offset - view.left) * view.scale;
            r[i + 1] = ((ring[i + 1] ?? 0) - view.top) * view.scale;
          }
          return r;
        });
        const x0 = Math.max(0, (minX + offset - view.left) * view.scale);
        const x1 = Math.min(view.width, (maxX + offset - view.left) * view.scale);
        const y0 = Math.max(0, (minY - view.top) * view.scale);
        const y1 = Math.min(view.height, (maxY - view.top) * view.scale);
        if (x1 - x0 < MIN_SIDE || y1 - y0 < MIN_SIDE / 2) continue;
        const cellX = (x1 - x0) / GRID_X;
        const cellY = (y1 - y0) / GRID_Y;
        let inside = 0;
        let point: PlanePoint | undefined;
        let room = 0;
        for (let i = 0; i < GRID_X; i++) {
          for (let j = 0; j < GRID_Y; j++) {
            const x = x0 + (i + 0.5) * cellX;
            const y = y0 + (j + 0.5) * cellY;
            if (!contains(rings, x, y)) continue;
            inside++;
            const d = Math.min(edgeDistance(rings, x, y), x, view.width - x, y, view.height - y);
            if (d > room) {
              room = d;
              point = [x, y];
            }
          }
        }
        const area = inside * cellX * cellY;
        if (point && (!best || area > best.area)) best = { country, at: point, room, area };
      }
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.area - a.area);
}

/** Even–odd point-in-polygon over every ring (holes included). */
function contains(rings: Float64Array[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[2 * i] ?? 0;
      const yi = ring[2 * i + 1] ?? 0;
      const xj = ring[2 * j] ?? 0;
      const yj = ring[2 * j + 1] ?? 0;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Distance from a point to the nearest edge of the rings. */
function edgeDistance(rings: Float64Array[], x: number, y: number): number {
  let best = Infinity;
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ax = ring[2 * j] ?? 0;
      const ay = ring[2 * j + 1] ?? 0;
      const dx = (ring[2 * i] ?? 0) - ax;
      const dy = (ring[2 * i + 1] ?? 0) - ay;
      const length = dx * dx + dy * dy;
      const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length));
      const ex = ax + t * dx - x;
      const ey = ay + t * dy - y;
      const d = ex * ex + ey * ey;
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}
