/**
 * Photos in the real browser, as nginx serves the e2e archive under /archive/: the seed
 * article's lead photo is the largest thing painted (LCP), fetched early and as AVIF, nothing
 * moves while the page loads (layout shift 0), and at 390 px no picture transferred is over
 * 120 KB. An article with figures in its text passes the same gates.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser, watch } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';

const browserHolder = useBrowser();
const site = useServedSite();
const SEED = '2021/04/boukadoum-tripoli/';
const WITH_FIGURES = '2023/06/central-bank-annual-report/';

/** Loads a page with observers of layout shifts and of the largest paint installed before anything runs. */
async function load(path: string, width: number) {
  const context = await browserHolder.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: width < 500 ? 2.625 : 1 });
  const page = await context.newPage();
  const log = watch(page);
  const sizes = new Map<string, number>();
  page.on('response', async (response) => {
    if (!response.url().includes('/_media/')) return;
    const body = await response.body().catch(() => undefined);
    if (body) sizes.set(response.url(), body.length);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number; __lcp: { tag: string; url: string } | undefined };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) w.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1) as PerformanceEntry & { element: Element | null; url: string };
      w.__lcp = { tag: last.element?.tagName.toLowerCase() ?? '', url: last.url };
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  // A first visit: nothing cached. (Before the Latin subset, which has the digits, was
  // preloaded, its late arrival moved the text by a few pixels: this test found it.)
  await page.goto(`${site.home}${path}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  // Scroll through the page, so lazy pictures load and anything that would move, moves.
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
    await new Promise((r) => setTimeout(r, 300));
  });
  const measured = await page.evaluate(() => {
    const w = window as unknown as { __shift: number; __lcp: { tag: string; url: string } | undefined };
    const lead = document.querySelector<HTMLImageElement>('.lead-figure img');
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const leadEntry = lead ? entries.find((e) => e.name === lead.currentSrc) : undefined;
    return {
      shift: w.__shift,
      lcp: w.__lcp,
      lead: lead && { current: lead.currentSrc, complete: lead.complete, natural: lead.naturalWidth, start: leadEntry?.startTime, domContentLoaded: nav.domContentLoadedEventEnd },
      figures: [...document.querySelectorAll<HTMLImageElement>('.prose figure img')].map((img) => ({ current: img.currentSrc, complete: img.complete, natural: img.naturalWidth, box: img.getBoundingClientRect().width })),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  await context.close();
  return { ...measured, log, sizes };
}

describe('photos in the browser', () => {
  for (const width of [390, 1280]) {
    it(`at ${width} px: the lead photo is the largest paint, fetched early as AVIF, and nothing moves`, async () => {
      const m = await load(SEED, width);
      expect(m.log.consoleErrors).toEqual([]);
      expect(m.log.requests.filter((u) => !u.startsWith(site.origin))).toEqual([]);
      expect(m.shift).toBe(0);
      expect(m.overflow).toBeLessThanOrEqual(0);
      expect(m.lead?.current).toMatch(/\/archive\/_media\/\w{12}-\d+\.avif$/);
      expect(m.lead?.complete && m.lead.natural > 0).toBe(true);
      expect(m.lcp).toEqual({ tag: 'img', url: m.lead!.current });
      // Requested while the document was still being read, not after it.
      expect(m.lead!.start!).toBeLessThan(m.lead!.domContentLoaded);
      if (width === 390) for (const [url, bytes] of m.sizes) expect(bytes, url).toBeLessThanOrEqual(120 * 1024);
    });
  }

  it('shows the figures of a text, each loaded at the width it is drawn, with no shift', async () => {
    const m = await load(WITH_FIGURES, 390);
    expect(m.log.consoleErrors).toEqual([]);
    expect(m.shift).toBe(0);
    expect(m.figures.length).toBeGreaterThan(0);
    for (const f of m.figures) {
      expect(f.complete && f.natural > 0, f.current).toBe(true);
      expect(f.current).toMatch(/\.avif$/);
      // At 390 px and 2.625 device pixels per CSS pixel, a file about 1,000 pixels wide is enough.
      expect(f.natural).toBeLessThanOrEqual(1200);
      expect(f.natural).toBeGreaterThanOrEqual(Math.min(800, f.box));
    }
  });
});
