import { describe, expect, it } from 'vitest';
import { PathWriter } from '../../../src/archive/maps/path-writer.ts';

function ring(writer: PathWriter, points: [number, number][]): void {
  writer.polygonStart();
  writer.lineStart();
  for (const [x, y] of points) writer.point(x, y);
  writer.lineEnd();
  writer.polygonEnd();
}

describe('PathWriter', () => {
  it('rounds to whole units, writes relative moves, and closes rings', () => {
    const w = new PathWriter();
    ring(w, [
      [0.4, 0.4],
      [10.2, 0.1],
      [-2, 10.6],
    ]);
    expect(w.toString()).toBe('M0 0l10 0-12 11z');
  });

  it('drops repeated and collinear points, and rings too small to see', () => {
    const w = new PathWriter();
    ring(w, [
      [0, 0],
      [1, 0],
      [1.2, 0],
      [2, 0],
      [3, 0],
      [3, 3],
      [0, 3],
      [0, 0],
    ]);
    ring(w, [
      [50, 50],
      [51, 50],
      [50.6, 50.9],
    ]);
    expect(w.toString()).toBe('M0 0l3 0 0 3-3 0z');
  });

  it('writes open lines without closing them', () => {
    const w = new PathWriter();
    w.lineStart();
    w.point(5, 5);
    w.point(7, 2);
    w.lineEnd();
    expect(w.toString()).toBe('M5 5l2-3');
  });
});
