/**
 * Which part of the world a map shows. A view is a rectangle of the Mercator plane
 * (`planar.ts`) drawn into a fixed viewBox, at one of a few fixed spans and with its centre on
 * a grid of a sixteenth of the span: maps of nearby places then share a view, and with it the
 * cached background (`basemap.ts`). Without the snapping, 500 place pages would mean 500
 * different projections; with it they mean a few dozen.
 */
import type { Resolution } from './natural-earth.ts';
import { toPlane, WORLD_WIDTH } from './planar.ts';

/** The size of a map's viewBox, in its own units (about screen pixels at the usual size). */
export interface Frame {
  width: number;
  height: number;
}

/** A rectangle of the Mercator plane shown in a frame. */
export interface MapView extends Frame {
  /** Same key, same picture: the cache key of the background. */
  key: string;
  /** The Natural Earth scale the background is drawn from. */
  resolution: Resolution;
  /** West–east extent in degrees of longitude. */
  spanDegrees: number;
  /** ViewBox units per plane unit. */
  scale: number;
  /** Plane x of the left edge. */
  left: number;
  /** Plane y of the top edge. */
  top: number;
}

/** A point of the Mercator plane. */
export type PlanePoint = [number, number];

/** A box of the Mercator plane: `[minX, minY, maxX, maxY]`. */
export type PlaneBox = [number, number, number, number];

/**
 * The spans a view may have, in degrees of longitude: steps of about a quarter, fine enough that
 * a country fills most of its map, coarse enough that neighbouring places share views.
 */
export const SPANS = [6, 8, 10, 12, 15, 18, 22, 27, 33, 40, 48, 60, 75, 90, 110, 135, 165, 200, 250, 300, 360] as const;

/**
 * The finest shapes worth drawing at a span: 1:10m for close views (a country and its
 * neighbours' border towns), 1:50m for regions, 1:110m for continents and the world.
 */
export function resolutionFor(spanDegrees: number): Resolution {
  if (spanDegrees <= 12) return '10m';
  if (spanDegrees <= 33) return '50m';
  return '110m';
}

/** What a view must, and would like to, show. */
export interface FitRequest {
  /** Points that must be inside, at least `padding` from the edges (markers). */
  must: PlanePoint[];
  /** Boxes to show whole if a span up to `wishMaxSpan` allows (the country around a town). */
  wish?: PlaneBox[];
  /** The narrowest span (degrees): a town alone must not fill the map. */
  minSpan: number;
  /** The widest span for the boxes to be shown whole. */
  wishMaxSpan?: number;
  /** The widest span; points that do not fit then are left out, the first point kept central. */
  maxSpan: number;
  /**
   * The narrowest span when the boxes cannot be shown whole: a town in Russia is then shown in
   * a region of its own size, not at the scale of a town in Tunisia.
   */
  contextSpan?: number;
  /** Room kept around each point, in viewBox units (a marker and the start of its label). */
  padding: number;
  /**
   * Centres per span: the view's centre snaps to a grid of span ÷ `grid` (default 16). Coarser
   * grids centre less exactly and let more maps share a view.
   */
  grid?: number;
  /** Where to centre when nothing fits (a large country's own point); else the first point, or the first box's centre. */
  anchor?: PlanePoint | undefined;
}

