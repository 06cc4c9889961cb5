/**
 * The site's maps (src/archive/maps/): registry places turned into map places with their
 * links, and the drawing for each kind of page. Layouts call these with their props only;
 * a map is a pure function of them, so it changes exactly when the page's props do.
 */
import { locatorMap, overviewMap, placesMap, type MapDrawing, type MapPlace } from '../archive/maps/maps.ts';
import type { Place } from '../archive/model/place.ts';
import type { PlaceRef } from '../archive/model/registry.ts';
import { paths } from '../archive/urls.ts';
import { link, num } from './site.ts';

function mapPlace(place: PlaceRef, count?: number): MapPlace {
  return { id: place.id, name: place.name, href: link(paths.entity(place)), kind: place.kind, coordinates: place.coordinates, ...(count !== undefined ? { count } : {}) };
}

/** An article's places (those with coordinates become linked markers). */
export function articleMap(places: readonly PlaceRef[]): MapDrawing | undefined {
  return places.length > 0 ? placesMap(places.map((p) => mapPlace(p))) : undefined;
}

/** A place page: the place in its country, and for a country or region the places within it. */
export function placeMap(place: Place, ancestors: readonly PlaceRef[], contained: readonly PlaceRef[]): MapDrawing | undefined {
  const country = ancestors.find((p) => p.kind === 'country');
  return locatorMap({
    place: { ...mapPlace(place), kind: place.kind },
    ...(country ? { country: mapPlace(country) } : {}),
    contained: contained.map((p) => mapPlace(p)),
  });
}

/** The places index: every place with its number of articles. */
export function placesIndexMap(places: readonly { place: PlaceRef; count: number }[]): MapDrawing | undefined {
  return overviewMap(
    places.map(({ place, count }) => mapPlace(place, count)),
    { formatCount: num },
  );
}
