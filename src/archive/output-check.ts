/**
 * The output check run after every build, before the new site replaces the old one: the
 * pages, sitemap, feeds and search index hold exactly what the Archive says they should.
 * Any mismatch fails the build, so a half-written or inconsistent site is never published.
 *
 * Nothing executable and nothing ill-formed either: every feed written this build and every
 * sitemap is parsed with a strict XML parser, and each HTML field of a feed (descriptions as a
 * reader renders them, content:encoded) is parsed as HTML and held to the page allow-list.
 * Every page written this build has its same-site links resolve to a page or file of the
 * finished output, and valid `<time datetime>` values. All of it is linear in what was written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Archive } from './archive.ts';

import { pageFile } from './output/layout.ts';
import { checkFeed, feedCheckMemory, type FeedCheckMemory } from './output/feed-check.ts';
import { isValidDatetimeOf, pageReferences, type PageReferences } from './output/page-check.ts';
import { ENTRY_SHARD, SEARCH_FOLDER } from './output/search-index.ts';
import { parseXml } from './output/xml.ts';
import { kindIdOf } from './kinds.ts';
import { MEDIA_OUTPUT } from './media/published-image.ts';
import { href, paths } from './urls.ts';

/** How many newest articles each feed carries (mirrors src/lib/feeds.ts). */
export interface FeedSizes {
  site: number;
  entity: number;
}

/**
 * What the check looks at: the finished output, which after an incremental build is the new
 * files written this build over the previous output.
 */
export interface OutputLayout {
  /** Every HTML page of the finished output, as site-relative paths (`/2021/04/x/`, `/404.html`). */
  pages: readonly string[];
  /** The absolute file of a path relative to the output root (`feed.xml`, `2021/04/x/index.html`). */
  file(relative: string): string;
  /** The pages written by this build: their content is checked (the others were when written). */
  written: readonly string[];
  /** Was this file (relative) written by this build? */
  isFresh(relative: string): boolean;
  /** Folders (relative) of the search shards. */
  searchShards: readonly string[];
}

/** Every HTML file of an output folder, as site-relative URL paths (`/2021/04/x/`, `/404.html`). */
export function htmlPaths(outDir: string): string[] {
  return fs
    .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith(`${SEARCH_FOLDER}${path.sep}`))
    .map((f) => {
      const rel = `/${f.split(path.sep).join('/')}`.normalize('NFC');
      return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
    });
}

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

/** The layout of a complete output folder (every page counts as written). */
export function folderLayout(outDir: string): OutputLayout {
  const pages = htmlPaths(outDir);
  const search = path.join(outDir, SEARCH_FOLDER);
  return {
    pages,
    written: pages,
    file: (relative) => path.join(outDir, relative),
    isFresh: () => true,
    searchShards: fs.existsSync(search) ? fs.readdirSync(search).map((d) => `${SEARCH_FOLDER}/${d}`) : [],
  };
}

/** Checks a built output folder against the Archive; returns what is wrong (empty when all is well). */
export function checkOutput(outDir: string, archive: Archive, site: string, base: string, feeds: FeedSizes): string[] {
  return checkLayout(folderLayout(outDir), archive, site, base, feeds);
}

/**
 * Checks a finished output against the Archive; returns what is wrong (empty when all is well).
 * `feedMemory` may carry the verdicts on feed items of earlier checks (src/archive/build/check.ts).
 */
