/**
 * A reader in a real browser (Debian Chromium through playwright-core) against the site as
 * nginx serves it under /archive/: the reading path by clicks, then every template's health,
 * accessibility (axe-core) and screenshots at phone and desktop widths.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/content.ts';
import { contrastFailures } from '../helpers/contrast.ts';
import { pageHealth, useBrowser, watch, type PageLog } from '../helpers/browser.ts';
import { useServedSite } from '../helpers/served-site.ts';

/** Where screenshots are saved for reviewers (named in the README; kept after the run). */
const SHOTS = path.join(ROOT, 'tests/.output/screenshots');

/** One page of each template, as paths under the base. */
const TEMPLATES = {
  home: '',
  article: '2021/04/boukadoum-tripoli/',
  // Issue 14: an article with a figure in its text (the seed article has a lead photo).
  'article-figure': '2023/06/central-bank-annual-report/',
  person: 'people/abderrahmane-belhaj-salem/',
  place: 'places/sfax/',
  // The maps of issue 8: a city in its country, and a country with its places.
  'place-tripoli': 'places/tripoli/',
  'place-libya': 'places/libya/',
  'people-index': 'people/',
  'places-index': 'places/',
  'month-archive': '2023/03/',
  'year-archive': '2022/',
  'numbered-page': 'people/abderrahmane-belhaj-salem/page/1/',
  'hijri-month': 'hijri/1442/09/',
  search: 'search/?q=%D8%A7%D9%84%D9%85%D9%86%D9%81%D9%8A',
  '404': 'no-such-page/',
} as const;

const browserHolder = useBrowser();
const site = useServedSite();

/** Every request a page made stays on the site's origin. */
function expectSameOrigin(log: PageLog) {
  const foreign = log.requests.filter((u) => !u.startsWith(site.origin) && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
}

/** The checks every page must pass: rtl, the font from the site itself, no errors, no sideways scroll. */
async function expectHealthy(page: Page, log: PageLog, where: string) {
  const health = await pageHealth(page);
  expect(health.dir, where).toBe('rtl');
  expect(health.lang, where).toBe('ar');
  expect(health.fontCheck, where).toBe(true);
  expect(health.naskhLoaded, `${where}: Noto Naskh Arabic loaded`).toBe(true);
  expect(health.bodyFont, where).toMatch(/^"?Noto Naskh Arabic/);
  const fontRequests = log.requests.filter((u) => /noto-naskh-arabic-arabic-[47]00-normal\.[\w-]+\.woff2$/.test(u));
  expect(fontRequests.length, `${where}: font fetched`).toBeGreaterThan(0);
  for (const u of fontRequests) expect(u.startsWith(`${site.home}_astro/`), u).toBe(true);
  expectSameOrigin(log);
  expect(log.consoleErrors, where).toEqual([]);
}

describe('a reader’s path, by clicking', () => {
  it('goes home → article → person → another of their articles → place → places index', async () => {
    const context = await browserHolder.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const log = watch(page);
    const step = async (where: string) => {
      await page.waitForLoadState('load');
      await expectHealthy(page, log, where);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${where}: horizontal overflow at 360 px`).toBeLessThanOrEqual(0);
    };

    await page.goto(site.home);
    await step('home');

    // Home → the newest article.
    const firstTitle = (await page.locator('.article-list h3 a').first().textContent())!;
    await page.locator('.article-list h3 a').first().click();
    await page.waitForURL(/\/archive\/\d{4}\/\d{2}\/[^/]+\/$/);
    await step('article');
    expect(await page.locator('h1').textContent()).toBe(firstTitle);
    const firstArticleUrl = page.url();

    // Article → its first person.
    const personLink = page.locator('.article-entities a[href*="/people/"]').first();
    const personName = (await personLink.textContent())!;
    await personLink.click();
    await page.waitForURL(/\/archive\/people\/[a-z0-9-]+\/$/);
    await step('person');
    expect(await page.locator('h1').textContent()).toBe(personName);

    // Person → another of their articles.
    const others = page.locator('.article-list h3 a');
    const count = await others.count();
    let clicked = false;
    for (let i = 0; i < count; i++) {
      const href = await others.nth(i).getAttribute('href');
      if (new URL(href!, page.url()).href !== firstArticleUrl) {
        await others.nth(i).click();
        clicked = true;
        break;
      }
    }
    expect(clicked, 'the person has another article').toBe(true);
    await page.waitForURL(/\/archive\/\d{4}\/\d{2}\/[^/]+\/$/);
    await step('another article');
    expect(page.url()).not.toBe(firstArticleUrl);
    expect(await page.locator('.article-entities a', { hasText: personName }).count()).toBe(1);

    // Article → one of its places.
    const placeLink = page.locator('.article-entities a[href*="/places/"]').first();
    const placeName = (await placeLink.textContent())!;
    await placeLink.click();
    await page.waitForURL(/\/archive\/places\/[a-z0-9-]+\/$/);
    await step('place');
    expect(await page.locator('h1').textContent()).toBe(placeName);

    // Place → the places index, from the main navigation.
    await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).getByRole('link', { name: 'الأماكن' }).click();
    await page.waitForURL(/\/archive\/places\/$/);
    await step('places index');
    expect(await page.locator(`.letter-group a`, { hasText: placeName }).count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('every template, in the browser', () => {
  beforeAll(() => {
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  for (const [template, urlPath] of Object.entries(TEMPLATES)) {
    it(`${template}: healthy, 0 axe violations, AA contrast, no overflow at 360 px, screenshots at 390 and 1280 px`, async () => {
      const context = await browserHolder.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const log = watch(page);
      const response = await page.goto(`${site.home}${urlPath}`);
      expect(response!.status()).toBe(template === '404' ? 404 : 200);
      await expectHealthy(page, log, template);

      const axe = await new AxeBuilder({ page }).analyze();
      const violations = axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(violations, template).toEqual([]);
      // axe skips Arabic text for contrast (see tests/helpers/contrast.ts): measure it ourselves.
      expect(await contrastFailures(page), `${template}: text contrast`).toEqual([]);

      await page.screenshot({ path: path.join(SHOTS, `${template}-1280.png`), fullPage: true });
      for (const width of [390, 360]) {
        await page.setViewportSize({ width, height: 800 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${template}: horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
        if (width === 390) await page.screenshot({ path: path.join(SHOTS, `${template}-390.png`), fullPage: true });
      }
      await context.close();
    });
  }

  it('works without JavaScript: no page has a script (JSON-LD data aside)', async () => {
    const context = await browserHolder.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Search is the one page that needs JavaScript (tests/e2e/search.test.ts checks it without).
    for (const [template, urlPath] of Object.entries(TEMPLATES)) {
      if (template === 'search') continue;
      await page.goto(`${site.home}${urlPath}`);
      expect(await page.locator('script:not([type="application/ld+json"])').count(), urlPath).toBe(0);
      expect(await page.locator('h1').count(), urlPath).toBe(1);
    }
    await context.close();
  });
});
