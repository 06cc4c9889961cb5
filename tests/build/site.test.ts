/**
 * Builds fixture archives with the real build command and inspects the output as a reader's
 * browser would get it: every page parsed with cheerio, every link followed to a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as cheerio from 'cheerio';
import { SyntaxValidator } from 'fast-xml-validator';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../src/archive/config.ts';
import { BUILTIN_KINDS, type BuiltinKindId } from '../../src/archive/kinds.ts';
import { loadArchive } from '../../src/archive/load.ts';
import type { Article } from '../../src/archive/model/article.ts';
import { buildSite, fileForUrl, htmlPages, referencedUrls, type BuiltSite } from '../helpers/build-site.ts';
import { contentWithSeedRegistry, ROOT, tempDir } from '../helpers/content.ts';

const SEED = path.join(ROOT, 'content');
const TWO_YEARS = path.join(ROOT, 'tests/fixtures/two-years');

/** The articles a fixture should publish, read through the core (not through the site). */
function expectedArticles(contentDir: string): Article[] {
  const result = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: contentDir }, ROOT));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return [...result.archive!.articles];
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Headlines of news articles are often longer than 70 characters; the title is still right.
    'long-title': 'off',
  },
});

/** A build made in `beforeAll`, read by the tests of its `describe`. */
interface Built {
  site: BuiltSite;
  pages: Map<string, cheerio.CheerioAPI>;
}

/** Builds a content folder before the tests of the enclosing describe and removes it after. */
function useBuild(contentDir: string, options: { base?: string; env?: Record<string, string> } = {}): Built {
  const built = {} as Built;
  beforeAll(() => {
    built.site = buildSite(contentDir, options);
    built.pages = built.site.status === 0 ? htmlPages(built.site.outDir) : new Map();
  });
  afterAll(() => fs.rmSync(path.dirname(built.site.outDir), { recursive: true, force: true }));
  return built;
}