export function checkLayout(layout: OutputLayout, archive: Archive, site: string, base: string, feeds: FeedSizes, feedMemory: FeedCheckMemory = feedCheckMemory()): string[] {
  const problems: string[] = [];
  const { pages } = layout;
  const pageSet = new Set(pages);
  const fileOf = (sitePath: string) => layout.file(pageFile(sitePath));

  // One page per published article, and no article page that is not in the Archive (drafts).
  const articlePaths = new Set(archive.articles.map((a) => a.path.normalize('NFC')));
  for (const p of articlePaths) if (!pageSet.has(p)) problems.push(`no page for the article ${p}`);
  for (const p of pages) {
    if (/^\/\d{4}\/\d{2}\/(?!page\/)[^/]+\/$/.test(p) && !articlePaths.has(p)) problems.push(`${p} is published but is no article of the archive (a draft?)`);
  }

  // A page and a feed for every entry with articles, of every kind (feeds written this build are read;
  // the build checked that the others are still where it left them).
  const memory = feedMemory;
  const readFeed = (relative: string, expected: number, missing: string, short: string) => {
    const file = layout.file(relative);
    if (!fs.existsSync(file)) return void problems.push(missing);
    if (!layout.isFresh(relative)) return;
    const feed = checkFeed(fs.readFileSync(file), href(base, `/${relative}`), memory);
    problems.push(...feed.problems);
    if (feed.problems.length === 0 && feed.items !== expected) problems.push(short);
  };
  for (const entity of archive.allEntries()) {
    const n = archive.countOf(entity);
    if (n === 0) continue;
    const page = paths.entity(entity);
    const what = `${kindIdOf(entity)} ${entity.id}`;
    if (!pageSet.has(page)) problems.push(`no page for ${what}`);
    const feed = paths.entityFeed(entity).slice(1);
    if (!archive.kinds.of(entity).feed) continue;
    const expected = Math.min(n, feeds.entity);
    if (layout.isFresh(feed)) readFeed(feed, expected, `no feed for ${what}`, `/${feed} does not hold its ${expected} newest articles`);
  }
  readFeed('feed.xml', Math.min(archive.articles.length, feeds.site), 'no site feed (feed.xml)', 'feed.xml does not hold the newest articles');

  // The sitemap lists exactly the pages (all but the 404 page).
  const origin = `${site}${base.replace(/\/$/, '')}`;
  const sitemaps: string[] = [];
  for (let i = 0; fs.existsSync(layout.file(`sitemap-${i}.xml`)); i++) sitemaps.push(`sitemap-${i}.xml`);
  const listed = new Set<string>();
  for (const name of [...sitemaps, 'sitemap-index.xml']) {
    if (!fs.existsSync(layout.file(name))) continue;
    const locs: string[] = [];
    const error = parseXml(fs.readFileSync(layout.file(name), 'utf8'), { close: (e, text) => void (e.local === 'loc' && locs.push(text)) }, (e) => e.local === 'loc');
    if (error !== undefined) problems.push(`${name} is not well-formed XML: ${error}`);
    if (name === 'sitemap-index.xml') continue;
    for (const loc of locs) {
      let decoded = loc;
      try {
        decoded = decodeURIComponent(loc.trim().replace(origin, ''));
      } catch {
        problems.push(`${name} lists ${loc}, which is not a valid URL`);
      }
      listed.add(decoded.normalize('NFC'));
    }
  }
  if (sitemaps.length === 0 || !fs.existsSync(layout.file('sitemap-index.xml'))) problems.push('no sitemap');
  for (const p of pages) if (p !== '/404.html' && !listed.has(p)) problems.push(`the sitemap does not list ${p}`);
  for (const p of listed) if (!pageSet.has(p)) problems.push(`the sitemap lists ${p}, which is not a page`);

  // The search shards hold one record per article between them, and the entries' index one per entry.
  if (layout.searchShards.length === 0 && archive.articles.length > 0) problems.push('no search index (pagefind/)');
  let indexed = 0;
  const entryShard = `${SEARCH_FOLDER}/${ENTRY_SHARD}`;
  const entries = archive.allEntries().length;
  if (entries > 0 && !layout.searchShards.includes(entryShard)) problems.push(`no index of the entries (${entryShard}/)`);
  for (const shard of layout.searchShards) {
    const entry = layout.file(`${shard}/pagefind-entry.json`);
    if (!fs.existsSync(entry)) {
      problems.push(`the search shard ${shard}/ has no pagefind-entry.json`);
      continue;
    }
    const languages = (JSON.parse(fs.readFileSync(entry, 'utf8')) as { languages: Record<string, { page_count: number }> }).languages;
    const count = Object.values(languages).reduce((sum, l) => sum + l.page_count, 0);
    if (shard !== entryShard) indexed += count;
    else if (count !== entries) problems.push(`the index of the entries holds ${count} entries, not the ${entries} of the registry`);
  }
  if (indexed !== archive.articles.length) problems.push(`the search index holds ${indexed} pages, not the ${archive.articles.length} articles`);

  // No page is empty: each has a body and one heading. Its same-site links lead to pages and
  // files of the finished output, and its machine-readable dates are valid. What an editor wrote
  // in an article's or entry's body (a link, a <time>) is theirs, not the templates': it is left
  // to the content checks, so a link typed in an article never stops the build here.
  const links = linkChecker(layout, pageSet, site, base);
  const mediaPrefix = href(base, `/${MEDIA_OUTPUT}/`);
  const editorial = (p: string): PageReferences | undefined => {
    const entry = /^\/([^/]+)\/([^/]+)\/$/.exec(p);
    const kind = entry && archive.kinds.all.find((k) => k.folder === entry[1]);
    const html = archive.articleAt(p)?.html ?? (kind ? archive.entry(kind.id, entry[2]!)?.html : undefined);
    return html ? pageReferences(html) : undefined;
  };
  const broken = new Map<string, string[]>();
  const report = (what: string, page: string) => {
    const on = broken.get(what);
    if (on) on.push(page);
    else broken.set(what, [page]);
  };
  for (const p of layout.written) {
    const html = fs.readFileSync(fileOf(p), 'utf8');
    if (html.length < 200 || count(html, /<h1[\s>]/g) !== 1) problems.push(`${href(base, p)} is empty or has no single <h1>`);
    const { urls, dates } = pageReferences(html);
    const body = editorial(p);
    const bodyUrls = new Set(body?.urls);
    const bodyDates = new Set(body?.dates.map((d) => d.value));
    for (const url of urls) {
      // The files made from pictures are the build's, wherever they stand: always checked.
      const problem = bodyUrls.has(url) && !url.startsWith(mediaPrefix) ? undefined : links(url, p);
      if (problem) report(`links to ${url}, which ${problem}`, p);
    }
    for (const { element, value } of dates) {
      if (!bodyDates.has(value) && !isValidDatetimeOf(element, value)) report(`has <${element} datetime="${value}">, which is not a valid HTML date or time`, p);
    }
  }
  for (const [what, on] of broken) {
    problems.push(`${href(base, on[0]!)} ${what}${on.length > 1 ? ` (and ${on.length - 1} other page(s))` : ''}`);
  }
  return problems;
}

