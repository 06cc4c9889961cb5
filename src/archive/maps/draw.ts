/**
 * Puts a map together: the view's background (cached), the countries to fill, the markers and
 * the names, as one `<svg>` string. The three public maps (`locator-map.ts`, `places-map.ts`,
 * `overview-map.ts`) decide what to show; this module only draws it.
 *
 * The SVG scales with its container (a viewBox, no width or height), takes its font from the
 * page (no font-family, so the site's Noto Naskh Arabic applies), and is one image for assistive
 * technology: a named group (`role="group"` with an Arabic name). Its links are out of the tab
 * order (`tabindex="-1"`: a map of 500 places would be 500 tab stops; the page lists the same
 * places as ordinary links next to it, `MapDrawing.places`); each marker's link is named after
 * its place, and the links on the written names, which repeat them, are hidden from assistive
 * technology. (`role="img"` would hide the links' names yet keep them interactive, which
 * checkers rightly flag as nested interactive content.)
 */
import { background, countryPath } from './basemap.ts';
import { countriesInView } from './country-labels.ts';
import { arabicCountryName } from './country-names.ts';
import { LabelPlacer, labelSize, type PlacedLabel } from './labels.ts';
import type { NaturalEarthCountry } from './natural-earth.ts';
import { classes, colours, labelLayers, scaled } from './style.ts';
import { attributes, escapeXml, safeHref } from './svg-markup.ts';
import type { DrawnPlace, MapPlace } from './types.ts';
import type { MapView, PlanePoint } from './view.ts';

/** A point place to draw, at its viewBox position. */
export interface MarkerSpec {
  place: MapPlace;
  /** `here` is the page's own place: a ringed dot, not a link. */
  role: 'here' | 'marker';
  at: PlanePoint;
  radius: number;
}

/** A country to fill. */
export interface CountrySpec {
  country: NaturalEarthCountry;
  /** `focus`: the map's subject (dark outline); `tagged`: a country an article names. */
  variant: 'focus' | 'tagged';
  /** The registry country: its name is written at `labelAt`, its page linked when `linked`. */
  place?: MapPlace | undefined;
  labelAt?: PlanePoint | undefined;
  linked: boolean;
}

/** Everything a map shows. */
export interface Scene {
  kind: 'locator' | 'places' | 'overview';
  view: MapView;
  /** Accessible name. */
  label: string;
  countries: CountrySpec[];
  /** Markers, most important first: that is the order their names are placed in. */
  markers: MarkerSpec[];
  /** Name the countries around in Arabic, faintly, where room is left (place pages, the places index). */
  context?: boolean | undefined;
}

/** The names of the countries around, relative to the places' names: smaller, and muted. */
const CONTEXT_SIZE = 0.92;

/** The names of one layer: where each went, or nothing when it found no room. */
interface LabelLayout {
  fontSize: number;
  countryFontSize: number;
  markers: Map<MarkerSpec, PlacedLabel>;
  countries: Map<CountrySpec, PlacedLabel>;
  context: { name: string; label: PlacedLabel }[];
}

/**
 * Places the names of a scene at one type size: markers first claim their room, so no name
 * covers any marker; then the names of the countries drawn as shapes (the largest features of
 * the map, and the fewest); then the markers' names, most important first; last, where room is
 * left, the names of the countries around.
 */