/** Checks shared by every build: the whole output, page by page. */
function checkWholeSite(built: Built) {
  it('builds successfully and says where the output is', () => {
    const { site } = built;
    expect(site.status, site.stderr).toBe(0);
    expect(site.stdout).toContain('Built the archive');
  });

  it('sets lang="ar" dir="rtl" on every page', () => {
    const { pages } = built;
    expect(pages.size).toBeGreaterThan(5);
    for (const [url, $] of pages) {
      expect($('html').attr('lang'), url).toBe('ar');
      expect($('html').attr('dir'), url).toBe('rtl');
    }
  });

  it('resolves every internal link and asset to a file, all under the base path', () => {
    const { site, pages } = built;
    const broken: string[] = [];
    for (const [url, $] of pages) {
      for (const ref of referencedUrls($)) {
        if (/^https?:\/\//.test(ref) || ref.startsWith('#')) continue;
        const file = fileForUrl(site.outDir, site.base, ref);
        if (!file) broken.push(`${url} → ${ref} (outside ${site.base})`);
        else if (!fs.existsSync(file)) broken.push(`${url} → ${ref} (no file)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('links to itself only: no page loads anything from another origin', () => {
    const { pages } = built;
    for (const [url, $] of pages) {
      const external = $('link[href^="http"], script[src], img[src^="http"]')
        .toArray()
        .map((el) => $(el).attr('href') ?? $(el).attr('src'))
        .filter((u) => u && /^(https?:)?\/\//.test(u) && !u.startsWith('https://archive.example.org'));
      expect(external, url).toEqual([]);
    }
  });

  it('serves the Noto Naskh Arabic font files itself', () => {
    const { site, pages } = built;
    const cssFiles = fs.readdirSync(path.join(site.outDir, '_astro')).filter((f) => f.endsWith('.css'));
    expect(cssFiles.length).toBeGreaterThan(0);
    const css = cssFiles.map((f) => fs.readFileSync(path.join(site.outDir, '_astro', f), 'utf8')).join('\n');
    expect(css).toContain('Noto Naskh Arabic');
    const fontUrls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!.replace(/["']/g, ''));
    expect(fontUrls.some((u) => /noto-naskh-arabic-arabic-400-normal\.[\w-]+\.woff2$/.test(u))).toBe(true);
    expect(fontUrls.some((u) => /noto-naskh-arabic-arabic-700-normal\.[\w-]+\.woff2$/.test(u))).toBe(true);
    for (const u of fontUrls) {
      expect(u.startsWith(`${site.base}_astro/`), u).toBe(true);
      expect(fs.existsSync(fileForUrl(site.outDir, site.base, u)!), u).toBe(true);
    }
    const [, $home] = [...pages].find(([u]) => u === '/')!;
    const preload = $home('link[rel="preload"][as="font"]').attr('href')!;
    expect(fs.existsSync(fileForUrl(site.outDir, site.base, preload)!)).toBe(true);
  });

  it('passes html-validate on every page with 0 errors', async () => {
    const { pages } = built;
    const failures: string[] = [];
    for (const [url, $] of pages) {
      const report = await validator.validateString($.html(), url);
      for (const r of report.results)
        for (const m of r.messages) failures.push(`${url}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures).toEqual([]);
  });
}

describe('the seed archive', () => {
  const built = useBuild(SEED);
  const page = (url: string) => built.pages.get(url)!;

  checkWholeSite(built);

  it('draws maps of the article, each place and the places index: linked markers for the places with coordinates, well formed, under 40 KB', () => {
    const { registry } = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: SEED }, ROOT));
    const located = new Set(registry.filter((p) => p.entity === 'place' && p.coordinates).map((p) => p.id));
    const mapOf = (url: string) => {
      const $ = page(url);
      const svg = $('svg.map');
      expect(svg, url).toHaveLength(1);
      const markup = $.html(svg);
      expect(SyntaxValidator.validate(markup), `${url}: well-formed XML`).toBe(true);
      expect(Buffer.byteLength(markup), url).toBeLessThanOrEqual(40_000);
      for (const a of svg.find('a[href]').toArray()) expect(fs.existsSync(fileForUrl(built.site.outDir, '/', $(a).attr('href')!)!), `${url}: ${$(a).attr('href')}`).toBe(true);
      return { $, svg, ids: new Set(svg.find('[data-place]').map((_, el) => $(el).attr('data-place')).get()) };
    };
    // The article: every one of its places with coordinates, and no other.
    const article = mapOf('/2021/04/boukadoum-tripoli/');
    const articlePlaces = page('/2021/04/boukadoum-tripoli/')('.article-entities .entity-links a[href*="/places/"]').map((_, a) => page('/2021/04/boukadoum-tripoli/')(a).attr('href')!.split('/').at(-2)).get();
    expect([...article.ids].sort()).toEqual(articlePlaces.filter((id) => located.has(id)).sort());
    // Debdeb (Algeria) is drawn west of Ghadames (Libya): either side of the border.
    const x = (id: string) => Number(article.svg.find(`[data-place="${id}"] circle`).first().attr('cx'));
    expect(x('debdeb')).toBeLessThan(x('ghadames'));
    // A city's page marks it; a country's page marks the places within it.
    expect(mapOf('/places/tripoli/').ids.has('tripoli')).toBe(true);
    expect([...mapOf('/places/libya/').ids]).toEqual(expect.arrayContaining(['tripoli', 'ghadames']));
    expect([...mapOf('/places/algeria/').ids]).toEqual(expect.arrayContaining(['debdeb', 'tin-alkoum']));
    for (const id of ['ghadames', 'debdeb', 'tin-alkoum']) expect(mapOf(`/places/${id}/`).ids.has(id), id).toBe(true);
    // The index: every place with coordinates and articles.
    expect([...mapOf('/places/').ids].sort()).toEqual([...located].sort());
    // The credit line, with the Latin name isolated.
    expect(page('/places/').html()).toContain('<bdi>Natural Earth</bdi>');
  });

  it('renders the article with both calendars, the source and its people and places', () => {
    const $ = page('/2021/04/boukadoum-tripoli/')!;
    expect($('h1').text()).toBe('بوقادوم ومدير المخابرات الخارجية في طرابلس: زيارة سياسية ببعد أمني');
    expect($('.article-meta').text().replace(/\s+/g, ' ')).toContain('الاثنين 19 أبريل 2021 · 7 رمضان 1442 هـ');
    expect($('time').attr('datetime')).toBe('2021-04-19');
    expect($('.article-source a').attr('href')).toMatch(/^https:\/\/alaraby\.co\.uk\/politics\//);
    expect($('.prose p')).toHaveLength(13);
    const entityLinks = $('.article-entities a').not('svg a').map((_, a) => $(a).attr('href')).get();
    // Its 7 people, 6 places and 5 organisations, under a heading per kind.
    expect(entityLinks).toHaveLength(18);
    expect(entityLinks).toContain('/people/sabri-boukadoum/');
    expect(entityLinks).toContain('/places/ghadames/');
    expect(entityLinks).toContain('/organisations/arab-maghreb-union/');
    expect($('.article-entities h3').map((_, h) => $(h).text()).get()).toEqual(['الأشخاص', 'الأماكن', 'المؤسسات']);
  });

  it('links each person, place and organisation at its first mention in the text, and nothing else', () => {
    const $ = page('/2021/04/boukadoum-tripoli/');
    const mentions = $('.prose a.mention')
      .map((_, a) => `${$(a).attr('data-entity')}:${$(a).attr('data-id')}=${$(a).text()}`)
      .get();
    expect(mentions).toEqual([
      'person:sabri-boukadoum=صبري بوقادوم',
      'person:kamel-beldjoud=كمال بلجود',
      'place:tripoli=طرابلس',
      'organisation:presidential-council=المجلس الرئاسي',
      'organisation:government-of-national-unity=وحكومة الوحدة الوطنية',
      'organisation:high-council-of-state=المجلس الأعلى للدولة',
      'person:mohamed-al-menfi=محمد المنفي',
      'person:abdul-hamid-dbeibah=عبد الحميد الدبيبة',
      'place:libya=ليبيا',
      'place:algeria=الجزائر',
      // The union, never Morocco: the longest name wins across kinds.
      'organisation:arab-maghreb-union=اتحاد المغرب العربي',
      'person:abdelmadjid-tebboune=عبد المجيد تبون',
      'organisation:algeria-foreign-ministry=لوزارة الخارجية الجزائرية',
      'person:najla-el-mangoush=نجلاء المنقوش',
      'place:debdeb=الدبداب',
      'place:ghadames=غدامس',
      'place:tin-alkoum=تنلكوم',
      'person:noureddine-makri=نور الدين مقري',
    ]);
    for (const a of $('.prose a.mention').toArray()) {
      const href = $(a).attr('href')!;
      expect(href).toBe(`/${BUILTIN_KINDS[$(a).attr('data-entity') as BuiltinKindId].folder}/${$(a).attr('data-id')}/`);
    }
    // The text around the links is unchanged: the page's text is the article's text.
    expect($('.prose').text()).toContain('وقدم بوقادوم للمنفي دعوة');
  });

  it('counts «للمنفي» and the other bare surnames on the person page', () => {
    const $ = page('/people/mohamed-al-menfi/');
    expect($('.article-card__relation').text()).toBe('ذُكر 5 مرات');
  });

  it('gives every person and place a page with its name, Latin name and article', () => {
    expect(page('/people/')!('.letter-group__entries li')).toHaveLength(7);
    expect(page('/places/')!('.letter-group__entries li')).toHaveLength(6);
    const $ = page('/people/mohamed-al-menfi/')!;
    expect($('h1').text()).toBe('محمد المنفي');
    expect($('bdi.latin').text()).toBe('Mohamed al-Menfi');
    expect($('.article-list a').attr('href')).toBe('/2021/04/boukadoum-tripoli/');
  });

  it('gives the organisations an index, and each a page with what it is, its country, its articles, JSON-LD and a feed', () => {
    const index = page('/organisations/')!;
    expect(index('h1').text()).toBe('المؤسسات');
    expect(index('.letter-group__entries li')).toHaveLength(5);
    // A–Z ignoring «ال»: اتحاد under ا, المجلس under م, حكومة under ح, وزارة under و.
    expect(index('.letter-group__letter').map((_, h) => index(h).text().trim()).get()).toEqual(['ا', 'ح', 'م', 'و']);
    const council = page('/organisations/presidential-council/')!;
    expect(council('h1').text()).toBe('المجلس الرئاسي');
    expect(council('.kicker').text()).toBe('حكومة');
    expect(council('bdi.latin').text()).toBe('Presidential Council');
    expect(council('.entity-country').text().replace(/\s+/g, ' ').trim()).toBe('البلد: ليبيا');
    expect(council('.entity-country a').attr('href')).toBe('/places/libya/');
    // Headings that fit a council as well as a person: no grammatical gender.
    expect(council('#together').text()).toBe('في المقالات نفسها');
    expect(council('#together + .entity-links a').length).toBeGreaterThan(10);
    expect(council('.article-list a').attr('href')).toBe('/2021/04/boukadoum-tripoli/');
    expect(council('.breadcrumbs a').map((_, a) => council(a).attr('href')).get()).toEqual(['/', '/organisations/']);
    expect(council('link[rel="alternate"][type="application/rss+xml"]').first().attr('href')).toBe('/organisations/presidential-council/feed.xml');
    const ld = council('script[type="application/ld+json"]')
      .map((_, el) => JSON.parse(council(el).text()))
      .get()
      .flat();
    const org = ld.find((b) => b['@type'] === 'Organization');
    expect(org).toMatchObject({ name: 'المجلس الرئاسي', alternateName: expect.arrayContaining(['Presidential Council']), location: { '@type': 'Place', name: 'ليبيا' } });
    expect(fs.existsSync(path.join(built.site.outDir, 'organisations/presidential-council/feed.xml'))).toBe(true);
    // The navigation lists every kind's index.
    expect(council('ul.site-nav a').map((_, a) => council(a).attr('href')).get()).toEqual(expect.arrayContaining(['/people/', '/places/', '/organisations/']));
  });

  it('shows what contains a place and what it contains', () => {
    const ghadames = page('/places/ghadames/')!;
    expect(ghadames('.breadcrumbs a').map((_, a) => ghadames(a).attr('href')).get()).toEqual(['/', '/places/', '/places/libya/']);
    expect(ghadames('.breadcrumbs [aria-current="page"]').text()).toBe('غدامس');
    const libya = page('/places/libya/')!;
    expect(libya('.entity-children a').map((_, a) => libya(a).attr('href')).get().sort()).toEqual(['/places/ghadames/', '/places/tripoli/']);
  });

  it('groups the places index by first letter, ignoring «ال»', () => {
    const $ = page('/places/')!;
    const groups = $('.letter-group')
      .map((_, g) => `${$(g).find('h2').text()}:${$(g).find('li > a').map((__, a) => $(a).text()).get().join(',')}`)
      .get();
    expect(groups).toEqual(['ت:تين الكوم', 'ج:الجزائر', 'د:الدبداب', 'ط:طرابلس', 'غ:غدامس', 'ل:ليبيا']);
  });

  it('browses by Hijri month too, linked from the article\'s Hijri date', () => {
    const article = page('/2021/04/boukadoum-tripoli/');
    expect(article('.article-meta a.hijri').attr('href')).toBe('/hijri/1442/09/');
    expect(article('.article-meta a:has(time)').attr('href')).toBe('/2021/04/');
    const ramadan = page('/hijri/1442/09/');
    expect(ramadan('h1').text()).toBe('أرشيف رمضان 1442 هـ');
    expect(ramadan('.article-list a').attr('href')).toBe('/2021/04/boukadoum-tripoli/');
  });

  it('has date archives and a 404 page', () => {
    expect(page('/2021/')!('a[href="/2021/04/"]')).toHaveLength(1);
    expect(page('/2021/04/')!('.article-list a').attr('href')).toBe('/2021/04/boukadoum-tripoli/');
    expect(built.pages.has('/404.html')).toBe(true);
  });

  it('browses by date in both calendars from the header: the archive, its years, their months (issue 15, item 5)', () => {
    // Every page's header links to the archive by date.
    expect(page('/2021/04/boukadoum-tripoli/')('.site-nav a[href="/archive/"]').text()).toBe('الأرشيف');
    const archive = page('/archive/');
    expect(archive('a[href="/2021/"]').text()).toContain('2021');
    expect(archive('a[href="/hijri/1442/"]').text()).toContain('1442 هـ');
    expect(page('/hijri/')('a[href="/hijri/1442/"]')).toHaveLength(1);
    const hijriYear = page('/hijri/1442/');
    expect(hijriYear('h1').text()).toBe('أرشيف 1442 هـ');
    expect(hijriYear('.month-grid a[href="/hijri/1442/09/"]').text()).toContain('رمضان');
    expect(hijriYear('.month-grid li')).toHaveLength(12);
    // A month page says where it is, and leads to its year.
    const month = page('/2021/04/');
    expect(month('.breadcrumbs a').map((_, a) => month(a).attr('href')).get()).toEqual(['/', '/archive/', '/2021/']);
    expect(month('.breadcrumbs [aria-current="page"]').text()).toBe('أبريل');
    expect(month('.month-steps a[href="/2021/"]').text()).toBe('كل 2021');
    const ramadan = page('/hijri/1442/09/');
    expect(ramadan('.breadcrumbs a').map((_, a) => ramadan(a).attr('href')).get()).toEqual(['/', '/hijri/', '/hijri/1442/']);
  });
});

describe('a two-year archive with shared people and places', () => {
  // Ten a page, so that its lists (34 articles, 27 for its busiest person) have numbered pages.
  const built = useBuild(TWO_YEARS, { env: { ARCHIVE_SETTINGS: path.join(ROOT, 'tests/fixtures/settings/ten-a-page.ts') } });
  let articles: Article[] = [];
  beforeAll(() => {
    articles = expectedArticles(TWO_YEARS);
  });

  checkWholeSite(built);

  it('is a fixture worth testing: ≥ 30 articles over two years, one person past a page of articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
    expect(new Set(articles.map((a) => a.date.year)).size).toBeGreaterThanOrEqual(2);
    const busiest = Math.max(...['person', 'place'].flatMap((k) => countBy(articles.flatMap((a) => a.entries[k] ?? []))));
    expect(busiest).toBeGreaterThan(20);
  });

  it('publishes exactly one page per article', () => {
    const articlePages = [...built.pages].filter(([, $]) => $('article.article').length === 1).map(([url]) => url);
    expect(articlePages.sort()).toEqual(articles.map((a) => a.path).sort());
  });

  for (const [kind, entry] of [
    ['people', 'person'],
    ['places', 'place'],
  ] as const) {
    it(`lists on each ${entry}'s pages exactly its articles, newest first`, () => {
      const ids = new Set(articles.flatMap((a) => a.entries[entry] ?? []));
      for (const id of ids) {
        const expected = articles.filter((a) => a.entries[entry]?.includes(id));
        const main = built.pages.get(`/${kind}/${id}/`)!;
        const numbered = [...built.pages].filter(([url]) => url.startsWith(`/${kind}/${id}/page/`));
        const listed = new Set<string>();
        for (const $ of [main, ...numbered.map(([, $]) => $)]) {
          const hrefs = $('.article-list h3 a').map((_, a) => decodeURIComponent($(a).attr('href')!)).get();
          const dates = $('.article-list time').map((_, t) => $(t).attr('datetime')!).get();
          expect([...dates].sort().reverse(), `${kind}/${id} newest first`).toEqual(dates);
          hrefs.forEach((h) => listed.add(h));
        }
        expect([...listed].sort(), `${kind}/${id}`).toEqual(expected.map((a) => a.path).sort());
        expect(main('.entity-count').text()).not.toBe('');
      }
    });
  }

  it('paginates a long list with stable numbered pages', () => {
    const person = [...built.pages].find(([url]) => /^\/people\/[^/]+\/page\/1\/$/.test(url));
    expect(person, 'some person has a numbered page').toBeDefined();
    const [url, $] = person!;
    const items = $('.article-list h3 a');
    expect(items).toHaveLength(10); // numbered pages are always full
    expect($('.pagination a[href]').length).toBeGreaterThan(0);
    const mainUrl = url.replace(/page\/1\/$/, '');
    expect(built.pages.get(mainUrl)!('.pagination a[rel="next"]').attr('href')).toMatch(/\/page\/\d+\/$/);
  });

  it('never shows an article twice going from a list’s main page to its older pages (issue 15, item 4)', () => {
    const mains = [...built.pages.keys()].filter((url) => built.pages.has(`${url}page/1/`));
    expect(mains).toContain('/');
    for (const main of mains) {
      const seen: string[] = [];
      for (let url: string | undefined = main; url; ) {
        const $: cheerio.CheerioAPI = built.pages.get(decodeURIComponent(url))!;
        seen.push(...$('.article-list .article-card__title a').map((_, a) => $(a).attr('href')!).get());
        const older: string | undefined = $('.pagination a[rel="next"]').attr('href');
        url = older;
      }
      expect(seen.length, main).toBeGreaterThan(10);
      expect(new Set(seen).size, `${main}: an article shown twice`).toBe(seen.length);
    }
  });

  it('links each month page to the months before and after it that have articles', () => {
    const months = [...new Set(articles.map((a) => `/${a.date.year}/${String(a.date.month).padStart(2, '0')}/`))].sort();
    months.forEach((url, i) => {
      const $ = built.pages.get(url)!;
      expect($('.month-steps a[rel="prev"]').attr('href'), url).toBe(months[i - 1]);
      expect($('.month-steps a[rel="next"]').attr('href'), url).toBe(months[i + 1]);
    });
  });

  it('links each article to the previous and next article in time', () => {
    const byPath = new Map(articles.map((a, i) => [a.path, i]));
    for (const a of articles) {
      const $ = built.pages.get(a.path)!;
      const i = byPath.get(a.path)!;
      const older = $('.article-nav__older').attr('href');
      const newer = $('.article-nav__newer').attr('href');
      expect(older && decodeURIComponent(older)).toBe(articles[i + 1]?.path);
      expect(newer && decodeURIComponent(newer)).toBe(i > 0 ? articles[i - 1]!.path : undefined);
    }
  });

  it('serves an article with an Arabic slug from a folder named in Arabic', () => {
    const arabic = articles.filter((a) => /[\u0600-\u06FF]/.test(a.slug));
    expect(arabic.length).toBeGreaterThan(0);
    for (const a of arabic) expect(fs.existsSync(path.join(built.site.outDir, a.path, 'index.html'))).toBe(true);
  });

  it('leaves drafts out', () => {
    const draftFiles = fs
      .readdirSync(path.join(TWO_YEARS, 'articles'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md') && /^draft:\s*true/m.test(fs.readFileSync(path.join(TWO_YEARS, 'articles', f), 'utf8')));
    expect(draftFiles.length).toBeGreaterThan(0);
    expect(articles.some((a) => draftFiles.includes(a.sourcePath.replace(/^articles\//, '')))).toBe(false);
  });
});

describe('the same archive under ARCHIVE_BASE=/archive/', () => {
  const built = useBuild(TWO_YEARS, { base: '/archive/' });

  checkWholeSite(built);

  it('puts every internal link, asset and canonical URL under /archive/', () => {
    for (const [url, $] of built.pages) {
      for (const ref of referencedUrls($)) {
        if (ref.startsWith('#') || (/^https?:/.test(ref) && !ref.startsWith('https://archive.example.org'))) continue;
        const pathname = ref.replace('https://archive.example.org', '');
        expect(pathname.startsWith('/archive/'), `${url} → ${ref}`).toBe(true);
      }
    }
  });
});

describe('a build with errors', () => {
  let out: string;
  let run: BuiltSite;
  beforeAll(() => {
    out = path.join(tempDir('previous'), 'dist');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'index.html'), 'previous site');
    fs.writeFileSync(path.join(out, '.archive-build'), 'a previous build\n');
    run = buildSite(contentWithSeedRegistry(path.join(ROOT, 'tests/fixtures/errors/every-problem-reported-together')), { outDir: out });
  });

  it('exits non-zero, reports every problem located, and leaves the previous output untouched', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/articles\/one\.md:1:1: error\[front-matter\/required\]/);
    expect(run.stderr).toMatch(/articles\/two\.md:3:7: error\[front-matter\/date\]/);
    expect(run.stderr).toMatch(/articles\/three\.md:4:10: error\[reference\/unknown\]/);
    expect(run.stderr).toContain('was not touched');
    expect(fs.readdirSync(out).sort()).toEqual(['.archive-build', 'index.html']);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous site');
  });
});

function countBy(values: string[]): number[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()];
}
