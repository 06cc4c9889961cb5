/**
 * The map of an article page: the places it names. A town or city is a dot, a country its
 * filled shape with its name; each links to its page. The view fits them all with room around
 * the markers, showing whole the countries named when a span of up to 60° allows, and is never
 * narrower than 8°: a single town is shown within its region, not its streets.
 */
import { finish, inView, listNames, located, planePoint } from './compose.ts';
import type { CountrySpec, MarkerSpec } from './draw.ts';
import { countryAt } from './natural-earth.ts';
import { countryExtent } from './planar.ts';
import { frames, scaled } from './style.ts';
import type { MapDrawing, MapPlace } from './types.ts';
import { fitView, toViewBox, within } from './view.ts';

/** Options of `placesMap`. */
export interface PlacesMapOptions {
  /** Replaces the accessible name. */
  label?: string | undefined;
}

/** The map of the given places (in the order given: the first are labelled first), or `undefined` when none has coordinates. */
export function placesMap(places: readonly MapPlace[], options: PlacesMapOptions = {}): MapDrawing | undefined {
  const withPoints = places.filter(located);
  if (withPoints.length === 0) return undefined;
  const frame = frames.places;
  const size = scaled(frame.width);

  // A named country is its shape (when its point lies in one); everything else a dot.
  const shapes = new Map(
    withPoints.filter((p) => p.kind === 'country').map((p) => [p, countryAt(p.coordinates[0], p.coordinates[1])]),
  );
  const countryPlaces = withPoints.filter((p) => shapes.get(p) !== undefined);
  const pointPlaces = withPoints.filter((p) => shapes.get(p) === undefined);

  const view = fitView(frame, {
    must: withPoints.map(planePoint),
    wish: countryPlaces.flatMap((p) => {
      const shape = shapes.get(p);
      return shape ? [countryExtent(shape, planePoint(p))] : [];
    }),
    minSpan: 8,
    wishMaxSpan: 60,
    maxSpan: 180,
    padding: size.markerRadius + 8,
  });

  const countries: CountrySpec[] = [];
  const outsideCountries: MapPlace[] = [];
  for (const p of countryPlaces) {
    const shape = shapes.get(p);
    const at = toViewBox(view, planePoint(p));
    if (!shape || !within(view, at, 0)) {
      outsideCountries.push(p);
      continue;
    }
    countries.push({ country: shape, variant: 'tagged', place: p, labelAt: at, linked: true });
  }
  const { shown, outside } = inView(view, pointPlaces);
  const markers: MarkerSpec[] = shown.map(([place, at]) => ({ place, role: 'marker', at, radius: size.markerRadius }));

  const names = [...countries.flatMap((c) => (c.place ? [c.place.name] : [])), ...shown.map(([p]) => p.name)];
  const label = options.label ?? `خريطة تبيّن ${names.length === 1 ? 'موقع' : 'مواقع'} ${listNames(names)}`;
  const text = `على الخريطة: ${listNames(names)}.`;
  const omitted = [...places.filter((p) => !located(p)), ...outsideCountries, ...outside];
  return finish({ kind: 'places', view, label, countries, markers }, text, omitted, undefined);
}
