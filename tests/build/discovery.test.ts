/**
 * What feed readers and search engines get from the e2e archive (seed + two-year fixture,
 * under /archive/): every feed parsed with a real feed parser, the sitemap and robots.txt,
 * canonical and Open Graph tags, and the JSON-LD blocks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../src/archive/config.ts';
import { loadArchive } from '../../src/archive/load.ts';
import type { Archive } from '../../src/archive/archive.ts';
import { entityJson, jsonLdScript } from '../../src/lib/structured-data.ts';
import { fileForUrl, htmlPages } from '../helpers/build-site.ts';
import { E2E_BASE, e2eBuild } from '../helpers/served-site.ts';
import { inject } from 'vitest';

const ORIGIN = 'https://archive.example.org';
const HOME = `${ORIGIN}${E2E_BASE}`;

let outDir: string;
let pages: Map<string, cheerio.CheerioAPI>;
let archive: Archive;
beforeAll(() => {
  outDir = e2eBuild().outDir;
  pages = htmlPages(outDir);
  archive = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: path.join(inject('runDir'), 'e2e-content'), ARCHIVE_BASE: E2E_BASE })).archive!;
});

/** The file an absolute URL of the site is served from. */
const fileOf = (url: string) => fileForUrl(outDir, E2E_BASE, url.replace(ORIGIN, ''));

describe('feeds', () => {
  function feedsIn(dir: string) {
    return fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('feed.xml'))
      .map((f) => path.join(dir, f));
  }

  it('has a feed for the site and for every entry of every kind, each well formed and parsed', () => {
    const feeds = feedsIn(outDir);
    expect(feeds.length).toBe(1 + archive.allEntries().length);
    for (const file of feeds) {
      const xml = fs.readFileSync(file, 'utf8');
      expect(SyntaxValidator.validate(xml), file).toBe(true);
      const feed = parseFeed(xml);
      expect(feed.language, file).toBe('ar');
      expect(feed.title, file).toBeTruthy();
      for (const item of feed.items) {
        expect(item.url, file).toMatch(new RegExp(`^${HOME}\\d{4}/\\d{2}/[^/]+/$`));
        expect(fs.existsSync(fileOf(item.url!)!), item.url!).toBe(true);
        expect(item.published).toBeInstanceOf(Date);
        expect(item.content, 'full text').toContain('<p>');
        // Links inside the full text are absolute too.
        expect(item.content).not.toMatch(/href="\//);
      }
    }
  });

  it('carries the newest articles, newest first, with their dates', () => {
    const site = parseFeed(fs.readFileSync(path.join(outDir, 'feed.xml'), 'utf8'));
    expect(site.items.length).toBe(Math.min(30, archive.articles.length));
    expect(site.items.map((i) => decodeURIComponent(i.url!.replace(HOME, '/')))).toEqual(archive.articles.slice(0, 30).map((a) => a.path));
    site.items.forEach((item, i) => expect(item.published!.getTime()).toBe(archive.articles[i]!.date.instant));
    for (const person of archive.entries('person')) {
      const feed = parseFeed(fs.readFileSync(path.join(outDir, 'people', person.id, 'feed.xml'), 'utf8'));
      expect(feed.items.length, person.id).toBe(Math.min(20, archive.articlesOf(person).length));
    }
  });

  it('is announced on the pages it belongs to', () => {
    for (const [url, $] of pages) {
      const alternates = $('link[rel="alternate"][type="application/rss+xml"]').map((_, l) => $(l).attr('href')!).get();
      expect(alternates, url).toContain(`${E2E_BASE}feed.xml`);
      const own = url.match(/^\/(people|places)\/([a-z0-9-]+)\/$/);
      if (own) expect(alternates[0], url).toBe(`${E2E_BASE}${own[1]}/${own[2]}/feed.xml`);
      for (const href of alternates) expect(fs.existsSync(fileForUrl(outDir, E2E_BASE, href)!), href).toBe(true);
    }
  });
});

