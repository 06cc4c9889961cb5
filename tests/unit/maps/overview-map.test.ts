import { describe, expect, it } from 'vitest';
import { overviewMap } from '../../../src/archive/maps/maps.ts';
import type { MapPlace } from '../../../src/archive/maps/types.ts';
import { bytes, mapPlace, markerIds, MAX_BYTES, parse, registry } from './map-fixtures.ts';

/** `n` places spread over North Africa and the Middle East, with falling article counts. */
function spread(n: number): MapPlace[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `place-${i}`,
    name: `مدينة ${i}`,
    href: `/places/place-${i}/`,
    coordinates: [15 + ((i * 7.3) % 22), -10 + ((i * 13.7) % 65)] as const,
    count: Math.max(1, 200 - i * 3),
  }));
}

describe('overviewMap', () => {
  it('draws each country as its linked shape, every other place as a linked circle larger for more articles', () => {
    const drawing = overviewMap(registry.map(mapPlace));
    const $ = parse(drawing);
    const countries = registry.filter((e) => e.kind === 'country');
    const others = registry.filter((e) => e.kind !== 'country');
    expect(markerIds($).sort()).toEqual(others.map((e) => e.id).sort());
    for (const e of countries) {
      expect($(`a.map-place--country[data-place="${e.id}"]`).attr('href'), e.id).toBe(`/places/${e.id}/`);
      expect($(`a.map-place--country[data-place="${e.id}"] path`).attr('d'), e.id).toMatch(/^M/);
      // Named in every layer of names.
      for (const layer of ['narrow', 'medium', 'large']) expect($(`.map-labels--${layer} [data-label="${e.id}"] text`).text(), `${e.id} ${layer}`).toBe(e.name);
    }
    for (const e of others) expect($(`.map-places a[data-place="${e.id}"]`).attr('href')).toBe(`/places/${e.id}/`);
    const radius = (id: string) => Number($(`[data-place="${id}"] circle`).attr('r'));
    // Area in proportion: 14 articles against 5 → radius √(14/5) ≈ 1.67 times.
    expect(radius('tripoli') / radius('ghadames')).toBeCloseTo(Math.sqrt(14 / 20) / Math.sqrt(5 / 20), 1);
    expect(radius('tin-alkoum')).toBeLessThanOrEqual(radius('ghadames'));
    // The largest are drawn first, so the small ones stay on top and clickable.
    expect(markerIds($)[0]).toBe('tripoli');
    expect(drawing?.text).toContain('ليبيا (40)');
    expect(drawing?.text).toContain('طرابلس (14)');
    expect(bytes(drawing)).toBeLessThanOrEqual(MAX_BYTES);
  });

  it('names the countries around in Arabic, faintly, and the registry’s own countries by their entry', () => {
    const $ = parse(overviewMap(registry.map(mapPlace)));
    const context = $('.map-labels--medium .map-label--context').toArray().map((el) => $(el).text());
    expect(context).toEqual(expect.arrayContaining(['النيجر', 'المغرب', 'مالي']));
    // A country with an entry is named once, as its entry, not again as context.
    expect(context).not.toContain('ليبيا');
    expect(context).not.toContain('الجزائر');
  });

  it('keeps markers between a visible minimum and a maximum size', () => {
    const drawing = overviewMap([
      { id: 'a', name: 'أ', href: '/a/', coordinates: [30, 10], count: 10_000 },
      { id: 'b', name: 'ب', href: '/b/', coordinates: [31, 12], count: 1 },
      { id: 'c', name: 'ج', href: '/c/', coordinates: [29, 14], count: 0 },
    ]);
    const radii = Object.fromEntries(drawing!.places.map((p) => [p.id, p.radius]));
    expect(radii['a']).toBeCloseTo(15 * (600 / 520), 5);
    expect(radii['b']).toBeCloseTo(3.5 * (600 / 520), 5);
    expect(radii['c']).toBeCloseTo(3.5 * (600 / 520), 5);
  });

  it('labels the most written-about places first, and names the rest on hover', () => {
    const drawing = overviewMap(spread(120));
    const $ = parse(drawing);
    expect(markerIds($)).toHaveLength(120);
    const labelled = drawing!.places.filter((p) => p.labelled);
    expect(labelled.length).toBeGreaterThanOrEqual(8);
    expect(labelled[0]!.id).toBe('place-0');
    // Every unlabelled marker still says its name on hover.
    for (const p of drawing!.places.filter((q) => !q.labelled))
      expect($(`[data-place="${p.id}"] > title`).text()).toBe(p.name);
  });

  // Each marker link carries its place's name for assistive technology (aria-label), ~30 bytes.
  it('stays under 40 KB for 100 places, and grows by about 160 bytes a place beyond', () => {
    expect(bytes(overviewMap(spread(100)))).toBeLessThanOrEqual(MAX_BYTES);
    const growth = (bytes(overviewMap(spread(500))) - bytes(overviewMap(spread(100)))) / 400;
    expect(growth).toBeLessThan(180);
  });

  it('draws nothing without coordinates', () => {
    expect(overviewMap([{ id: 'x', name: 'س', href: '/x/' }])).toBeUndefined();
  });
});
