/**
 * Shapes projected once to the Mercator plane, so that drawing a view is only a scale, a shift
 * and a rectangle clip (no trigonometry, no spherical clipping): projecting the 1:50m world on
 * the sphere costs 30–50 ms a view, scaling and clipping the projected plane about one.
 *
 * Plane units: d3's Mercator at scale 1 centred on 0°,0°: x = longitude in radians (−π…π), y
 * grows southwards and is cut at ±π (about 85° north and south). Every view is a rectangle of
 * this plane, so locator, article and index maps share one projection family and one cache.
 */
import { geoMercator, type GeoStream } from 'd3-geo';
import type { Position } from 'geojson';
import { atlas, type NaturalEarthCountry, type Resolution } from './natural-earth.ts';

/** A ring or line in the plane: x0, y0, x1, y1, … (d3 stream order, the closing point left out). */
export type PlanarLine = Float64Array;

/** A polygon in the plane with its bounding box, `[minX, minY, maxX, maxY]`. */
export interface PlanarPolygon {
  rings: PlanarLine[];
  box: [number, number, number, number];
}

/** A line in the plane with its bounding box. */
export interface PlanarPath {
  points: PlanarLine;
  box: [number, number, number, number];
}

/** Width of the whole world in plane units. */
export const WORLD_WIDTH = 2 * Math.PI;

const mercator = geoMercator().scale(1).translate([0, 0]).precision(0);

/** A `[latitude, longitude]` pair on the plane, as `[x, y]`. */
export function toPlane(latitude: number, longitude: number): [number, number] {
  const [x = 0, y = 0] = mercator([longitude, latitude]) ?? [];
  return [x, y];
}

/** Collects a d3 projection stream into planar rings and lines. */
class Recorder implements GeoStream {
  polygons: PlanarLine[][] = [];
  lines: PlanarLine[] = [];
  #rings: PlanarLine[] | undefined;
  #points: number[] = [];

