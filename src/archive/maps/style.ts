/**
 * How maps look without any CSS: colours, line widths and type sizes as SVG presentation
 * attributes (the site's CSP forbids inline styles), each element also carrying a class so the
 * stylesheet can restyle it (`.map-land`, `.map-country-focus`, `.map-marker`, `.map-label`…).
 *
 * Colours follow the site's palette (global.css): paper, ink, the dark red accent. Labels are
 * ink on a white halo, readable on every fill of the map (contrast checked in the tests). The
 * highlighted country differs from its neighbours by a dark outline as well as its fill, and the
 * page's own place by a ring around its marker, so nothing depends on colour alone and the map
 * survives a black-and-white print.
 */

/** Fill and stroke colours. */
export const colours = {
  /** Sea: the background of every map. */
  sea: '#dfe9ee',
  /** Land of every country. */
  land: '#f6f3ec',
  /** Borders between countries: faint, context only. */
  border: '#a59c8a',
  /** The country the map is about. */
  focusFill: '#ecdcbc',
  /** Its outline: dark, so it stands out in print too. */
  focusStroke: '#5e1010',
  /** Countries an article names, on its map. */
  taggedFill: '#efe3c9',
  /** Markers: the site's accent. */
  marker: '#8a1c1c',
  /** Marker outlines and label halos. */
  halo: '#ffffff',
  /** Place names. */
  label: '#1b1b1b',
  /** Country names. */
  countryLabel: '#5e1010',
  /** Names of the countries around, which are context only: muted, yet AA on every fill. */
  contextLabel: '#5c564b',
} as const;

/** Sizes in viewBox units, for a frame about 520 units wide; `scaled` adapts them to other widths. */
export const sizes = {
  borderWidth: 0.7,
  focusStrokeWidth: 1.4,
  markerRadius: 5,
  markerStrokeWidth: 1.5,
  /** The page's own place: a larger dot inside a ring. */
  hereRadius: 6,
  hereRingRadius: 11,
  hereRingWidth: 2,
  labelSize: 15,
  countryLabelSize: 17,
  haloWidth: 4,
  /** Index map: marker radius for the fewest and the most articles. */
  minRadius: 3.5,
  maxRadius: 15,
} as const;

/**
 * A map's names are drawn in a layer per size, each placed on its own so that each avoids its
 * own collisions; the stylesheet shows the one made for the width the map is drawn at (a
 * container query on `.map-figure`), and without the stylesheet `medium` shows. Type sizes are
 * in units of a 520-unit frame, like `sizes`; in CSS pixels, for a map W pixels wide, a size s
 * is s × W / 520:
 * - `narrow`, below 480 px: 23.5 → 12.5 px in an article's side column on a desktop (276 px),
 *   14.8 px on a 360 px phone (its map is 328 px wide), 16 px on a 390 px one;
 * - `medium`, from 480 px: 15 → 13.8 px at 480, 19.4 px at 672 (place and article maps stop there);
 * - `large`, from 760 px (only the places index is drawn that wide): 11 → 16 px at 760, 20 px at 960.
 * The countries around are named at 0.92 of that (13.6 px at the least on a phone), countries
 * with an entry a little larger.
 */
// `below`: the map width (CSS px) up to which a layer is shown; global.css's container queries
// say the same (tests/unit/maps/style.test.ts holds them to it).
export const labelLayers = [
  { name: 'narrow', below: 480, labelSize: 23.5, countryLabelSize: 25.5 },
  { name: 'medium', below: 760, labelSize: 15, countryLabelSize: 17 },
  { name: 'large', below: Infinity, labelSize: 11, countryLabelSize: 12.5 },
] as const;

/** The frames (viewBox sizes) of the three kinds of map. */
export const frames = {
  /** A place page: about 4:3. */
  locator: { width: 520, height: 390 },
  /** An article page: wider than high, to sit beside or under the text. */
  places: { width: 520, height: 340 },
  /** The places index: larger, with more places to show. */
  overview: { width: 600, height: 400 },
} as const;

/** Sizes scaled to a frame's width (type and markers keep their size relative to the map). */
export function scaled(width: number): Record<keyof typeof sizes, number> {
  let found = scaledSizes.get(width);
  if (!found) {
    const factor = width / 520;
    found = Object.fromEntries(Object.entries(sizes).map(([key, value]) => [key, value * factor])) as Record<
      keyof typeof sizes,
      number
    >;
    scaledSizes.set(width, found);
  }
  return found;
}

const scaledSizes = new Map<number, Record<keyof typeof sizes, number>>();

/**
 * Class names, for the stylesheet. Markers and names, of which the index map may have hundreds,
 * carry no class of their own (it would add 20 bytes each): style them through their layer,
 * `.map-places circle`, `.map-places a`, `.map-labels text`.
 */
export const classes = {
  /** The `<svg>`, with `map--locator`, `map--places` or `map--overview`. */
  map: 'map',
  sea: 'map-sea',
  land: 'map-land',
  border: 'map-border',
  /** The map's subject country (place pages). */
  focus: 'map-country-focus',
  /** A country an article names. */
  tagged: 'map-country-tagged',
  /** The layer of markers: `<a data-place>` or `<g data-place>` around a `<circle>`. */
  places: 'map-places',
  /** The page's own place: a ring and a dot. */
  here: 'map-place map-place--here',
  marker: 'map-marker',
  ring: 'map-marker-ring',
  /** A country drawn as a shape, in a group with its `data-place`. */
  country: 'map-place map-place--country',
  /** The layers of names (`<text>`, in `<a data-label>` or `<g data-label>`), `map-labels--narrow` and so on, one per size. */
  labels: 'map-labels',
  countryLabel: 'map-label map-label--country',
  /** A country around the subject, named for context (not linked). */
  contextLabel: 'map-label map-label--context',
} as const;

/**
 * The credit every page with a map shows next to it. Natural Earth is public domain, so the
 * credit is a courtesy and a statement of where the borders come from (its default view of
 * disputed borders). `html` isolates the Latin name with `<bdi>`, so the parenthesis and the
 * colon keep their places in the right-to-left line.
 */
export const mapCredit = {
  text: 'الحدود: Natural Earth (ملكية عامة)',
  html: 'الحدود: <bdi>Natural Earth</bdi> (ملكية عامة)',
} as const;
