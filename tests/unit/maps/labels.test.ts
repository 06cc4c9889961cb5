import { describe, expect, it } from 'vitest';
import { LabelPlacer, labelSize, textWidth } from '../../../src/archive/maps/labels.ts';

describe('label widths', () => {
  // Widths in em of Noto Naskh Arabic, measured in Chromium (getComputedTextLength).
  const measured: [string, number][] = [
    ['طرابلس', 2.839],
    ['ليبيا', 1.477],
    ['الجزائر', 2.437],
    ['غدامس', 2.69],
    ['تين الكوم', 3.472],
    ['حاسي مسعود', 4.967],
    ['الدار البيضاء', 4.436],
    ['عمّان', 1.757],
    ['سيدي بوزيد', 4.374],
    ['رأس جدير', 3.812],
  ];

  it('are estimated within 11% of the font’s, erring wide', () => {
    for (const [name, width] of measured) {
      const estimate = textWidth(name);
      expect(estimate / width, name).toBeGreaterThan(0.97);
      expect(estimate / width, name).toBeLessThan(1.11);
    }
  });

  it('count shaping: medial forms are narrower, lam-alef is one glyph, marks take no room', () => {
    expect(textWidth('سسس')).toBeLessThan(3 * textWidth('س'));
    expect(textWidth('لا')).toBeLessThan(textWidth('ل') + textWidth('ا'));
    expect(textWidth('عمّان')).toBe(textWidth('عمان'));
    expect(labelSize('طرابلس', 20).height).toBe(27);
  });
});

describe('LabelPlacer', () => {
  it('puts a name to the left of its marker first (where Arabic text follows it), anchored at its right end', () => {
    const placer = new LabelPlacer(500, 300, 2);
    const placed = placer.placeBeside(250, 150, 10, { width: 60, height: 20 });
    expect(placed?.anchor).toBe('start');
    expect(placed?.x).toBe(240);
    expect(placed?.box.x0).toBe(180);
  });

  it('moves a name that would cover another, or a marker, and never leaves the frame', () => {
    const placer = new LabelPlacer(500, 300, 2);
    placer.block({ x0: 170, y0: 140, x1: 190, y1: 160 });
    const placed = placer.placeBeside(250, 150, 10, { width: 60, height: 20 });
    expect(placed?.anchor).toBe('end');
    expect(placed?.x).toBe(260);
    const edge = placer.placeBeside(5, 150, 10, { width: 60, height: 20 });
    expect(edge?.box.x0).toBeGreaterThanOrEqual(2);
  });

  it('gives up on a name that fits nowhere', () => {
    const placer = new LabelPlacer(100, 100, 2);
    placer.block({ x0: 0, y0: 0, x1: 100, y1: 100 });
    expect(placer.placeBeside(50, 50, 5, { width: 20, height: 10 })).toBeUndefined();
  });

  it('places no two names over each other, even in a crowd', () => {
    const placer = new LabelPlacer(720, 480, 2);
    const boxes = [];
    for (let i = 0; i < 300; i++) {
      const placed = placer.placeBeside((i * 37) % 700, (i * 53) % 460, 6, { width: 40 + (i % 5) * 10, height: 18 });
      if (placed) boxes.push(placed.box);
    }
    expect(boxes.length).toBeGreaterThan(20);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
    }
  });
});
