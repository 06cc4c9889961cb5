import { beforeEach, describe, expect, it } from 'vitest';
import { background, clearMapCaches, countryPath, projectionCounts } from '../../../src/archive/maps/basemap.ts';
import { locatorMap, placesMap } from '../../../src/archive/maps/maps.ts';
import { atlas } from '../../../src/archive/maps/natural-earth.ts';
import { toPlane } from '../../../src/archive/maps/planar.ts';
import { snappedView } from '../../../src/archive/maps/view.ts';
import { entry, locatorInput, mapPlace } from './map-fixtures.ts';

/** Every coordinate pair of path data written by PathWriter (absolute after the first move). */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of d.split('M').slice(1)) {
    const numbers =
      part
        .replace(/z$/, '')
        .replace('l', ' ')
        .match(/-?\d+(?:\.\d+)?/g)
        ?.map(Number) ?? [];
    let x = numbers[0] ?? 0;
    let y = numbers[1] ?? 0;
    out.push([x, y]);
    for (let i = 2; i + 1 < numbers.length; i += 2) out.push([(x += numbers[i] ?? 0), (y += numbers[i + 1] ?? 0)]);
  }
  return out;
}

describe('the view cache', () => {
  beforeEach(() => clearMapCaches());

  it('projects a view’s shapes once: the next map of the same view only places markers', () => {
    const first = locatorMap(locatorInput('tripoli'));
    const counts = { ...projectionCounts };
    expect(counts.backgrounds).toBeGreaterThan(0);
    const second = locatorMap(locatorInput('ghadames'));
    expect(second?.view.key).toBe(first?.view.key);
    expect(projectionCounts).toEqual(counts);
  });

  it('keeps shapes inside the view (clipped just beyond its edges) and leaves out what is not in it', () => {
    const view = snappedView({ width: 520, height: 390 }, 27, ...toPlane(30, 13));
    const { land, borders } = background(view);
    for (const [x, y] of [...points(land), ...points(borders)]) {
      expect(x).toBeGreaterThanOrEqual(-5);
      expect(x).toBeLessThanOrEqual(525);
      expect(y).toBeGreaterThanOrEqual(-5);
      expect(y).toBeLessThanOrEqual(395);
    }
    expect(countryPath(view, atlas('10m').byName.get('Brazil')!)).toBe('');
  });

  it('draws across the antimeridian: Fiji’s islands on both sides of 180°, New Zealand beside them', () => {
    const drawing = placesMap([
      { id: 'suva', name: 'سوفا', href: '/s/', coordinates: [-18.14, 178.44] },
      { id: 'taveuni', name: 'تافيوني', href: '/t/', coordinates: [-16.85, -179.97] },
      { id: 'auckland', name: 'أوكلاند', href: '/a/', coordinates: [-36.85, 174.76] },
    ]);
    expect(drawing?.omitted).toEqual([]);
    const [suva, taveuni, auckland] = drawing!.places;
    expect(taveuni!.x - suva!.x).toBeGreaterThan(0);
    expect(taveuni!.x - suva!.x).toBeLessThan(100);
    expect(auckland!.x).toBeLessThan(suva!.x);
    const land = /class="map-land"[^>]* d="([^"]*)"/.exec(drawing!.svg)?.[1] ?? '';
    // Land around Auckland, drawn from the copy of the world west of the antimeridian.
    expect(points(land).some(([x, y]) => Math.abs(x - auckland!.x) < 15 && Math.abs(y - auckland!.y) < 15)).toBe(true);
  });

  it('keeps Natural Earth’s polygons cut at 180° apart, so Russia’s box is not the whole world', () => {
    const russia = placesMap([{ ...mapPlace(entry('libya')), id: 'ru', name: 'روسيا', coordinates: [61, 100] }]);
    expect(russia?.view.spanDegrees).toBeLessThanOrEqual(90);
  });
});
