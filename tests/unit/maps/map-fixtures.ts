/**
 * The seed registry's six places (content/places/), as the map functions take them, and helpers
 * to read a drawn map back: every map must parse as XML, so they are read with cheerio in XML mode.
 */
import * as cheerio from 'cheerio';
import { SyntaxValidator } from 'fast-xml-validator';
import { expect } from 'vitest';
import {
  countryOf,
  placesByCountry,
  type MapDrawing,
  type MapPlace,
  type PlaceKind,
} from '../../../src/archive/maps/maps.ts';

/** A registry entry with the fields maps use. */
export interface Entry {
  id: string;
  name: string;
  kind: PlaceKind;
  within?: string;
  coordinates?: [number, number];
  count?: number;
}

export const registry: Entry[] = [
  { id: 'tripoli', name: 'طرابلس', kind: 'city', within: 'libya', coordinates: [32.89, 13.19], count: 14 },
  { id: 'libya', name: 'ليبيا', kind: 'country', coordinates: [27.0, 17.0], count: 40 },
  { id: 'algeria', name: 'الجزائر', kind: 'country', coordinates: [28.0, 2.6], count: 35 },
  { id: 'debdeb', name: 'الدبداب', kind: 'town', within: 'algeria', coordinates: [29.97, 9.42], count: 3 },
  { id: 'ghadames', name: 'غدامس', kind: 'town', within: 'libya', coordinates: [30.13, 9.5], count: 5 },
  { id: 'tin-alkoum', name: 'تين الكوم', kind: 'crossing', within: 'algeria', coordinates: [24.6, 10.2], count: 2 },
];

const byId = new Map(registry.map((e) => [e.id, e]));

/** An entry by id (throws on a typo in a test). */
export function entry(id: string): Entry {
  const found = byId.get(id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}

/** An entry as a map place, linking to its page. */
export function mapPlace(e: Entry): MapPlace {
  return { id: e.id, name: e.name, kind: e.kind, href: `/places/${e.id}/`, coordinates: e.coordinates, count: e.count };
}

/** What a place page passes to `locatorMap`, computed the way a page would. */
export function locatorInput(id: string) {
  const e = entry(id);
  const country = countryOf(e, (other) => byId.get(other));
  const contained = placesByCountry(registry).get(e.id) ?? [];
  return {
    place: { ...mapPlace(e), kind: e.kind },
    country: country && mapPlace(country),
    contained: contained.map(mapPlace),
  };
}

/** The map's SVG parsed as XML, after checking it is well-formed. */
export function parse(drawing: MapDrawing | undefined): cheerio.CheerioAPI {
  expect(drawing).toBeDefined();
  const svg = drawing?.svg ?? '';
  expect(SyntaxValidator.validate(svg)).toBe(true);
  return cheerio.load(svg, { xml: true });
}

/** Ids on the `data-place` of every marker (not countries) in the SVG, in document order. */
export function markerIds($: cheerio.CheerioAPI): string[] {
  return $('.map-places [data-place]')
    .toArray()
    .map((el) => $(el).attr('data-place') ?? '');
}

/** The largest map any page may carry, before compression. */
export const MAX_BYTES = 40 * 1024;

/** Size of a map in bytes (UTF-8: Arabic names take two bytes a letter). */
export function bytes(drawing: MapDrawing | undefined): number {
  return Buffer.byteLength(drawing?.svg ?? '', 'utf8');
}
