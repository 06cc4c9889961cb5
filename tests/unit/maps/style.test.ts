import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locatorMap, mapCredit } from '../../../src/archive/maps/maps.ts';
import { colours, labelLayers } from '../../../src/archive/maps/style.ts';
import { ROOT } from '../../helpers/content.ts';
import { locatorInput, parse } from './map-fixtures.ts';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('map style', () => {
  const backgrounds = [colours.sea, colours.land, colours.focusFill, colours.taggedFill, colours.halo];

  it('writes names readable (WCAG AA, 4.5:1) on every fill of the map, halo or not', () => {
    for (const background of backgrounds) {
      expect(contrast(colours.label, background), background).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours.countryLabel, background), background).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours.contextLabel, background), background).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('makes markers and the subject country’s outline stand out (3:1 for graphics)', () => {
    for (const background of backgrounds.slice(0, 4))
      expect(contrast(colours.marker, background), background).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.focusStroke, colours.land)).toBeGreaterThanOrEqual(3);
    expect(contrast(colours.focusStroke, colours.focusFill)).toBeGreaterThanOrEqual(3);
  });

  it('gives every styled element a class and a colour of its own (no CSS needed, no inline style)', () => {
    const $ = parse(locatorMap(locatorInput('algeria')));
    for (const selector of ['.map-sea', '.map-land', '.map-border', '.map-country-focus']) {
      expect($(selector), selector).toHaveLength(1);
      expect($(selector).attr('fill'), selector).toBeDefined();
    }
    expect($('.map-places').attr('fill')).toBe(colours.marker);
    expect($('.map-labels').attr('fill')).toBe(colours.label);
    expect($('.map-labels').attr('paint-order')).toBe('stroke');
  });

  it('shows each layer of names at the widths it was made for, in the stylesheet as in labelLayers', () => {
    const css = fs.readFileSync(path.join(ROOT, 'src/styles/global.css'), 'utf8');
    const [narrow, medium] = labelLayers;
    expect(css).toMatch(new RegExp(`@container map \\(max-width: ${narrow.below - 0.02}px\\) \\{\\s*\\.map-labels--medium \\{\\s*display: none;\\s*\\}\\s*\\.map-labels--narrow \\{\\s*display: inline;`));
    expect(css).toMatch(new RegExp(`@container map \\(min-width: ${medium.below}px\\) \\{\\s*\\.map-labels--medium \\{\\s*display: none;\\s*\\}\\s*\\.map-labels--large \\{\\s*display: inline;`));
    // Without the stylesheet, the medium layer alone shows.
    const $ = parse(locatorMap(locatorInput('algeria')));
    expect($('.map-labels--medium').attr('display')).toBeUndefined();
    expect($('.map-labels--narrow').attr('display')).toBe('none');
  });

  it('credits Natural Earth in Arabic, the Latin name isolated in HTML', () => {
    expect(mapCredit.text).toBe('الحدود: Natural Earth (ملكية عامة)');
    expect(mapCredit.html).toBe('الحدود: <bdi>Natural Earth</bdi> (ملكية عامة)');
  });
});