/** The narrowest snapped view of the frame that shows what the request asks. */
export function fitView(frame: Frame, request: FitRequest): MapView {
  const reference = request.must[0]?.[0] ?? request.anchor?.[0] ?? centreOf(request.wish?.[0] ?? [0, 0, 0, 0])[0];
  const must = request.must.map(([x, y]): PlanePoint => [nearestCopy(x, reference), y]);
  const wish = (request.wish ?? []).map((box): PlaneBox => {
    const shift = nearestCopy(centreOf(box)[0], reference) - centreOf(box)[0];
    return [box[0] + shift, box[1], box[2] + shift, box[3]];
  });
  const tiers = [
    {
      boxes: wish,
      minSpan: request.minSpan,
      maxSpan: Math.min(request.wishMaxSpan ?? request.maxSpan, request.maxSpan),
    },
    {
      boxes: [],
      minSpan: wish.length > 0 ? (request.contextSpan ?? request.minSpan) : request.minSpan,
      maxSpan: request.maxSpan,
    },
  ];
  // A country shown whole keeps a strip of its neighbours around it.
  const boxMargin = frame.width / 32;
  for (const tier of tiers) {
    if (must.length === 0 && tier.boxes.length === 0) continue;
    const [minX, minY, maxX, maxY] = union(must, tier.boxes);
    for (const span of SPANS) {
      if (span < tier.minSpan || span > tier.maxSpan) continue;
      const view = snappedView(frame, span, (minX + maxX) / 2, (minY + maxY) / 2, request.grid);
      const fits =
        must.every((p) => inside(view, p, request.padding)) &&
        tier.boxes.every((b) => inside(view, [b[0], b[1]], boxMargin) && inside(view, [b[2], b[3]], boxMargin));
      if (fits) return view;
    }
  }
  // Nothing fits: the widest allowed view, centred on what matters most.
  const [x, y] = request.anchor ?? must[0] ?? centreOf(wish[0] ?? [0, 0, 0, 0]);
  const widest = SPANS.filter((s) => s <= request.maxSpan).at(-1) ?? SPANS[0];
  return snappedView(frame, widest, x, y, request.grid);
}

/** The view of the frame at one span, centred on the grid point nearest to `x`, `y`. */
export function snappedView(frame: Frame, spanDegrees: number, x: number, y: number, grid = 16): MapView {
  const spanRadians = (spanDegrees * Math.PI) / 180;
  const scale = frame.width / spanRadians;
  const step = spanRadians / grid;
  // Wrap the centre into the main copy of the world so one place always gives one key.
  const cx = x - WORLD_WIDTH * Math.floor((x + Math.PI) / WORLD_WIDTH);
  const ix = Math.round(cx / step);
  const halfHeight = frame.height / (2 * scale);
  // Keep the view inside the plane's ±π (about ±85°) when it is small enough to.
  const lowest = Math.ceil((-Math.PI + halfHeight) / step);
  const highest = Math.floor((Math.PI - halfHeight) / step);
  const iy = lowest > highest ? 0 : Math.min(highest, Math.max(lowest, Math.round(y / step)));
  const resolution = resolutionFor(spanDegrees);
  return {
    key: `${resolution}/${frame.width}x${frame.height}/${spanDegrees}/${grid}/${ix}/${iy}`,
    resolution,
    width: frame.width,
    height: frame.height,
    spanDegrees,
    scale,
    left: ix * step - frame.width / (2 * scale),
    top: iy * step - halfHeight,
  };
}

/** Where a `[latitude, longitude]` lands in the view's viewBox (the copy of the world nearest its centre). */
export function project(view: MapView, latitude: number, longitude: number): PlanePoint {
  const [x, y] = toPlane(latitude, longitude);
  return toViewBox(view, [x, y]);
}

/** A plane point in the view's viewBox units. */
export function toViewBox(view: MapView, [x, y]: PlanePoint): PlanePoint {
  const centre = view.left + view.width / (2 * view.scale);
  return [(nearestCopy(x, centre) - view.left) * view.scale, (y - view.top) * view.scale];
}

/** Whether a viewBox point lies inside the frame, `margin` units from its edges. */
export function within(view: Frame, [x, y]: PlanePoint, margin: number): boolean {
  return x >= margin && x <= view.width - margin && y >= margin && y <= view.height - margin;
}

function inside(view: MapView, point: PlanePoint, margin: number): boolean {
  return within(view, toViewBox(view, point), margin);
}

/** `x` moved by whole worlds to lie nearest to `reference`. */
function nearestCopy(x: number, reference: number): number {
  return x + WORLD_WIDTH * Math.round((reference - x) / WORLD_WIDTH);
}

function centreOf(box: PlaneBox): PlanePoint {
  return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

function union(points: PlanePoint[], boxes: PlaneBox[]): PlaneBox {
  const all: PlaneBox[] = [...points.map(([x, y]): PlaneBox => [x, y, x, y]), ...boxes];
  return [
    Math.min(...all.map((b) => b[0])),
    Math.min(...all.map((b) => b[1])),
    Math.max(...all.map((b) => b[2])),
    Math.max(...all.map((b) => b[3])),
  ];
}