  polygonStart(): void {
    this.#rings = [];
  }
  polygonEnd(): void {
    if (this.#rings && this.#rings.length > 0) this.polygons.push(this.#rings);
    this.#rings = undefined;
  }
  lineStart(): void {
    this.#points = [];
  }
  point(x: number, y: number): void {
    this.#points.push(x, y);
  }
  lineEnd(): void {
    const line = Float64Array.from(this.#points);
    if (this.#rings) this.#rings.push(line);
    else this.lines.push(line);
  }
  sphere(): void {}
}

function box(lines: PlanarLine[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const line of lines) {
    for (let i = 0; i < line.length; i += 2) {
      const x = line[i] ?? 0;
      const y = line[i + 1] ?? 0;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Projects polygons to the plane. Natural Earth cuts every shape at the antimeridian (Russia's
 * Chukotka is two polygons, one ending at 180°, one starting at −180°), so its rings take the
 * plain Mercator formulas, a few times faster than a d3 stream; a ring that does jump across the
 * antimeridian (other data) goes through d3, which cuts it on the sphere, and may come back as
 * several polygons. Latitudes are clamped to ±85°, the plane's edge: Antarctica's ring, which
 * runs down to the pole, becomes a strip along the bottom of the world.
 */
export function projectPolygons(polygons: Position[][][]): PlanarPolygon[] {
  const recorder = new Recorder();
  const stream = mercator.stream(recorder);
  const out: PlanarPolygon[] = [];
  for (const polygon of polygons) {
    if (!polygon.some(crossesAntimeridian)) {
      const rings = polygon.map((ring) => projectRing(ring, 1));
      out.push({ rings, box: box(rings) });
      continue;
    }
    stream.polygonStart();
    for (const ring of polygon) {
      stream.lineStart();
      // GeoJSON closes rings by repeating the first point; d3 streams leave it out.
      for (let i = 0; i < ring.length - 1; i++) {
        const [lon = 0, lat = 0] = ring[i] ?? [];
        stream.point(lon, lat);
      }
      stream.lineEnd();
    }
    stream.polygonEnd();
  }
  for (const rings of recorder.polygons) out.push(...separated(rings));
  return out;
}

/**
 * The pieces of a polygon d3 cut at the antimeridian, as separate polygons: kept together,
 * Russia's mainland would have a box as wide as the world, and every view would stream it.
 * Outer rings and holes wind opposite ways; each hole goes with the smallest outer ring whose
 * box holds it.
 */
function separated(rings: PlanarLine[]): PlanarPolygon[] {
  if (rings.length === 1) return [{ rings, box: box(rings) }];
  const areas = rings.map(signedArea);
  const largest = areas.reduce((best, a, i) => (Math.abs(a) > Math.abs(areas[best] ?? 0) ? i : best), 0);
  const outerSign = Math.sign(areas[largest] ?? 1);
  const outers: PlanarPolygon[] = [];
  const holes: PlanarLine[] = [];
  rings.forEach((ring, i) =>
    Math.sign(areas[i] ?? 0) === outerSign ? outers.push({ rings: [ring], box: box([ring]) }) : holes.push(ring),
  );
  for (const hole of holes) {
    const [x = 0, y = 0] = hole;
    const holders = outers.filter(({ box: [x0, y0, x1, y1] }) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
    const owner = holders.sort((a, b) => boxArea(a.box) - boxArea(b.box))[0] ?? outers[0];
    owner?.rings.push(hole);
  }
  return outers;
}

function signedArea(ring: PlanarLine): number {
  let area = 0;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    area += ((ring[2 * j] ?? 0) - (ring[2 * i] ?? 0)) * ((ring[2 * j + 1] ?? 0) + (ring[2 * i + 1] ?? 0));
  }
  return area / 2;
}

function boxArea([x0, y0, x1, y1]: [number, number, number, number]): number {
  return (x1 - x0) * (y1 - y0);
}

const MAX_LATITUDE = 85;

/** Whether a ring steps across ±180° (two consecutive points more than half the world apart). */
function crossesAntimeridian(ring: Position[]): boolean {
  for (let i = 1; i < ring.length; i++) {
    if (Math.abs((ring[i]?.[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)) > 180) return true;
  }
  return false;
}

/** Mercator on a ring or line (`drop` = 1 leaves out a ring's repeated closing point). */
function projectRing(ring: Position[], drop: 0 | 1): PlanarLine {
  const n = Math.max(0, ring.length - drop);
  const out = new Float64Array(2 * n);
  const radians = Math.PI / 180;
  for (let i = 0; i < n; i++) {
    const [lon = 0, lat = 0] = ring[i] ?? [];
    const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
    out[2 * i] = lon * radians;
    out[2 * i + 1] = -Math.log(Math.tan(Math.PI / 4 + (clamped * radians) / 2));
  }
  return out;
}

/** Projects lines, cut into runs of at most a few hundred points so a view skips the runs it does not show. */
function projectLines(lines: Position[][]): PlanarPath[] {
  const out: PlanarPath[] = [];
  const run = 256;
  for (const line of lines) {
    const points = projectRing(line, 0);
    // Runs share their end points, so the line stays unbroken.
    for (let start = 0; start < points.length - 2; start += 2 * run) {
      const piece = points.subarray(start, Math.min(points.length, start + 2 * run + 2));
      out.push({ points: piece, box: box([piece]) });
    }
  }
  return out;
}

/** The background of one resolution in the plane. */
export interface PlanarBackground {
  land: PlanarPolygon[];
  borders: PlanarPath[];
}

const backgrounds = new Map<Resolution, PlanarBackground>();

/** Land and borders of a resolution in the plane, projected on first use. */
export function planarBackground(resolution: Resolution): PlanarBackground {
  let background = backgrounds.get(resolution);
  if (!background) {
    const { land, borders } = atlas(resolution);
    background = { land: projectPolygons(land), borders: projectLines(borders) };
    backgrounds.set(resolution, background);
  }
  return background;
}

const countryShapes = new WeakMap<NaturalEarthCountry, PlanarPolygon[]>();

/** A country's polygons in the plane, projected on first use. */
export function planarCountry(country: NaturalEarthCountry): PlanarPolygon[] {
  let shape = countryShapes.get(country);
  if (!shape) {
    shape = projectPolygons(country.polygons);
    countryShapes.set(country, shape);
  }
  return shape;
}

/**
 * The part of a country a map should show whole: the polygon holding `near` (else its largest)
 * and the pieces near it (the islands off its coast, an archipelago's nearer islands). Not the whole shape: Natural Earth's France includes French Guiana and Réunion,
 * the United States Alaska and Hawaii, whose box would be half the world.
 */
export function countryExtent(country: NaturalEarthCountry, near?: [number, number]): [number, number, number, number] {
  const polygons = planarCountry(country);
  const holds = ([x0, y0, x1, y1]: [number, number, number, number]) =>
    near !== undefined && near[0] >= x0 && near[0] <= x1 && near[1] >= y0 && near[1] <= y1;
  const holders = polygons.filter((p) => holds(p.box));
  const pool = holders.length > 0 ? holders : polygons;
  const main = pool.reduce<PlanarPolygon | undefined>(
    (a, b) => (!a || boxArea(b.box) > boxArea(a.box) ? b : a),
    undefined,
  );
  if (!main) return [0, 0, 0, 0];
  const key = `${country.name}/${polygons.indexOf(main)}`;
  const known = extents.get(key);
  if (known) return known;

  const [x0, y0, x1, y1] = main.box;
  // Near: reaching within half the main piece's size of it, and never more than 10° away. Not
  // step by step from piece to piece: the Aleutians would lead from Washington to Siberia.
  const reach = Math.min(Math.max(x1 - x0, y1 - y0) / 2, Math.PI / 18);
  const extent: [number, number, number, number] = [x0, y0, x1, y1];
  for (const {
    box: [a0, b0, a1, b1],
  } of polygons) {
    if (a1 < x0 - reach || a0 > x1 + reach || b1 < y0 - reach || b0 > y1 + reach) continue;
    extent[0] = Math.min(extent[0], a0);
    extent[1] = Math.min(extent[1], b0);
    extent[2] = Math.max(extent[2], a1);
    extent[3] = Math.max(extent[3], b1);
  }
  extents.set(key, extent);
  return extent;
}

const extents = new Map<string, [number, number, number, number]>();
