/**
 * The map of the places index: every place with coordinates as a circle whose area grows with
 * the number of articles naming it (radius ∝ √count, between a minimum that stays visible and
 * clickable and a maximum that does not bury the neighbours), largest drawn first so the small
 * ones stay on top. Names are placed for the most written-about places first, as room allows.
 */
import { finish, inView, listNames, located, planePoint } from './compose.ts';
import type { MarkerSpec } from './draw.ts';
import { frames, scaled } from './style.ts';
import type { MapDrawing, MapPlace } from './types.ts';
import { fitView } from './view.ts';

/** Options of `overviewMap`. */
export interface OverviewMapOptions {
  /** Replaces the accessible name. */
  label?: string | undefined;
  /** Writes an article count in the text alternative (the site's numbering system). */
  formatCount?: ((count: number) => string) | undefined;
}

/** The index map of all places with coordinates, or `undefined` when none has any. */
export function overviewMap(places: readonly MapPlace[], options: OverviewMapOptions = {}): MapDrawing | undefined {
  const withPoints = places.filter(located);
  if (withPoints.length === 0) return undefined;
  const frame = frames.overview;
  const size = scaled(frame.width);
  // Areas are relative to the busiest place, but never to fewer than 20 articles: in a young
  // archive where every place has one article, markers stay small instead of all being largest.
  const most = Math.max(20, ...withPoints.map((p) => p.count ?? 0));
  const radius = (count: number) =>
    Math.max(size.minRadius, Math.min(size.maxRadius, size.maxRadius * Math.sqrt(count / most)));

  const view = fitView(frame, {
    must: withPoints.map(planePoint),
    minSpan: 8,
    maxSpan: 360,
    padding: size.maxRadius * 1.5,
  });
  // Most articles first: drawn first (underneath) and labelled first.
  const byCount = [...withPoints].sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  const { shown, outside } = inView(view, byCount);
  const markers: MarkerSpec[] = shown.map(([place, at]) => ({
    place,
    role: 'marker',
    at,
    radius: radius(place.count ?? 0),
  }));

  const format = options.formatCount ?? ((n: number) => String(n));
  const label = options.label ?? 'خريطة الأماكن التي تذكرها مقالات الأرشيف';
  const text =
    'على الخريطة، ومساحة كل دائرة على قدر عدد المقالات: ' +
    `${listNames(shown.map(([p]) => (p.count === undefined ? p.name : `${p.name} (${format(p.count)})`)))}.`;
  const omitted = [...places.filter((p) => !located(p)), ...outside];
  // Names as large as on the other maps, relative to the frame: at a phone's width (about 360
  // pixels for a 600-unit frame) that is 12 pixels. Fewer fit on a crowded index map; those
  // left off keep their marker, its tooltip and their place in the text alternative.
  const scene = { kind: 'overview' as const, view, label, countries: [], markers, labelSize: size.labelSize };
  return finish(scene, text, omitted, undefined);
}
