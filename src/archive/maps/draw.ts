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
import { LabelPlacer, labelSize, type PlacedLabel } from './labels.ts';
import type { NaturalEarthCountry } from './natural-earth.ts';
import { classes, colours, scaled } from './style.ts';
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
  /** Type size of place names in viewBox units (default: the frame's `labelSize`). */
  labelSize?: number | undefined;
}

/** Draws a scene: the SVG, and each place as drawn (in drawing order). */
export function drawScene(scene: Scene): { svg: string; places: DrawnPlace[] } {
  const { view } = scene;
  const size = scaled(view.width);
  const fontSize = scene.labelSize ?? size.labelSize;
  const placer = new LabelPlacer(view.width, view.height, 2);

  // Markers first claim their room, so no name covers any marker.
  for (const {
    at: [x, y],
    radius,
    role,
  } of scene.markers) {
    const r = (role === 'here' ? size.hereRingRadius : radius) + size.markerStrokeWidth;
    placer.block({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
  }
  const markerLabels = new Map<MarkerSpec, PlacedLabel>();
  for (const marker of scene.markers) {
    // Clear of the marker's outline by the label's halo and a little air.
    const outer =
      marker.role === 'here'
        ? size.hereRingRadius + size.hereRingWidth / 2
        : marker.radius + size.markerStrokeWidth / 2;
    const gap = outer + size.haloWidth / 2 + size.markerRadius * 0.4;
    const placed = placer.placeBeside(marker.at[0], marker.at[1], gap, labelSize(marker.place.name, fontSize));
    if (placed) markerLabels.set(marker, placed);
  }
  const countryLabels = new Map<CountrySpec, PlacedLabel>();
  for (const country of scene.countries) {
    if (!country.place || !country.labelAt) continue;
    const placed = placer.placeCentred(
      country.labelAt[0],
      country.labelAt[1],
      labelSize(country.place.name, size.countryLabelSize),
    );
    if (placed) countryLabels.set(country, placed);
  }

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
      const tooltip = markerLabels.has(marker) ? '' : `<title>${escapeXml(place.name)}</title>`;
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

  // Names last, above everything; each links like its marker, for a larger target.
  svg += `<g${attributes({
    class: classes.labels,
    fill: colours.label,
    stroke: colours.halo,
    'stroke-width': size.haloWidth,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
    'font-size': fontSize,
    // Labels are anchored at the end facing their marker; `direction` makes `start` the right
    // end whatever the page's direction (inherited from it anyway on a right-to-left page).
    'text-anchor': 'start',
    direction: 'rtl',
  })}>`;
  for (const [spec, label] of countryLabels) {
    if (!spec.place) continue;
    const text = `<text${attributes({
      class: classes.countryLabel,
      x: label.x,
      y: label.y,
      'text-anchor': label.anchor === 'start' ? undefined : label.anchor,
      fill: colours.countryLabel,
      'font-size': size.countryLabelSize,
    })}>${escapeXml(spec.place.name)}</text>`;
    svg += group(spec.linked ? safeHref(spec.place.href) : undefined, { 'data-label': spec.place.id, 'aria-hidden': 'true' }, text);
  }
  for (const [marker, label] of markerLabels) {
    const text = `<text${attributes({
      x: label.x,
      y: label.y,
      'text-anchor': label.anchor === 'start' ? undefined : label.anchor,
    })}>${escapeXml(marker.place.name)}</text>`;
    const href = marker.role === 'here' ? undefined : safeHref(marker.place.href);
    svg += group(href, { 'data-label': marker.place.id, 'aria-hidden': 'true' }, text);
  }
  svg += '</g></svg>';
  return { svg, places: drawn };
}

/** `content` in a link (pointer only, see above) or, without an href, in a plain group. */
function group(href: string | undefined, attrs: Record<string, string>, content: string): string {
  return href === undefined
    ? `<g${attributes(attrs)}>${content}</g>`
    : `<a${attributes({ ...attrs, href, tabindex: '-1' })}>${content}</a>`;
}
