/**
 * Digits among Arabic letters (issue 15, item 7), in Chromium with the site's own fonts: the
 * Latin digits of Noto Naskh Arabic are drawn taller than its alef and heavier than the text
 * around them, so the site scales them (src/styles/fonts.css). Measured on the glyphs the
 * browser draws, at both weights in use.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';

const browserHolder = useBrowser();
const site = useServedSite();

describe('digits in Arabic text', () => {
  it('stand no taller than the alef beside them, at the body’s weight and the headlines’', async () => {
    const page = await browserHolder.browser.newPage();
    await page.goto(`${site.home}2021/04/boukadoum-tripoli/`);
    const heights = await page.evaluate(async () => {
      const measure = async (weight: number) => {
        await document.fonts.load(`${weight} 100px "Noto Naskh Arabic"`, '2021 أبريل');
        const canvas = document.createElement('canvas').getContext('2d')!;
        canvas.font = `${weight} 100px "Noto Naskh Arabic"`;
        const ink = (text: string) => canvas.measureText(text).actualBoundingBoxAscent;
        return { digits: ink('2021'), alef: ink('ا'), lam: ink('ل') };
      };
      return { regular: await measure(400), bold: await measure(700) };
    });
    await page.close();
    for (const [weight, h] of Object.entries(heights)) {
      expect(h.digits, `${weight}: digits ${h.digits} against alef ${h.alef}`).toBeLessThanOrEqual(h.alef);
      // Scaled, not shrunk out of reach: still most of the alef's height.
      expect(h.digits, weight).toBeGreaterThan(0.9 * h.alef);
    }
  });
});
