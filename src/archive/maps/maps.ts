/**
 * Build-time maps for place, article and index pages (issue 8): plain SVG strings, no script,
 * no tiles, no request to any server. Natural Earth shapes from `world-atlas`, projected with
 * d3-geo (Mercator) once per view and cached; markers linking to place pages; Arabic names.
 *
 * - `locatorMap` — a place page: the place in its country (`locator-map.ts`).
 * - `placesMap` — an article page: the places it names (`places-map.ts`).
 * - `overviewMap` — the places index: every place, sized by its number of articles (`overview-map.ts`).
 * - `countryOf`, `placesByCountry` — a place's registry country, and each country's places.
 * - `mapCredit` — the credit line to show with any map.
 *
 * Using a drawing on a page:
 * - insert `drawing.svg` as raw HTML (`set:html`): names and links are escaped here, and the
 *   markup is well-formed XML without inline styles or scripts;
 * - show `mapCredit.html` with it, and its places as ordinary links: `drawing.places` (id,
 *   name, href, role) or, as plain text to escape like any text, `drawing.text`. The SVG is
 *   one named group to assistive technology (`role="group"`, an Arabic `aria-label`), and its
 *   links are out of the tab order (`tabindex="-1"`), so that list is how keyboard users reach
 *   the places;
 * - size it with CSS: it has a viewBox and no width or height (`.map { display: block;
 *   inline-size: 100%; block-size: auto }`), and inherits the page's font. Classes for
 *   restyling: `.map-sea`, `.map-land`, `.map-border`, `.map-country-focus`,
 *   `.map-country-tagged`, `.map-places circle`, `.map-place--here`, `.map-labels text`,
 *   `.map-label--country`, `.map-label--context`; the defaults are presentation attributes, so
 *   the map looks right without any CSS and prints (no information in colour alone);
 * - show the layer of names made for the width the map is drawn at: `.map-labels--narrow`,
 *   `--medium` (shown without CSS) and `--large`, by a container query (`style.ts`, `labelLayers`;
 *   the site's rules are in global.css).
 *
 * Cost, measured on a synthetic archive of 500 places and 10,000 articles (2-core VM): reading
 * the 1:10m shapes once, 0.6 s; 500 locator maps, 0.5 s (58 distinct views); 10,000 article
 * maps, 0.9 s (820 distinct views; 0.05 ms a map once its view is cached). Maps average 6–7 KB.
 */
export { locatorMap, type LocatorInput } from './locator-map.ts';
export { placesMap, type PlacesMapOptions } from './places-map.ts';
export { overviewMap, type OverviewMapOptions } from './overview-map.ts';
export { countryOf, placesByCountry, type RegistryPlace } from './place-country.ts';
export { mapCredit } from './style.ts';
export type { DrawnPlace, MapDrawing, MapPlace, PlaceKind } from './types.ts';
