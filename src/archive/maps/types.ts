/**
 * What the map functions take and give back: plain objects, so pages, tests and tools can call
 * them without Astro or the registry's classes.
 */
import type { PLACE_KINDS } from '../model/place.ts';
import type { Resolution } from './natural-earth.ts';

/** What kind of place an entry is (as in the registry). */
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A place to show on a map. */
export interface MapPlace {
  /** Registry id: the marker's `data-place`. */
  id: string;
  /** Display name, as the editor wrote it (escaped when drawn). */
  name: string;
  /** Link to the place's page, ready for an href (base path and percent-encoding applied). */
  href: string;
  /** What kind of place it is: a country is drawn as its shape on article maps. */
  kind?: PlaceKind | undefined;
  /** `[latitude, longitude]` in degrees; a place without them gets no marker. */
  coordinates?: readonly [number, number] | undefined;
  /** Number of articles naming it: the marker's area on the index map. */
  count?: number | undefined;
}

/** A place as the map drew it. */
export interface DrawnPlace {
  id: string;
  name: string;
  /** The link on its marker or shape; `undefined` for the page's own place. */
  href: string | undefined;
  /** `here`: the place whose page shows the map; `marker`: a linked dot; `country`: a linked shape or a country name. */
  role: 'here' | 'marker' | 'country';
  /** Marker centre (or label anchor of a country) in viewBox units. */
  x: number;
  y: number;
  /** Marker radius in viewBox units (0 for a country). */
  radius: number;
  /** Whether its name could be written next to it without covering another. */
  labelled: boolean;
  count?: number | undefined;
}

/** A drawn map and what it shows. */
export interface MapDrawing {
  /** The `<svg>` element, ready to insert into a page. */
  svg: string;
  /** Its accessible name (the `aria-label` and `<title>`), e.g. «خريطة تبيّن موقع غدامس في ليبيا». */
  label: string;
  /** A plain-text alternative listing the places, for a caption or a visually hidden paragraph (plain text: escape it like any text). */
  text: string;
  /** Every place drawn, in drawing order: pages can turn it into a list of links. */
  places: DrawnPlace[];
  /** Places given but not drawn: without coordinates, or too far away for the view. */
  omitted: MapPlace[];
  /** Natural Earth name of the country filled as the map's subject, if any. */
  focusCountry: string | undefined;
  /** The view drawn: its cache key, the Natural Earth scale and the span in degrees. */
  view: { key: string; resolution: Resolution; spanDegrees: number; width: number; height: number };
}
