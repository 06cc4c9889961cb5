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

  it('lists each result once when the reader types and presses Enter (issue 15, item 1)', async () => {
    const context = await browserHolder.browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.home}search/`);
    await page.locator('#search-query').fill('الجزائر');
    await page.locator('#search-query').press('Enter');
    await page.locator('.search-status').filter({ hasText: /./ }).waitFor();
    await page.waitForTimeout(1500);
    const hrefs = await page.locator('.search-results h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    // And once more with the button.
    await page.locator('.search-form button[type="submit"]').click();
    await page.waitForTimeout(1500);
    const again = await page.locator('.search-results h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(again).toEqual(hrefs);
    await context.close();
  });

  for (const [query, entry] of [
    ['Boukadoum', '/archive/people/sabri-boukadoum/'],
    ['Bouqadoum', '/archive/people/sabri-boukadoum/'],
    ['Dbeibeh', '/archive/people/abdul-hamid-dbeibah/'],
    ['Manfi', '/archive/people/mohamed-al-menfi/'],
    ['Ghadamis', '/archive/places/ghadames/'],
  ] as const) {
    it(`finds «${query}», a Latin spelling: the entry first, then the articles that name it (issue 15, item 2)`, async () => {
      const context = await browserHolder.browser.newContext({ viewport: { width: 390, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${site.home}search/?${new URLSearchParams({ q: query })}`);
      await page.locator('.search-status').filter({ hasText: /./ }).waitFor();
      const entries = await page.locator('.search-entries:not([hidden]) a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(entries[0]).toBe(entry);
      const results = await page.locator('.search-results h2 a').evaluateAll((links) => links.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)));
      expect(results).toContain(SEED);
      await context.close();
    });
  }

  it('quotes the article around the words found, marked, and shows more than a page of results (issue 15, item 3)', async () => {
    const context = await browserHolder.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.home}search/?q=${encodeURIComponent('للمنفي')}`);
    await page.locator('.search-status').filter({ hasText: /./ }).waitFor();
    const marks = await page.locator('.search-results li').first().locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toMatch(/المنفي/);
    // A year with many articles: a page of twenty, then the rest on «نتائج أخرى».
    await page.goto(`${site.home}search/?year=2022`);
    await page.locator('.search-status').filter({ hasText: /./ }).waitFor();
    const total = Number((await page.locator('.search-status').textContent())!.replace(/\D/g, ''));
    const first = await page.locator('.search-results li').count();
    if (total > 20) {
      expect(first).toBe(20);
      await page.locator('.search-more').click();
      await page.waitForFunction((n) => document.querySelectorAll('.search-results li').length > n, first);
    }
    expect(await page.locator('.search-results li').count()).toBe(Math.min(total, 40));
    // Sorted by date, newest first.
    await page.goto(`${site.home}search/?q=${encodeURIComponent('تونس')}&sort=date`);
    await page.locator('.search-status').filter({ hasText: /./ }).waitFor();
    await page.waitForTimeout(500);
    const dates = await page.locator('.search-results li').evaluateAll((items) => items.map((li) => new URL(li.querySelector('a')!.href).pathname.slice(9, 16)));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    await context.close();
  });

  it('finds a person to filter by as the reader types a name (issue 15, item 3)', async () => {
    const context = await browserHolder.browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.home}search/`);
    const field = page.locator('input[data-entry-filter="person"]');
    await field.fill('المنف');
    await page.waitForFunction(() => [...document.querySelectorAll('#entries-person option')].some((o) => (o as HTMLOptionElement).value === 'محمد المنفي'));
    // Choosing the suggestion, as a click on it does, fills the field with the name.
    await field.fill('محمد المنفي');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('person') === 'mohamed-al-menfi');
    await page.locator('.search-status').filter({ hasText: /./ }).waitFor();
    const results = await page.locator('.search-results h2 a').evaluateAll((links) => links.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)));
    expect(results).toContain(SEED);
    // A shared link with the id shows the name in the field.
    await page.goto(`${site.home}search/?person=mohamed-al-menfi`);
    await page.waitForFunction(() => (document.querySelector('input[data-entry-filter="person"]') as HTMLInputElement).value === 'محمد المنفي');
    await context.close();
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
