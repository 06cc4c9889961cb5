/**
 * Arabic search in the real browser against the Pagefind index of the e2e archive, as nginx
 * serves it under /archive/: whatever the reader's spelling, the seed article comes first.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/content.ts';
import { useBrowser, watch } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';
import { AxeBuilder } from '@axe-core/playwright';

const browserHolder = useBrowser();
const site = useServedSite();
const SEED = '/archive/2021/04/boukadoum-tripoli/';

/** Runs a search from the URL, as a shared link would, and returns the result paths in order. */
async function search(params: Record<string, string>, screenshot?: string): Promise<string[]> {
  const context = await browserHolder.browser.newContext({ viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  const log = watch(page);
  await page.goto(`${site.home}search/?${new URLSearchParams(params)}`);
  await page.locator('.search-status').filter({ hasText: /./ }).waitFor();
  const hrefs = await page.locator('.search-results h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  expect(log.consoleErrors).toEqual([]);
  expect(log.requests.filter((u) => !u.startsWith(site.origin))).toEqual([]);
  await context.close();
  return hrefs.map((h) => decodeURIComponent(h));
}

describe('Arabic search', () => {
  for (const query of ['الجزائر', 'الجزاير', 'الجَزائِر', 'الجـــزائر', 'بالجزائر', 'والجزائر', 'المنفي', 'للمنفي', 'تبون', 'تبّون', 'الدبيبه', 'عبدالحميد الدبيبة', 'بوقادوم ليبيا']) {
    it(`finds the seed article first for «${query}»`, async () => {
      const shot = query === 'بالجزائر' ? path.join(ROOT, 'tests/.output/screenshots/search-390.png') : undefined;
      const results = await search({ q: query }, shot);
      expect(results[0]).toBe(SEED);
    });
  }

  it('finds nothing for a word no article has', async () => {
    expect(await search({ q: 'زلزال' })).toEqual([]);
  });

  it('filters by person, place and year', async () => {
    const byPerson = await search({ q: 'الجزائر', person: 'mohamed-al-menfi' });
    expect(byPerson).toEqual([SEED]);
    const byYear = await search({ q: 'الميزانية', year: '2023' });
    expect(byYear.length).toBeGreaterThan(0);
    for (const url of byYear) expect(url).toMatch(/^\/archive\/2023\//);
    const byPlace = await search({ q: '', place: 'ghadames' });
    expect(byPlace).toEqual([SEED]);
    // Two entries: the articles that name both.
    expect(await search({ q: '', place: 'ghadames', person: 'mohamed-al-menfi' })).toEqual([SEED]);
  });

  it('has an accessible search page that says it needs JavaScript when it is off', async () => {
    const context = await browserHolder.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.home}search/`);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await context.close();
    const noJs = await browserHolder.browser.newContext({ javaScriptEnabled: false });
    const bare = await noJs.newPage();
    await bare.goto(`${site.home}search/`);
    expect(await bare.locator('noscript').count()).toBe(1);
    await noJs.close();
  });
});