function layOut(scene: Scene, fontSize: number, countryFontSize: number): LabelLayout {
  const { view } = scene;
  const size = scaled(view.width);
  const placer = new LabelPlacer(view.width, view.height, 2);
  for (const {
    at: [x, y],
    radius,
    role,
  } of scene.markers) {
    const r = (role === 'here' ? size.hereRingRadius : radius) + size.markerStrokeWidth;
    placer.block({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
  }
  const countries = new Map<CountrySpec, PlacedLabel>();
  for (const country of scene.countries) {
    if (!country.place || !country.labelAt) continue;
    const box = labelSize(country.place.name, countryFontSize);
    // At the registry's point, or where the names around leave room: the middle of the part
    // of the country the view shows.
    const inner = countriesInView(view).find((c) => c.country.name === country.country.name);
    const placed =
      placer.placeCentred(country.labelAt[0], country.labelAt[1], box) ??
      (inner ? placer.placeCentred(inner.at[0], inner.at[1], box, Math.max(0, inner.room - box.height / 2)) : undefined);
    if (placed) countries.set(country, placed);
  }
  const markers = new Map<MarkerSpec, PlacedLabel>();
  for (const marker of scene.markers) {
    // Clear of the marker's outline by the label's halo and air of a third of the type size:
    // Naskh letters reach past their advance, and a name touching its dot reads as «•طرابلس».
    const outer =
      marker.role === 'here'
        ? size.hereRingRadius + size.hereRingWidth / 2
        : marker.radius + size.markerStrokeWidth / 2;
    const gap = outer + size.haloWidth / 2 + fontSize / 3;
    // Two places close together (Debdeb and Ghadames, across a border from each other): each
    // name goes on its own place's side, not over the other's.
    const near = nearest(marker, scene.markers, 3 * fontSize);
    const side = !near ? 'any' : near.at[0] < marker.at[0] ? 'right' : 'left';
    const placed = placer.placeBeside(marker.at[0], marker.at[1], gap, labelSize(marker.place.name, fontSize), side);
    if (placed) markers.set(marker, placed);
  }
  const context: LabelLayout['context'] = [];
  if (scene.context) {
    const drawn = new Set(scene.countries.map((c) => c.country.name));
    for (const seen of countriesInView(view)) {
      const name = drawn.has(seen.country.name) ? undefined : arabicCountryName(seen.country);
      if (!name) continue;
      const box = labelSize(name, fontSize * CONTEXT_SIZE);
      // Inside the country: no farther out than its room (a long name may reach a little more
      // sideways, where countries are usually wider than high), and moved only within it.
      if (box.height / 2 > seen.room || box.width / 2 > seen.room * 1.8) continue;
      const placed = placer.placeCentred(seen.at[0], seen.at[1], box, seen.room - box.height / 2);
      if (placed) context.push({ name, label: placed });
    }
  }
  return { fontSize, countryFontSize, markers, countries, context };
}

/** The marker nearest to another within a distance, if any. */
function nearest(marker: MarkerSpec, all: readonly MarkerSpec[], within: number): MarkerSpec | undefined {
  let best: MarkerSpec | undefined;
  let bestDistance = within;
  for (const other of all) {
    if (other === marker) continue;
    const d = Math.hypot(other.at[0] - marker.at[0], other.at[1] - marker.at[1]);
    if (d < bestDistance) {
      best = other;
      bestDistance = d;
    }
  }
  return best;
}

/** Draws a scene: the SVG, and each place as drawn (in drawing order). */
export function drawScene(scene: Scene): { svg: string; places: DrawnPlace[] } {
  const { view } = scene;
  const size = scaled(view.width);
  // Place and article maps are never drawn wider than 672 px: no `large` layer for them.
  const factor = view.width / 520;
  const layers = labelLayers
    .filter((l) => scene.kind === 'overview' || l.name !== 'large')
    .map((l) => ({ name: l.name, layout: layOut(scene, l.labelSize * factor, l.countryLabelSize * factor) }));
  // What the map reports as labelled, and where a country's name went: the layer shown without CSS.
  const shown = layers.find((l) => l.name === 'medium')!.layout;
  const markerLabels = shown.markers;
  const countryLabels = shown.countries;

  const drawn: DrawnPlace[] = [];
  const { land, borders } = background(view);
  let svg =
    `<svg${attributes({
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${view.width} ${view.height}`,
      class: `${classes.map} map--${scene.kind}`,
      role: 'group',
      'aria-label': scene.label,
    })}><title>${escapeXml(scene.label)}</title>` +
    `<rect${attributes({ class: classes.sea, width: view.width, height: view.height, fill: colours.sea })}/>`;
  if (land) svg += `<path${attributes({ class: classes.land, fill: colours.land, d: land })}/>`;
  if (borders) {
    svg += `<path${attributes({
      class: classes.border,
      fill: 'none',
      stroke: colours.border,
      'stroke-width': size.borderWidth,
      'stroke-linejoin': 'round',
      d: borders,
    })}/>`;
  }

  // Countries after the borders, so their outline is not crossed by the faint border lines.
  for (const spec of scene.countries) {
    const d = countryPath(view, spec.country);
    const focus = spec.variant === 'focus';
    const shape = d
      ? `<path${attributes({
          class: focus ? classes.focus : classes.tagged,
          fill: focus ? colours.focusFill : colours.taggedFill,
          stroke: focus ? colours.focusStroke : colours.border,
          'stroke-width': focus ? size.focusStrokeWidth : size.borderWidth * 1.5,
          'stroke-linejoin': 'round',
          d,
        })}/>`
      : '';
    if (!spec.place) {
      svg += shape;
      continue;
    }
    const href = spec.linked ? safeHref(spec.place.href) : undefined;
    svg += group(href, { class: classes.country, 'data-place': spec.place.id, ...(href ? { 'aria-label': spec.place.name } : {}) }, shape);
    const label = countryLabels.get(spec);
    drawn.push({
      id: spec.place.id,
      name: spec.place.name,
      href,
      role: 'country',
      x: label?.x ?? spec.labelAt?.[0] ?? view.width / 2,
      y: label?.y ?? spec.labelAt?.[1] ?? view.height / 2,
      radius: 0,
      labelled: label !== undefined,
      count: spec.place.count,
    });
  }

  svg += `<g${attributes({
    class: classes.places,
    fill: colours.marker,
    'fill-opacity': scene.kind === 'overview' ? 0.85 : undefined,
    stroke: colours.halo,
    'stroke-width': size.markerStrokeWidth,
  })}>`;
  // The page's own place last, so it is drawn on top of any marker it touches.
  const order = [...scene.markers].sort((a, b) => Number(a.role === 'here') - Number(b.role === 'here'));
  for (const marker of order) {
    const { place, at, radius, role } = marker;
    const [cx, cy] = at;
    const dot = `<circle${attributes({ cx, cy, r: radius })}/>`;
    if (role === 'here') {
      const ring = `<circle${attributes({
        class: classes.ring,
        cx,
        cy,
        r: size.hereRingRadius,
        fill: 'none',
        stroke: colours.marker,
        'stroke-width': size.hereRingWidth,
      })}/>`;
      const here = `<circle${attributes({ class: classes.marker, cx, cy, r: radius })}/>`;
      svg += `<g${attributes({ class: classes.here, 'data-place': place.id })}>${ring}${here}</g>`;
    } else {
      const href = safeHref(place.href);
      // A marker without a name beside it says its name on hover.
      const tooltip = layers.every((l) => l.layout.markers.has(marker)) ? '' : `<title>${escapeXml(place.name)}</title>`;
      svg += group(href, { 'data-place': place.id, ...(href ? { 'aria-label': place.name } : {}) }, tooltip + dot);
    }
    drawn.push({
      id: place.id,
      name: place.name,
      href: role === 'here' ? undefined : safeHref(place.href),
      role,
      x: cx,
      y: cy,
      radius,
      labelled: markerLabels.has(marker),
      count: place.count,
    });
  }
  svg += '</g>';

  // Names last, above everything; each links like its marker, for a larger target. Only the
  // medium layer shows unless the stylesheet shows another (`labelLayers`).
  for (const { name, layout } of layers) svg += labelLayer(layout, `${classes.labels} ${classes.labels}--${name}`, size.haloWidth, name !== 'medium');
  svg += '</svg>';
  return { svg, places: drawn };
}

/** One layer of names as SVG. */
function labelLayer(layout: LabelLayout, className: string, haloWidth: number, hidden: boolean): string {
  let svg = `<g${attributes({
    class: className,
    display: hidden ? 'none' : undefined,
    fill: colours.label,
    stroke: colours.halo,
    'stroke-width': haloWidth,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
    'font-size': layout.fontSize,
    // Labels are anchored at the end facing their marker; `direction` makes `start` the right
    // end whatever the page's direction (inherited from it anyway on a right-to-left page).
    'text-anchor': 'start',
    direction: 'rtl',
  })}>`;
  for (const { name, label } of layout.context) {
    svg += `<text${attributes({
      class: classes.contextLabel,
      x: label.x,
      y: label.y,
      'text-anchor': 'middle',
      fill: colours.contextLabel,
      'font-size': layout.fontSize * CONTEXT_SIZE,
    })}>${escapeXml(name)}</text>`;
  }
  for (const [spec, label] of layout.countries) {
    if (!spec.place) continue;
    const text = `<text${attributes({
      class: classes.countryLabel,
      x: label.x,
      y: label.y,
      'text-anchor': label.anchor === 'start' ? undefined : label.anchor,
      fill: colours.countryLabel,
      'font-size': layout.countryFontSize,
    })}>${escapeXml(spec.place.name)}</text>`;
    svg += group(spec.linked ? safeHref(spec.place.href) : undefined, { 'data-label': spec.place.id, 'aria-hidden': 'true' }, text);
  }
  for (const [marker, label] of layout.markers) {
    const text = `<text${attributes({
      x: label.x,
      y: label.y,
      'text-anchor': label.anchor === 'start' ? undefined : label.anchor,
    })}>${escapeXml(marker.place.name)}</text>`;
    const href = marker.role === 'here' ? undefined : safeHref(marker.place.href);
    svg += group(href, { 'data-label': marker.place.id, 'aria-hidden': 'true' }, text);
  }
  return `${svg}</g>`;
}

/** `content` in a link (pointer only, see above) or, without an href, in a plain group. */
function group(href: string | undefined, attrs: Record<string, string>, content: string): string {
  return href === undefined
    ? `<g${attributes(attrs)}>${content}</g>`
    : `<a${attributes({ ...attrs, href, tabindex: '-1' })}>${content}</a>`;
}