/**
 * Judges the URLs of the pages: undefined for one that leads out of the site (another origin,
 * another folder than the base, mailto:…) or to a page or file of the finished output, else
 * what is wrong with it. Verdicts on absolute URLs are kept: most links repeat on every page.
 */
function linkChecker(layout: OutputLayout, pageSet: ReadonlySet<string>, site: string, base: string): (url: string, page: string) => string | undefined {
  const siteOrigin = new URL(site).origin;
  let basePath = base;
  try {
    basePath = decodeURIComponent(base).normalize('NFC');
  } catch {
    // a base that is not percent-encoded text is compared as it is
  }
  const verdicts = new Map<string, string | undefined>();
  const files = new Map<string, boolean>();
  const isFile = (relative: string) => {
    let found = files.get(relative);
    if (found === undefined) {
      try {
        found = fs.statSync(layout.file(relative)).isFile();
      } catch {
        found = false;
      }
      files.set(relative, found);
    }
    return found;
  };
  const judge = (url: string, page: string): string | undefined => {
    let target: URL;
    try {
      target = new URL(url, `${siteOrigin}${href(base, page)}`);
    } catch {
      return 'is not a valid URL';
    }
    if (target.origin !== siteOrigin || !/^https?:$/.test(target.protocol)) return undefined;
    let pathname: string;
    try {
      pathname = decodeURIComponent(target.pathname).normalize('NFC');
    } catch {
      return 'has a malformed percent-escape';
    }
    if (!pathname.startsWith(basePath)) return undefined;
    const relative = pathname.slice(basePath.length);
    if (relative === '' || relative.endsWith('/')) return pageSet.has(`/${relative}`) ? undefined : 'is a page the output does not have';
    if (pageSet.has(`/${relative}`) || isFile(relative)) return undefined;
    return 'is a file the output does not have';
  };
  return (url, page) => {
    if (url === '' || url.startsWith('#')) return undefined;
    // A URL with a scheme or a leading slash means the same on every page.
    if (!/^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/)/.test(url)) return judge(url, page);
    if (verdicts.has(url)) return verdicts.get(url);
    const verdict = judge(url, page);
    verdicts.set(url, verdict);
    return verdict;
  };
}
