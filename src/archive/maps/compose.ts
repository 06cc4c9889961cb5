/**
 * Steps the three maps share: placing places in a view, and turning a drawn scene into the
 * `MapDrawing` pages receive.
 */
import { drawScene, type Scene } from './draw.ts';
import { toPlane } from './planar.ts';
import type { MapDrawing, MapPlace } from './types.ts';
import { toViewBox, within, type MapView, type PlanePoint } from './view.ts';

/** A place with coordinates, narrowed. */
export type LocatedPlace = MapPlace & { coordinates: readonly [number, number] };

/** Whether a place has coordinates. */
export function located(place: MapPlace): place is LocatedPlace {
  return place.coordinates !== undefined;
}

/** A place's point on the Mercator plane. */
export function planePoint(place: LocatedPlace): PlanePoint {
  return toPlane(place.coordinates[0], place.coordinates[1]);
}

/** Splits places into those inside the view (with their viewBox position) and those outside it. */
export function inView<P extends LocatedPlace>(
  view: MapView,
  places: readonly P[],
): { shown: [P, PlanePoint][]; outside: P[] } {
  const shown: [P, PlanePoint][] = [];
  const outside: P[] = [];
  for (const place of places) {
    const at = toViewBox(view, planePoint(place));
    if (within(view, at, 0)) shown.push([place, at]);
    else outside.push(place);
  }
  return { shown, outside };
}

/** Names joined the Arabic way: «أ، ب، ج». */
export function listNames(names: readonly string[]): string {
  return names.join('، ');
}

/** Draws a scene and wraps it with what the page needs. */
export function finish(scene: Scene, text: string, omitted: MapPlace[], focusCountry: string | undefined): MapDrawing {
  const { svg, places } = drawScene(scene);
  const { key, resolution, spanDegrees, width, height } = scene.view;
  return {
    svg,
    label: scene.label,
    text,
    places,
    omitted,
    focusCountry,
    view: { key, resolution, spanDegrees, width, height },
  };
}
