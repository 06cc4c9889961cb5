/**
 * The map of a place page: where the place is. Its country is filled and outlined, the
 * neighbours drawn faintly around it, the place itself a ringed dot. A country or region page
 * also shows the places inside it that have coordinates, each linking to its page.
 *
 * The view shows the whole country when a span of up to 60° allows (90° on the country's own
 * page), so a town is seen within its country and a country with its neighbours; else a region
 * of 27° or more around the town. It is never narrower than 8°, so a small country still shows
 * its region. A place without coordinates gets its country's map without a dot; without
 * either, no map.
 */
import { finish, inView, listNames, located, planePoint } from './compose.ts';
import type { CountrySpec, MarkerSpec } from './draw.ts';
import { countryAt } from './natural-earth.ts';
import { naturalEarthCountry } from './place-country.ts';
import { countryExtent } from './planar.ts';
import { frames, scaled } from './style.ts';
import type { MapDrawing, MapPlace, PlaceKind } from './types.ts';
import { fitView, toViewBox, type PlaneBox } from './view.ts';

/** What a place page's map is about. */
export interface LocatorInput {
  /** The place whose page shows the map. */
  place: MapPlace & { kind: PlaceKind };
  /** Its registry country (`countryOf`): filled and named. Ignored for a country, which is its own. */
  country?: MapPlace | undefined;
  /** Places inside it (a country's or region's page): those with coordinates become linked markers. */
  contained?: readonly MapPlace[] | undefined;
  /** Replaces the accessible name. */
  label?: string | undefined;
}

/** The map of a place page, or `undefined` when neither the place nor its country can be located. */
export function locatorMap(input: LocatorInput): MapDrawing | undefined {
  const { place } = input;
  const isCountry = place.kind === 'country';
  const country = isCountry ? place : input.country;
  const contained = (input.contained ?? []).filter((p) => p.id !== place.id && p.id !== country?.id);
  const markers = contained.filter(located);
  const here = !isCountry && located(place) ? place : undefined;

  // The shape: the registry country's; for a place in no registry country, the one it lies in.
  const shape = country
    ? naturalEarthCountry(country, isCountry ? contained : here ? [here] : [])
    : here
      ? countryAt(here.coordinates[0], here.coordinates[1])
      : undefined;
  const countryPoint = country && located(country) ? planePoint(country) : undefined;
  const herePoint = here ? planePoint(here) : undefined;
  const extent: PlaneBox | undefined = shape ? countryExtent(shape, countryPoint ?? herePoint) : undefined;

  const must = [...(herePoint ? [herePoint] : []), ...markers.map(planePoint)];
  if (must.length === 0 && countryPoint && !extent) must.push(countryPoint);
  if (must.length === 0 && !extent) return undefined;

  const frame = frames.locator;
  const size = scaled(frame.width);
  const view = fitView(frame, {
    must,
    wish: extent ? [extent] : [],
    minSpan: 8,
    // A country page shows its country whole up to a quarter of the world; a town page, up to
    // a sixth, else a region of 27° around the town.
    wishMaxSpan: isCountry ? 90 : 60,
    contextSpan: 27,
    maxSpan: 90,
    anchor: herePoint ?? countryPoint,
    padding: size.hereRingRadius + 6,
  });

  const countries: CountrySpec[] = [];
  if (shape) {
    const labelPoint =
      countryPoint ?? (extent ? ([(extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2] as const) : undefined);
    countries.push({
      country: shape,
      variant: 'focus',
      place: country,
      labelAt: labelPoint ? toViewBox(view, [labelPoint[0], labelPoint[1]]) : undefined,
      linked: !isCountry,
    });
  }
  const specs: MarkerSpec[] = [];
  if (here && herePoint)
    specs.push({ place: here, role: 'here', at: toViewBox(view, herePoint), radius: size.hereRadius });
  const byCount = [...markers].sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  const { shown, outside } = inView(view, byCount);
  for (const [p, at] of shown) specs.push({ place: p, role: 'marker', at, radius: size.markerRadius });

  const inCountry = country && country.id !== place.id ? ` في ${country.name}` : '';
  const label =
    input.label ??
    (here || isCountry
      ? `خريطة تبيّن موقع ${place.name}${inCountry}`
      : `خريطة ${country?.name ?? place.name}، وفيها ${place.name}`);
  const sentences = [
    here || isCountry
      ? `تبيّن الخريطة موقع ${place.name}${inCountry}.`
      : `تبيّن الخريطة ${country?.name ?? ''}؛ لم تُسجَّل إحداثيات ${place.name}.`,
  ];
  if (shown.length > 0) sentences.push(`وعليها أيضًا: ${listNames(shown.map(([p]) => p.name))}.`);
  const omitted = [...contained.filter((p) => !located(p)), ...outside];
  return finish({ kind: 'locator', view, label, countries, markers: specs, context: true }, sentences.join(' '), omitted, shape?.name);
}
