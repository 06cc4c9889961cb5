import { describe, expect, it } from 'vitest';
import { toPlane } from '../../../src/archive/maps/planar.ts';
import { fitView, project, resolutionFor, snappedView, SPANS, within } from '../../../src/archive/maps/view.ts';

const frame = { width: 520, height: 340 };

describe('views', () => {
  it('fit the points with padding, at the narrowest span allowed', () => {
    const must = [toPlane(32.89, 13.19), toPlane(30.04, 31.24)];
    const view = fitView(frame, { must, minSpan: 8, maxSpan: 360, padding: 20 });
    for (const [lat, lon] of [
      [32.89, 13.19],
      [30.04, 31.24],
    ] as const) {
      expect(within(view, project(view, lat, lon), 20)).toBe(true);
    }
    const narrower = SPANS[SPANS.indexOf(view.spanDegrees as (typeof SPANS)[number]) - 1]!;
    const tighter = fitView(frame, { must, minSpan: narrower, maxSpan: narrower, padding: 20 });
    expect(must.every((p) => within(tighter, project(tighter, ...inverse(p)), 20))).toBe(false);
  });

  it('are never narrower than the minimum span', () => {
    expect(fitView(frame, { must: [toPlane(30, 9)], minSpan: 8, maxSpan: 360, padding: 10 }).spanDegrees).toBe(8);
  });

  it('snap to a grid, so nearby places share a view (and its cached shapes)', () => {
    const a = fitView(frame, { must: [toPlane(30.13, 9.5)], minSpan: 8, maxSpan: 360, padding: 10 });
    const b = fitView(frame, { must: [toPlane(30.0, 9.45)], minSpan: 8, maxSpan: 360, padding: 10 });
    expect(a.key).toBe(b.key);
  });

  it('wrap at the antimeridian: the same place gives the same view from either side', () => {
    const [x, y] = toPlane(-17, 179);
    expect(snappedView(frame, 22, x, y).key).toBe(snappedView(frame, 22, x - 2 * Math.PI, y).key);
  });

  it('draw from finer shapes the closer they are', () => {
    expect(resolutionFor(8)).toBe('10m');
    expect(resolutionFor(27)).toBe('50m');
    expect(resolutionFor(90)).toBe('110m');
  });
});

/** `[latitude, longitude]` of a plane point (inverse Mercator). */
function inverse([x, y]: [number, number]): [number, number] {
  return [((2 * Math.atan(Math.exp(-y)) - Math.PI / 2) * 180) / Math.PI, (x * 180) / Math.PI];
}
