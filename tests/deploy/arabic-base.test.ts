/**
 * A newsroom may serve its archive under an Arabic sub-path (ARCHIVE_BASE=/أرشيف/). Links,
 * assets, feeds and the sitemap carry it percent-encoded; nginx serves the folder by its
 * Unicode name. Crawled over HTTP from the home page, every URL answers 200 and none leaves
 * the base.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { ROOT, tempDir } from '../helpers/content.ts';
import { crawl } from '../helpers/crawl.ts';
import { startNginx, type Nginx } from '../helpers/nginx.ts';

const BASE = '/أرشيف/';
const ENCODED = `/${encodeURIComponent('أرشيف')}/`;

describe(`the site under ${BASE} on nginx`, () => {
  const work = tempDir('arabic-base');
  const www = path.join(work, 'www');
  let nginx: Nginx;
  let result: Awaited<ReturnType<typeof crawl>>;
  let stdout = '';
  beforeAll(async () => {
    const built = buildSite(path.join(ROOT, 'content'), { base: BASE, outDir: path.join(www, 'أرشيف') });
    expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
    stdout = built.stdout;
    nginx = await startNginx(www, BASE, path.join(work, 'nginx'));
    result = await crawl(`${nginx.origin}${ENCODED}`, ENCODED);
  });
  afterAll(async () => {
    await nginx?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('builds, and says where it is served', () => {
    expect(stdout).toContain(`served under ${ENCODED}`);
  });

  it('answers 200 for every page and asset linked from anywhere, none outside the base', () => {
    const bad = [...result.fetched.values()].filter((f) => f.status !== 200).map((f) => `${f.status} ${f.url} (linked from ${f.from})`);
    expect(bad).toEqual([]);
    expect(result.escapes).toEqual([]);
    expect([...result.fetched.values()].filter((f) => f.type.startsWith('text/html')).length).toBeGreaterThanOrEqual(20);
    expect([...result.fetched.values()].some((f) => f.type === 'font/woff2')).toBe(true);
  });

  it('lists in the sitemap and the feed URLs that answer 200', async () => {
    const sitemap = fs.readFileSync(path.join(www, 'أرشيف', 'sitemap-0.xml'), 'utf8');
    const feed = fs.readFileSync(path.join(www, 'أرشيف', 'feed.xml'), 'utf8');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g), ...feed.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) {
      expect(url.startsWith(`https://archive.example.org${ENCODED}`), url).toBe(true);
      const local = `${nginx.origin}${new URL(url).pathname}`;
      expect((await fetch(local, { redirect: 'manual' })).status, url).toBe(200);
    }
  });
});