describe('sitemap and robots.txt', () => {
  it('lists every page but the 404 page, with absolute URLs that resolve', () => {
    const parser = new XMLParser();
    const index = parser.parse(fs.readFileSync(path.join(outDir, 'sitemap-index.xml'), 'utf8'));
    const sitemaps = [index.sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc);
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs = sitemaps.flatMap((loc: string) => {
      const xml = fs.readFileSync(fileOf(loc)!, 'utf8');
      expect(SyntaxValidator.validate(xml)).toBe(true);
      return [parser.parse(xml).urlset.url].flat().map((u: { loc: string }) => u.loc);
    });
    for (const loc of locs) {
      expect(loc.startsWith(HOME), loc).toBe(true);
      expect(fs.existsSync(fileOf(loc)!), loc).toBe(true);
    }
    const listed = new Set(locs.map((l: string) => decodeURIComponent(l.replace(HOME, '/')).normalize('NFC')));
    const expected = [...pages.keys()].filter((u) => u !== '/404.html');
    expect([...listed].sort()).toEqual(expected.sort());
  });

  it('points robots.txt at the sitemap', () => {
    expect(fs.readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${HOME}sitemap-index.xml`);
  });
});

describe('canonical URLs, Open Graph and JSON-LD', () => {
  const ld = ($: cheerio.CheerioAPI) =>
    $('script[type="application/ld+json"]')
      .map((_, s) => JSON.parse($(s).text()))
      .get()
      .flat() as Record<string, any>[];

  it('gives every page a canonical URL and Open Graph and Twitter tags in Arabic', () => {
    for (const [url, $] of pages) {
      if (url === '/404.html') continue;
      expect($('link[rel="canonical"]').attr('href'), url).toBe(`${ORIGIN}${E2E_BASE.slice(0, -1)}${encodeURI(url)}`.replace(/%25/g, '%'));
      expect($('meta[property="og:title"]').attr('content'), url).toBeTruthy();
      expect($('meta[property="og:locale"]').attr('content')).toBe('ar_AR');
      // A large card where the page has a picture to show (an article's lead photo).
      const image = $('meta[property="og:image"]').attr('content');
      expect($('meta[name="twitter:card"]').attr('content'), url).toBe(image ? 'summary_large_image' : 'summary');
      if (image) expect(image, url).toMatch(new RegExp(`^${ORIGIN}${E2E_BASE}_media/\\w{12}-\\d+\\.(jpg|png)$`));
    }
  });

  it('describes every article as a NewsArticle with its people and places', () => {
    for (const article of archive.articles) {
      const $ = pages.get(article.path)!;
      const blocks = ld($);
      const news = blocks.find((b) => b['@type'] === 'NewsArticle')!;
      expect(news.headline).toBe($('h1').text());
      if (article.date.hasTime) expect(Date.parse(news.datePublished)).toBe(article.date.instant);
      else expect(news.datePublished).toBe(article.date.isoDate);
      expect(news.inLanguage).toBe('ar');
      expect(news.publisher['@type']).toBe('Organization');
      expect(news.url).toBe($('link[rel="canonical"]').attr('href'));
      const named = [...(news.about ?? []), ...(news.mentions ?? [])];
      expect(named.filter((e) => e['@type'] === 'Person').length).toBe(article.entries['person']?.length ?? 0);
      expect(named.filter((e) => e['@type'] === 'Place').length).toBe(article.entries['place']?.length ?? 0);
      expect(named.filter((e) => e['@type'] === 'Organization').length).toBe(article.entries['organisation']?.length ?? 0);
      const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList')!;
      expect(crumbs.itemListElement.at(-1).name).toBe(article.title);
    }
    const seed = ld(pages.get('/2021/04/boukadoum-tripoli/')!).find((b) => b['@type'] === 'NewsArticle')!;
    expect(seed.isBasedOn.url).toMatch(/^https:\/\/alaraby\.co\.uk\//);
    expect(seed.isBasedOn.publisher.name).toBe('العربي الجديد');
  });

  it('describes people and places, with coordinates and the containing place', () => {
    const tripoli = ld(pages.get('/places/tripoli/')!).find((b) => b['@type'] === 'Place')!;
    expect(tripoli.name).toBe('طرابلس');
    expect(tripoli.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 32.89, longitude: 13.19 });
    expect(tripoli.containedInPlace.name).toBe('ليبيا');
    const person = ld(pages.get('/people/sabri-boukadoum/')!).find((b) => b['@type'] === 'Person')!;
    expect(person.alternateName).toContain('Sabri Boukadoum');
  });

  it('links an entry to Wikidata with sameAs when the registry has its id', () => {
    const person = { ...archive.entries('person')[0]!, wikidata: 'Q42' };
    expect(entityJson(person).sameAs).toEqual(['https://www.wikidata.org/wiki/Q42']);
    expect(entityJson({ ...person, wikidata: undefined }).sameAs).toBeUndefined();
  });

  it('cannot be broken out of by a value: </script> in a title stays inside the JSON', () => {
    const script = jsonLdScript([{ headline: 'عنوان </script><script>alert(1)</script> & «اقتباس»' }]);
    expect(script).not.toContain('</script');
    expect(script).not.toContain('<');
    expect(JSON.parse(script).headline).toBe('عنوان </script><script>alert(1)</script> & «اقتباس»');
  });
});
