/**
 * The built site as a real static host serves it: nginx on loopback, the site under /archive/,
 * crawled over HTTP from its home page.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../helpers/crawl.ts';
import { E2E_BASE, useServedSite } from '../helpers/served-site.ts';

describe('the site on nginx under /archive/', () => {
  const site = useServedSite();
  let result: Awaited<ReturnType<typeof crawl>>;
  beforeAll(async () => {
    result = await crawl(site.home, E2E_BASE);
  });

  it('answers 200 for every page, asset and font linked from anywhere (0 broken links, no redirects)', () => {
    const bad = [...result.fetched.values()].filter((f) => f.status !== 200).map((f) => `${f.status} ${f.url} (linked from ${f.from})`);
    expect(bad).toEqual([]);
    const types = [...result.fetched.values()].map((f) => f.type);
    expect(types.filter((t) => t.startsWith('text/html')).length).toBeGreaterThan(50);
    expect(types).toContain('text/css');
    expect(types).toContain('font/woff2');
  });

  it('serves every page under the documented Content-Security-Policy', async () => {
    const response = await fetch(site.home);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('never links outside /archive/ on its own origin', () => {
    expect(result.escapes).toEqual([]);
  });

  it('reaches every page of the build by following links (no orphan pages)', () => {
    const pages = fs
      .readdirSync(site.outDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html'))
      .map((f) => decodeURI(new URL(`${E2E_BASE}${f.replace(/index\.html$/, '')}`, site.origin).pathname).normalize('NFC'));
    const reached = new Set([...result.fetched.keys()].map((u) => decodeURIComponent(new URL(u).pathname).normalize('NFC')));
    expect(pages.filter((p) => !reached.has(p))).toEqual([]);
  });

  it('answers an unknown path with the site’s 404 page and status 404', async () => {
    for (const missing of ['no-such-page/', '2021/04/no-such-article/', 'people/nobody/']) {
      const response = await fetch(`${site.home}${missing}`);
      expect(response.status, missing).toBe(404);
      const $ = cheerio.load(await response.text());
      expect($('html').attr('dir')).toBe('rtl');
      expect($('h1').text()).toBe('الصفحة غير موجودة');
      // The 404 page's own links and styles work from any depth.
      expect($('link[rel="stylesheet"]').attr('href')!.startsWith(`${E2E_BASE}_astro/`)).toBe(true);
    }
  });

  it('serves an article whose URL has Arabic letters, percent-encoded', async () => {
    const arabicFolders = fs
      .readdirSync(site.outDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html') && /[\u0600-\u06FF]/.test(f));
    expect(arabicFolders.length).toBeGreaterThanOrEqual(2);
    for (const file of arabicFolders) {
      const urlPath = file.replace(/index\.html$/, '').split(path.sep).map(encodeURIComponent).join('/');
      expect(urlPath).toMatch(/%D9|%D8/);
      const response = await fetch(`${site.home}${urlPath}`, { redirect: 'manual' });
      expect(response.status, urlPath).toBe(200);
      expect(cheerio.load(await response.text())('article.article h1').text().length).toBeGreaterThan(0);
    }
  });
});
