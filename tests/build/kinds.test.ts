/**
 * Kinds of entry as data, end to end: a fixture archive whose settings (ARCHIVE_SETTINGS)
 * declare two kinds of its own — sections, tagged in front matter only, and topics, found in
 * the text too — built by the real build command. Each kind gets an index, a page per entry,
 * feeds (where the kind has them), sitemap entries, a search filter and JSON-LD; organisations
 * nest under their parent; and the longest name wins across kinds.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, htmlPages, type BuiltSite } from '../helpers/build-site.ts';
import { searchKey } from '../../src/archive/output/search-index.ts';
import { ROOT, tempDir } from '../helpers/content.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/kinds');
const SETTINGS = path.join(ROOT, 'tests/fixtures/settings/kinds.ts');

/** The JSON-LD objects of a page. */
function ld($: cheerio.CheerioAPI): Record<string, any>[] {
  return $('script[type="application/ld+json"]')
    .map((_, el) => JSON.parse($(el).text()))
    .get()
    .flat();
}

describe('an archive whose settings add sections and topics', () => {
  let built: BuiltSite;
  let pages: Map<string, cheerio.CheerioAPI>;
  const page = (url: string) => {
    const $ = pages.get(url);
    if (!$) throw new Error(`no page ${url}`);
    return $;
  };
  beforeAll(() => {
    built = buildSite(FIXTURE, { env: { ARCHIVE_SETTINGS: SETTINGS } });
    pages = built.status === 0 ? htmlPages(built.outDir) : new Map();
  });
  afterAll(() => fs.rmSync(path.dirname(built.outDir), { recursive: true, force: true }));

  it('builds, counting every kind', () => {
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/1 people, 3 places, 3 organisations, 2 sections, 1 topics/);
  });

  it('gives a configured kind its index and its entries pages, with the articles tagged by id, name or alias', () => {
    const index = page('/sections/');
    expect(index('h1').text()).toBe('الأقسام');
    expect(index('.lead').text()).toBe('أقسام الأرشيف: السياسة والاقتصاد وغيرها.');
    expect(index('.letter-group__entries a').map((_, a) => index(a).attr('href')).get().sort()).toEqual(['/sections/economy/', '/sections/politics/']);
    const listed = (url: string) =>
      page(url)('.article-list h3 a')
        .map((_, a) => page(url)(a).attr('href'))
        .get();
    // politics: by id (visit) and by its Arabic name «سياسة» (crossing); economy: by id and by the alias «الاقتصاد».
    expect(listed('/sections/politics/')).toEqual(['/2021/05/crossing/', '/2021/04/visit/']);
    expect(listed('/sections/economy/')).toEqual(['/2021/06/football/', '/2021/05/crossing/']);
    const politics = page('/sections/politics/');
    expect(politics('.kicker').text()).toBe('قسم');
    expect(politics('.breadcrumbs a').map((_, a) => politics(a).attr('href')).get()).toEqual(['/', '/sections/']);
    expect(ld(politics).find((b) => b['@type'] === 'DefinedTerm')).toMatchObject({ name: 'سياسة', url: 'https://archive.example.org/sections/politics/', alternateName: ['Politics'] });
  });

  it('writes a feed per entry for kinds with feeds, and none for kinds without', () => {
    expect(fs.existsSync(path.join(built.outDir, 'sections/politics/feed.xml'))).toBe(true);
    expect(page('/sections/politics/')('.feed-link a').attr('href')).toBe('/sections/politics/feed.xml');
    expect(fs.existsSync(path.join(built.outDir, 'topics/border-crossings/feed.xml'))).toBe(false);
    expect(page('/topics/border-crossings/')('.feed-link')).toHaveLength(0);
  });

  it('finds a kind that matches text in the body, and links it once, marked with its kind', () => {
    const $ = page('/2021/05/crossing/');
    const topic = $('.prose a.mention[data-entity="topics"]');
    expect(topic.attr('data-id')).toBe('border-crossings');
    expect(topic.attr('href')).toBe('/topics/border-crossings/');
    expect(topic.text()).toBe('المعابر البرية');
    // Sections are front matter only: tagged, listed under the article, never looked for in the text.
    expect($('.prose a.mention[data-entity="sections"]')).toHaveLength(0);
    expect($('.article-entities h3').map((_, h) => $(h).text()).get()).toEqual(['الأماكن', 'المؤسسات', 'الأقسام', 'المواضيع']);
    const news = ld($).find((b) => b['@type'] === 'NewsArticle')!;
    expect(news['about'].map((e: { '@type': string; name: string }) => `${e['@type']} ${e.name}`).sort()).toEqual(['DefinedTerm اقتصاد', 'DefinedTerm سياسة']);
    expect(news['mentions'].map((e: { '@type': string }) => e['@type']).sort()).toEqual(['DefinedTerm', 'Organization', 'Place', 'Place']);
  });

  it('lets the longest name win across kinds: the club over the city inside its name', () => {
    const $ = page('/2021/06/football/');
    const mentions = $('.prose a.mention')
      .map((_, a) => `${$(a).attr('data-entity')}:${$(a).attr('data-id')}=${$(a).text()}`)
      .get();
    expect(mentions).toEqual(['organisation:real-madrid=نادي ريال مدريد', 'place:madrid=مدريد', 'place:algeria=الجزائر']);
  });

  it('nests an organisation under its parent, in the breadcrumb and the parent’s page', () => {
    const ministry = page('/organisations/algeria-foreign-ministry/');
    expect(ministry('.breadcrumbs a').map((_, a) => ministry(a).attr('href')).get()).toEqual(['/', '/organisations/', '/organisations/algerian-government/']);
    expect(ministry('.kicker').text()).toBe('وزارة');
    expect(ld(ministry).find((b) => b['@type'] === 'Organization')).toMatchObject({ parentOrganization: { name: 'الحكومة الجزائرية' }, location: { name: 'الجزائر' } });
    const government = page('/organisations/algerian-government/');
    expect(government('.entity-children a').map((_, a) => government(a).attr('href')).get()).toEqual(['/organisations/algeria-foreign-ministry/']);
  });

  it('lists every kind in the navigation, the sitemap and the search filters', () => {
    const home = page('/');
    expect(home('ul.site-nav a').map((_, a) => home(a).attr('href')).get()).toEqual(['/', '/archive/', '/people/', '/places/', '/organisations/', '/sections/', '/topics/', '/search/']);
    const sitemap = fs.readFileSync(path.join(built.outDir, 'sitemap-0.xml'), 'utf8');
    for (const url of ['/sections/', '/sections/politics/', '/topics/border-crossings/', '/organisations/algerian-government/']) expect(sitemap).toContain(`<loc>https://archive.example.org${url}</loc>`);
    const search = page('/search/');
    // A field per kind (names are found as the reader types, in the entries' index), then the year.
    expect(search('input[data-entry-filter]').map((_, s) => search(s).attr('data-entry-filter')).get()).toEqual(['person', 'place', 'organisation', 'sections', 'topics']);
    expect(search('input[type="hidden"]').map((_, s) => search(s).attr('name')).get()).toEqual(['person', 'place', 'organisation', 'sections', 'topics']);
    expect(search('select[data-year-filter]').attr('name')).toBe('year');
    // The filter reads each entry's article list: its articles' search keys, newest first.
    expect(search('input[data-entry-filter="sections"]').attr('data-lists')).toBe('/sections/ENTRY/articles.json');
    // The entries' index holds the sections too, each with its kind.
    const entries = JSON.parse(fs.readFileSync(path.join(built.outDir, 'pagefind/entries/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entries.languages)[0]!.page_count).toBeGreaterThan(2);
    const politics = JSON.parse(fs.readFileSync(path.join(built.outDir, 'sections/politics/articles.json'), 'utf8'));
    const listed = page('/sections/politics/');
    const shown = listed('.article-card__title a').map((_, a) => decodeURIComponent(listed(a).attr('href')!)).get();
    expect(shown.length).toBeGreaterThan(1);
    expect(politics).toEqual({ keys: shown.map((p) => searchKey({ path: p })) });
  });
});

describe('kinds that cannot be used', () => {
  it('stops the build before reading, naming the settings file and what is wrong', () => {
    const dir = tempDir('bad-kind');
    const settings = path.join(dir, 'settings.ts');
    fs.writeFileSync(settings, `export const settings = { kinds: [{ id: 'people', singular: 'قسم', plural: 'الأقسام' }] };\n`);
    const run = buildSite(FIXTURE, { env: { ARCHIVE_SETTINGS: settings } });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(settings);
    expect(run.stderr).toMatch(/"people" is the built-in kind person/);
  });

  it('reports an unknown entry of a configured kind at its line, with a did-you-mean', () => {
    const dir = tempDir('unknown-section');
    fs.cpSync(FIXTURE, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'articles/sport.md'), '---\ntitle: خبر\ndate: 2021-07-01\nsections: [politcs]\n---\n\nنص.\n');
    const run = buildSite(dir, { env: { ARCHIVE_SETTINGS: SETTINGS } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/articles\/sport\.md:4:\d+: error\[reference\/unknown\]: «politcs» in “sections” matches no id, name or alias in content\/sections\//);
    expect(run.stderr).toMatch(/did you mean .*politics/);
  });
});
