/**
 * Maps as a reader sees them (issue 15, item 6), in Chromium, from a 360 px phone to a desktop:
 * names at 12 px or more, none covering another or a marker, the places index drawing countries
 * as shapes with the countries around named.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';

const PAGES = {
  'places index': 'places/',
  country: 'places/libya/',
  city: 'places/tripoli/',
  article: '2021/04/boukadoum-tripoli/',
} as const;

// 360 px is the narrowest phone the site is drawn for (the overflow checks of reader.test.ts too).
const WIDTHS = [360, 390, 414, 768, 1280] as const;

const browserHolder = useBrowser();
const site = useServedSite();

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the browser drew of each map on the page: its visible names (size in CSS px, box) and its markers' boxes. */
interface DrawnMap {
  layersShown: number;
  names: { text: string; px: number; box: Rect }[];
  markers: Rect[];
  countryShapes: number;
}

function overlap(a: Rect, b: Rect, air = 0): boolean {
  return a.left < b.right + air && b.left < a.right + air && a.top < b.bottom + air && b.top < a.bottom + air;
}

describe('maps, from a 360 px phone to a desktop', () => {
  for (const [what, urlPath] of Object.entries(PAGES)) {
    it(`${what}: names 12 px or more, clear of each other and of the markers, at ${WIDTHS.join(', ')} px`, async () => {
      const context = await browserHolder.browser.newContext();
      const page = await context.newPage();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${site.home}${urlPath}`);
        await page.evaluate(() => document.fonts.ready);
        const maps: DrawnMap[] = await page.evaluate(() =>
          [...document.querySelectorAll<SVGSVGElement>('svg.map')].map((svg) => {
            const box = (el: Element) => {
              const r = el.getBoundingClientRect();
              return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
            };
            const layers = [...svg.querySelectorAll('.map-labels')].filter((g) => getComputedStyle(g).display !== 'none');
            const ctm = svg.getScreenCTM()!;
            const canvas = document.createElement('canvas').getContext('2d')!;
            canvas.direction = 'rtl';
            /** The ink of a name: its advance across, and from its letters' tops to their tails (the
             * browser's box of an SVG text is the font's whole line, taller than any ink). */
            const ink = (t: SVGTextElement, px: number) => {
              const across = box(t);
              const baseline = new DOMPoint(Number(t.getAttribute('x')), Number(t.getAttribute('y'))).matrixTransform(ctm);
              canvas.font = `${px}px "Noto Naskh Arabic"`;
              const m = canvas.measureText(t.textContent ?? '');
              return { left: across.left, right: across.right, top: baseline.y - m.actualBoundingBoxAscent, bottom: baseline.y + m.actualBoundingBoxDescent };
            };
            return {
              layersShown: layers.length,
              names: layers.flatMap((g) =>
                [...g.querySelectorAll('text')].map((t) => {
                  const px = parseFloat(getComputedStyle(t).fontSize) * ctm.a;
                  return { text: t.textContent ?? '', px, box: ink(t, px) };
                }),
              ),
              markers: [...svg.querySelectorAll('.map-places circle')].map(box),
              countryShapes: svg.querySelectorAll('.map-place--country path').length,
            };
          }),
        );
        expect(maps.length, `${what} at ${width} px has a map`).toBeGreaterThan(0);
        for (const map of maps) {
          expect(map.layersShown, `${what} at ${width} px: one layer of names`).toBe(1);
          expect(map.names.length, `${what} at ${width} px: names`).toBeGreaterThan(0);
          for (const name of map.names) expect(name.px, `«${name.text}» at ${width} px`).toBeGreaterThanOrEqual(12);
          for (const [i, a] of map.names.entries()) {
            for (const b of map.names.slice(i + 1)) expect(overlap(a.box, b.box), `«${a.text}» and «${b.text}» at ${width} px`).toBe(false);
            for (const m of map.markers) expect(overlap(a.box, m, 1), `«${a.text}» on a marker at ${width} px`).toBe(false);
          }
          if (what === 'places index') {
            expect(map.countryShapes, `countries as shapes at ${width} px`).toBeGreaterThan(0);
            expect(map.names.some((n) => n.text === 'تونس' || n.text === 'مصر' || n.text === 'النيجر'), `neighbours named at ${width} px`).toBe(true);
          }
        }
      }
      await context.close();
    });
  }
});
