/**
 * The map of the places index. A registry country is its filled shape, linked to its page and
 * named; every other place with coordinates a circle whose area grows with the number of
 * articles naming it (radius ∝ √count, between a minimum that stays visible and clickable and a
 * maximum that does not bury the neighbours), largest drawn first so the small ones stay on top.
 * Names are placed for the most written-about places first, as room allows, and the countries
 * around, which the archive has no entry for, are named faintly where room is left.
 */
import { finish, inView, listNames, located, planePoint } from './compose.ts';
import type { CountrySpec, MarkerSpec } from './draw.ts';
import { countryAt } from './natural-earth.ts';
import { countryExtent } from './planar.ts';
import { frames, scaled } from './style.ts';
import type { MapDrawing, MapPlace } from './types.ts';
import { fitView, toViewBox, within } from './view.ts';

/** Options of `overviewMap`. */
export interface OverviewMapOptions {
  /** Replaces the accessible name. */
  label?: string | undefined;
  /** Writes an article count in the text alternative (the site's numbering system). */
  formatCount?: ((count: number) => string) | undefined;
}

/** The index map of all places with coordinates, or `undefined` when none has any. */
export function overviewMap(places: readonly MapPlace[], options: OverviewMapOptions = {}): MapDrawing | undefined {
  const withPoints = places.filter(located);
  if (withPoints.length === 0) return undefined;
  const frame = frames.overview;
  const size = scaled(frame.width);
  // A country is its shape when its point lies in one: a dot would say «a town».
  const shapes = new Map(
    withPoints.filter((p) => p.kind === 'country').map((p) => [p, countryAt(p.coordinates[0], p.coordinates[1])]),
  );
  const countryPlaces = withPoints.filter((p) => shapes.get(p) !== undefined);
  const pointPlaces = withPoints.filter((p) => shapes.get(p) === undefined);
  // Areas are relative to the busiest place, but never to fewer than 20 articles: in a young
  // archive where every place has one article, markers stay small instead of all being largest.
  const most = Math.max(20, ...pointPlaces.map((p) => p.count ?? 0));
  const radius = (count: number) =>
    Math.max(size.minRadius, Math.min(size.maxRadius, size.maxRadius * Math.sqrt(count / most)));

  const view = fitView(frame, {
    must: withPoints.map(planePoint),
    wish: countryPlaces.flatMap((p) => {
      const shape = shapes.get(p);
      return shape ? [countryExtent(shape, planePoint(p))] : [];
    }),
    minSpan: 8,
    wishMaxSpan: 90,
    maxSpan: 360,
    padding: size.maxRadius * 1.5,
  });
  // Most articles first: drawn first (underneath) and labelled first.
  const byCount = <P extends MapPlace>(list: P[]) => [...list].sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  const countries: CountrySpec[] = [];
  const outsideCountries: MapPlace[] = [];
  for (const p of byCount(countryPlaces)) {
    const at = toViewBox(view, planePoint(p));
    if (!within(view, at, 0)) {
      outsideCountries.push(p);
      continue;
    }
    countries.push({ country: shapes.get(p)!, variant: 'tagged', place: p, labelAt: at, linked: true });
  }
  const { shown, outside } = inView(view, byCount(pointPlaces));
  const markers: MarkerSpec[] = shown.map(([place, at]) => ({
    place,
    role: 'marker',
    at,
    radius: radius(place.count ?? 0),
  }));

  const format = options.formatCount ?? ((n: number) => String(n));
  const label = options.label ?? 'خريطة الأماكن التي تذكرها مقالات الأرشيف';
  const named = [...countries.flatMap((c) => (c.place ? [c.place] : [])), ...shown.map(([p]) => p)];
  const text =
    'على الخريطة الدول مظللة، وسائر الأماكن دوائر مساحة كل منها على قدر عدد المقالات: ' +
    `${listNames(named.map((p) => (p.count === undefined ? p.name : `${p.name} (${format(p.count)})`)))}.`;
  const omitted = [...places.filter((p) => !located(p)), ...outsideCountries, ...outside];
  // Names as large as on the other maps, relative to the frame (`style.ts`); fewer fit on a
  // crowded index map: those left off keep their marker, its tooltip and their place in the
  // text alternative.
  return finish({ kind: 'overview', view, label, countries, markers, context: true }, text, omitted, undefined);
}
