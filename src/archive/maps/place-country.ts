/**
 * Which country a place belongs to. In the registry it is the place itself for a country, else
 * the first country up its `within` chain (ghadames → libya); on the map it is the Natural
 * Earth shape that contains the registry country's coordinates (`countryAt`), because names
 * cannot be matched: the registry is Arabic, Natural Earth English.
 */
import { countryAt, type NaturalEarthCountry } from './natural-earth.ts';
import type { MapPlace, PlaceKind } from './types.ts';

/** The registry fields the `within` chain needs. */
export interface RegistryPlace {
  id: string;
  kind: PlaceKind;
  /** Id of the containing place. */
  within?: string | undefined;
}

/**
 * The registry country of a place: itself if it is one, else the first country found by
 * following `within`. `undefined` when the chain ends (or loops) without reaching a country.
 */
export function countryOf<P extends RegistryPlace>(place: P, lookup: (id: string) => P | undefined): P | undefined {
  const seen = new Set<string>();
  let current: P | undefined = place;
  while (current && !seen.has(current.id)) {
    if (current.kind === 'country') return current;
    seen.add(current.id);
    current = current.within === undefined ? undefined : lookup(current.within);
  }
  return undefined;
}

/**
 * Every place grouped under its registry country's id (countries themselves left out), in the
 * order given: the places a country page's map shows. Computed once for all pages.
 */
export function placesByCountry<P extends RegistryPlace>(places: Iterable<P>): Map<string, P[]> {
  const byId = new Map<string, P>();
  for (const place of places) byId.set(place.id, place);
  const groups = new Map<string, P[]>();
  for (const place of byId.values()) {
    if (place.kind === 'country') continue;
    const country = countryOf(place, (id) => byId.get(id));
    if (!country) continue;
    const group = groups.get(country.id) ?? [];
    group.push(place);
    groups.set(country.id, group);
  }
  return groups;
}

/**
 * The Natural Earth shape of a registry country: the one containing its coordinates, else (a
 * country entered without coordinates) the one containing most of the given places inside it.
 */
export function naturalEarthCountry(
  country: MapPlace,
  inside: readonly MapPlace[] = [],
): NaturalEarthCountry | undefined {
  if (country.coordinates) {
    const found = countryAt(country.coordinates[0], country.coordinates[1]);
    if (found) return found;
  }
  const votes = new Map<NaturalEarthCountry, number>();
  for (const place of inside) {
    if (!place.coordinates) continue;
    const found = countryAt(place.coordinates[0], place.coordinates[1]);
    if (found) votes.set(found, (votes.get(found) ?? 0) + 1);
  }
  let best: NaturalEarthCountry | undefined;
  for (const [candidate, count] of votes) if (!best || count > (votes.get(best) ?? 0)) best = candidate;
  return best;
}
