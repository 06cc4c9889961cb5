/**
 * The parts of a map that depend only on its view: land, borders, and a highlighted
 * country's outline, as SVG path data. Each is computed once per view and kept (a bounded
 * cache), because pages share views (`view.ts` snaps them to a grid): in a synthetic archive
 * of 500 places, the 500 place maps fall into 58 views and 10,000 article maps into 820.
 */
import { geoClipRectangle, type GeoStream } from 'd3-geo';
import { atlas, type NaturalEarthCountry, type Resolution } from './natural-earth.ts';
import { PathWriter } from './path-writer.ts';
import { planarBackground, planarCountry, WORLD_WIDTH, type PlanarPolygon } from './planar.ts';
import type { MapView } from './view.ts';

/** A view's land and borders as path data. */
export interface Background {
  land: string;
  borders: string;
}

/** How often the shapes were actually projected (cache misses), for tests and benchmarks. */
export const projectionCounts = { backgrounds: 0, countries: 0 };

/** A Map that forgets its least recently used entries beyond a size. */
class Lru<V> {
  readonly #entries = new Map<string, V>();
  readonly #limit: number;
  constructor(limit: number) {
    this.#limit = limit;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.set(key, value);
    if (this.#entries.size > this.#limit) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}

// Views average under 10 KB: 2,000 of them take some 20 MB, and hold the distinct views of
// thousands of article maps.
const backgrounds = new Lru<Background>(2000);
const countries = new Lru<string>(4000);

/** Forgets every cached view (tests that count projections start from nothing). */
export function clearMapCaches(): void {
  backgrounds.clear();
  countries.clear();
}

/** The land and borders of a view. */
export function background(view: MapView): Background {
  let found = backgrounds.get(view.key);
  if (!found) {
    projectionCounts.backgrounds++;
    const { land, borders } = planarBackground(view.resolution);
    const landPath = new PathWriter();
    streamPolygons(view, land, landPath);
    const borderPath = new PathWriter();
    const clip = clipTo(view, borderPath);
    for (const offset of worldCopies(view)) {
      for (const line of borders) {
        if (!overlaps(view, line.box, offset)) continue;
        clip.lineStart();
        streamPoints(view, line.points, offset, clip);
        clip.lineEnd();
      }
    }
    found = { land: landPath.toString(), borders: borderPath.toString() };
    backgrounds.set(view.key, found);
  }
  return found;
}

/**
 * A country's shape in a view ('' when it is out of sight), from the finest scale that stays
 * within a budget: 1:10m (the scale points are matched against, so a border town's dot sits on
 * the right side of the drawn border) unless the view is too wide for it to matter, or the
 * shape too intricate (Canada's Arctic islands, at 1:10m, would weigh more than a whole map).
 */
export function countryPath(view: MapView, country: NaturalEarthCountry): string {
  const key = `${view.key}/${country.name}`;
  let found = countries.get(key);
  if (found === undefined) {
    const scales: Resolution[] = view.resolution === '110m' ? ['110m', '50m'] : ['10m', '50m', '110m'];
    for (const resolution of scales) {
      const shape = atlas(resolution).byName.get(country.name);
      if (!shape) continue;
      projectionCounts.countries++;
      const path = new PathWriter();
      streamPolygons(view, planarCountry(shape), path);
      found = path.toString();
      if (found.length <= COUNTRY_BUDGET) break;
    }
    found ??= '';
    countries.set(key, found);
  }
  return found;
}

/** The most path data a highlighted country may take (bytes), leaving room for the rest of the map. */
const COUNTRY_BUDGET = 12_000;

/**
 * The clip rectangle is a little larger than the frame, so that a shape cut by the clip has
 * its cut edge (and the stroke along it) just outside the visible area.
 */
function clipTo(view: MapView, sink: GeoStream): GeoStream {
  return geoClipRectangle(-CLIP_MARGIN, -CLIP_MARGIN, view.width + CLIP_MARGIN, view.height + CLIP_MARGIN)(sink);
}

const CLIP_MARGIN = 4;

function streamPolygons(view: MapView, polygons: PlanarPolygon[], sink: GeoStream): void {
  const clip = clipTo(view, sink);
  for (const offset of worldCopies(view)) {
    for (const polygon of polygons) {
      if (!overlaps(view, polygon.box, offset)) continue;
      clip.polygonStart();
      for (const ring of polygon.rings) {
        clip.lineStart();
        streamPoints(view, ring, offset, clip);
        clip.lineEnd();
      }
      clip.polygonEnd();
    }
  }
}

/**
 * Streams a ring or line into the view, leaving out the points the clip would throw away
 * anyway: a run of points that all lie beyond one edge of the view (all west of it, say) is
 * replaced by its first and last point. The straight line between them stays beyond that edge,
 * so nothing visible changes, and neither does which side of the shape the view's corners are
 * on (the clip's inside test). Runs of 32 points whose box lies beyond an edge are skipped
 * whole, so a close view of a continent touches a few thousand of its 80,000 points.
 */
function streamPoints(view: MapView, points: Float64Array, offset: number, sink: GeoStream): void {
  const { scale, left, top } = view;
  const shift = offset - left;
  const x0 = -CLIP_MARGIN;
  const y0 = -CLIP_MARGIN;
  const x1 = view.width + CLIP_MARGIN;
  const y1 = view.height + CLIP_MARGIN;
  const boxes = chunkBoxes(points);
  const count = points.length / 2;
  let run = 0;
  let pending = false;
  let lastX = 0;
  let lastY = 0;
  const feed = (x: number, y: number): void => {
    const side = (x < x0 ? 1 : x > x1 ? 2 : 0) | (y < y0 ? 4 : y > y1 ? 8 : 0);
    if ((run & side) !== 0) {
      run &= side;
      pending = true;
      lastX = x;
      lastY = y;
      return;
    }
    if (pending) sink.point(lastX, lastY);
    pending = false;
    sink.point(x, y);
    run = side;
  };
  for (let chunk = 0, start = 0; start < count; chunk++, start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const beyond =
      ((boxes[4 * chunk + 2] ?? 0) + shift) * scale < x0 ||
      ((boxes[4 * chunk] ?? 0) + shift) * scale > x1 ||
      ((boxes[4 * chunk + 3] ?? 0) - top) * scale < y0 ||
      ((boxes[4 * chunk + 1] ?? 0) - top) * scale > y1;
    if (beyond) {
      feed(((points[2 * start] ?? 0) + shift) * scale, ((points[2 * start + 1] ?? 0) - top) * scale);
      feed(((points[2 * end - 2] ?? 0) + shift) * scale, ((points[2 * end - 1] ?? 0) - top) * scale);
      continue;
    }
    for (let i = 2 * start; i < 2 * end; i += 2)
      feed(((points[i] ?? 0) + shift) * scale, ((points[i + 1] ?? 0) - top) * scale);
  }
  if (pending) sink.point(lastX, lastY);
}

const CHUNK = 32;
const chunkBoxCache = new WeakMap<Float64Array, Float64Array>();

/** Boxes of each run of `CHUNK` points of a line, `minX, minY, maxX, maxY` one after the other. */
function chunkBoxes(points: Float64Array): Float64Array {
  let boxes = chunkBoxCache.get(points);
  if (!boxes) {
    const count = points.length / 2;
    boxes = new Float64Array(4 * Math.ceil(count / CHUNK));
    for (let chunk = 0, start = 0; start < count; chunk++, start += CHUNK) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const x = points[2 * i] ?? 0;
        const y = points[2 * i + 1] ?? 0;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      boxes.set([minX, minY, maxX, maxY], 4 * chunk);
    }
    chunkBoxCache.set(points, boxes);
  }
  return boxes;
}

/** Shifts (whole worlds) at which the plane's world shows in the view: 0, and ±2π near the antimeridian. */
function worldCopies(view: MapView): number[] {
  const right = view.left + view.width / view.scale;
  return [-WORLD_WIDTH, 0, WORLD_WIDTH].filter((o) => right > -Math.PI + o && view.left < Math.PI + o);
}

function overlaps(view: MapView, [minX, minY, maxX, maxY]: [number, number, number, number], offset: number): boolean {
  const margin = 8 / view.scale;
  return (
    maxX + offset >= view.left - margin &&
    minX + offset <= view.left + view.width / view.scale + margin &&
    maxY >= view.top - margin &&
    minY <= view.top + view.height / view.scale + margin
  );
}
