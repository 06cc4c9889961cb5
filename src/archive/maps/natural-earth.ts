/**
 * Natural Earth country shapes, as packaged by `world-atlas` (TopoJSON, public domain), read
 * once per process and kept: the build draws thousands of maps from the same few files.
 *
 * Three resolutions: 1:10m, the most precise, is used to find which country a point is in
 * and to draw the highlighted country (at 1:50m the Algeria–Libya border runs west of
 * Debdeb, putting the Algerian town in Libya); 1:50m and 1:110m draw the background of
 * regional and wide views, where finer shapes would only make the SVG bigger.
 *
 * Borders are Natural Earth's default ("de facto") view of disputed areas, as world-atlas
 * ships it; the credit line in `style.ts` names the source.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoContains } from 'd3-geo';
import type { Feature, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** A Natural Earth scale: 1:10m, 1:50m or 1:110m. */
export type Resolution = '10m' | '50m' | '110m';

/** One Natural Earth country (or dependency, or disputed territory shown apart). */
export interface NaturalEarthCountry {
  /** Natural Earth's English name; unique in world-atlas (ids are not: some have none). */
  name: string;
  /** ISO 3166-1 numeric code («434» for Libya), where Natural Earth gives one. */
  code: string | undefined;
  /** Its polygons, each a list of rings of `[longitude, latitude]`, outer ring first. */
  polygons: Position[][][];
  /** Longitude/latitude box of each polygon, `[west, south, east, north]`, to skip most point tests. */
  boxes: [number, number, number, number][];
}

/** Everything one resolution offers. */
export interface Atlas {
  resolution: Resolution;
  /** Every country, in the file's order. */
  countries: NaturalEarthCountry[];
  /** Countries by Natural Earth name. */
  byName: Map<string, NaturalEarthCountry>;
  /** All land, polygon by polygon (country borders dissolved); built on first use. */
  readonly land: Position[][][];
  /** Borders between two countries (coasts excluded), line by line; built on first use. */
  readonly borders: Position[][];
}

type CountryObjects = { countries: GeometryCollection<{ name: string }>; land: GeometryCollection };

const atlases = new Map<Resolution, Atlas>();

/** The atlas of one resolution, read from `node_modules/world-atlas` on first use. */
export function atlas(resolution: Resolution): Atlas {
  let loaded = atlases.get(resolution);
  if (!loaded) {
    loaded = readAtlas(resolution);
    atlases.set(resolution, loaded);
  }
  return loaded;
}

function readAtlas(resolution: Resolution): Atlas {
  // Resolved from this module, not from the working directory, so tests and the build find the
  // same copy wherever they run.
  const file = createRequire(import.meta.url).resolve(`world-atlas/countries-${resolution}.json`);
  const topology = JSON.parse(fs.readFileSync(file, 'utf8')) as Topology<CountryObjects>;
  const countries: NaturalEarthCountry[] = [];
  for (const shape of feature(topology, topology.objects.countries).features) {
    const polygons = polygonsOf(shape).map(rewound);
    if (polygons.length === 0) continue;
    const code = typeof shape.id === 'string' && /^\d{3}$/.test(shape.id) ? shape.id : undefined;
    countries.push({ name: shape.properties.name, code, polygons, boxes: polygons.map(boxOf) });
  }
  // Land and borders are needed only for backgrounds at this scale (1:10m: close views only),
  // and the border mesh of 1:10m alone takes 170 ms: both are built on first use.
  let land: Position[][][] | undefined;
  let borders: Position[][] | undefined;
  return {
    resolution,
    countries,
    byName: new Map(countries.map((c) => [c.name, c])),
    get land() {
      land ??= feature(topology, topology.objects.land).features.flatMap((f) => polygonsOf(f).map(rewound));
      return land;
    },
    get borders() {
      borders ??= (mesh(topology, topology.objects.countries, (a, b) => a !== b) as MultiLineString).coordinates;
      return borders;
    },
  };
}

function polygonsOf(shape: Feature | { geometry: Feature['geometry'] | null }): Position[][][] {
  const geometry = shape.geometry;
  if (geometry?.type === 'Polygon') return [geometry.coordinates];
  if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/**
 * d3 reads a ring's orientation to tell inside from outside on the sphere; a polygon wound the
 * other way covers the rest of the globe. One 1:10m shape (the Maldives) is, so every polygon
 * larger than a hemisphere is turned round.
 */
function rewound(polygon: Position[][]): Position[][] {
  // d3 wants outer rings clockwise in longitude/latitude; checking that on the plane is cheap,
  // and only the rings that fail it need the spherical area.
  if (planarArea(polygon[0] ?? []) < 0) return polygon;
  const asGeometry: Polygon = { type: 'Polygon', coordinates: polygon };
  if (geoArea(asGeometry) <= 2 * Math.PI) return polygon;
  return polygon.map((ring) => [...ring].reverse());
}

/** Signed area of a ring in plain degrees: negative when clockwise. */
function planarArea(ring: Position[]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    area += (xj - xi) * (yj + yi);
  }
  return area / 2;
}

function boxOf(polygon: Position[][]): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}

const countryAtCache = new Map<string, NaturalEarthCountry | null>();

/**
 * The Natural Earth country (1:10m) whose shape contains a point, by point-in-polygon on the
 * sphere: registry names are Arabic and Natural Earth's English, so names cannot be matched.
 * `undefined` for a point at sea or on an island too small for the map.
 */
export function countryAt(latitude: number, longitude: number): NaturalEarthCountry | undefined {
  const key = `${latitude},${longitude}`;
  let found = countryAtCache.get(key);
  if (found === undefined) {
    found = null;
    search: for (const country of atlas('10m').countries) {
      for (const [i, [west, south, east, north]] of country.boxes.entries()) {
        // The box is of the outer ring in plain degrees: conservative except for shapes cut at
        // the antimeridian, whose box then spans every longitude (a slower test, still right).
        if (latitude < south || latitude > north || longitude < west || longitude > east) continue;
        const polygon: Polygon = { type: 'Polygon', coordinates: country.polygons[i] ?? [] };
        if (geoContains(polygon, [longitude, latitude])) {
          found = country;
          break search;
        }
      }
    }
    countryAtCache.set(key, found);
  }
  return found ?? undefined;
}

/** A country's shape as one GeoJSON geometry, for callers that test points against it. */
export function countryGeometry(country: NaturalEarthCountry): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: country.polygons };
}
