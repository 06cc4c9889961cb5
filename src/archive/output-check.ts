/**
 * The output check run after every build, before the new site replaces the old one: the
 * pages, sitemap, feeds and search index hold exactly what the Archive says they should.
 * Any mismatch fails the build, so a half-written or inconsistent site is never published.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Archive } from './archive.ts';
import { pageFile } from './output/apply-changes.ts';
import { SEARCH_FOLDER } from './output/search-index.ts';
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
    .filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${path.sep}`))
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

/** Checks a finished output against the Archive; returns what is wrong (empty when all is well). */
export function checkLayout(layout: OutputLayout, archive: Archive, site: string, base: string, feeds: FeedSizes): string[] {
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

  // A page and a feed for every person and place with articles (feeds written this build are read;
  // the build checked that the others are still where it left them).
  for (const entity of [...archive.people, ...archive.places]) {
    const n = archive.countOf(entity);
    if (n === 0) continue;
    const page = entity.entity === 'person' ? paths.person(entity.id) : paths.place(entity.id);
    if (!pageSet.has(page)) problems.push(`no page for ${entity.entity} ${entity.id}`);
    const feed = layout.file(`${page.slice(1)}feed.xml`);
    if (!layout.isFresh(`${page.slice(1)}feed.xml`)) continue;
    if (!fs.existsSync(feed)) problems.push(`no feed for ${entity.entity} ${entity.id}`);
    else if (count(fs.readFileSync(feed, 'utf8'), /<item>/g) !== Math.min(n, feeds.entity)) problems.push(`${page}feed.xml does not hold its ${Math.min(n, feeds.entity)} newest articles`);
  }
  const siteFeed = layout.file('feed.xml');
  if (!fs.existsSync(siteFeed)) problems.push('no site feed (feed.xml)');
  else if (count(fs.readFileSync(siteFeed, 'utf8'), /<item>/g) !== Math.min(archive.articles.length, feeds.site)) problems.push('feed.xml does not hold the newest articles');

  // The sitemap lists exactly the pages (all but the 404 page).
  const origin = `${site}${base.replace(/\/$/, '')}`;
  const sitemaps: string[] = [];
  for (let i = 0; fs.existsSync(layout.file(`sitemap-${i}.xml`)); i++) sitemaps.push(`sitemap-${i}.xml`);
  const listed = new Set(
    sitemaps.flatMap((f) =>
      [...fs.readFileSync(layout.file(f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decodeURIComponent(m[1]!.replace(origin, '')).normalize('NFC')),
    ),
  );
  if (sitemaps.length === 0 || !fs.existsSync(layout.file('sitemap-index.xml'))) problems.push('no sitemap');
  for (const p of pages) if (p !== '/404.html' && !listed.has(p)) problems.push(`the sitemap does not list ${p}`);
  for (const p of listed) if (!pageSet.has(p)) problems.push(`the sitemap lists ${p}, which is not a page`);

  // The search shards hold one record per article between them.
  if (layout.searchShards.length === 0 && archive.articles.length > 0) problems.push('no search index (pagefind/)');
  let indexed = 0;
  for (const shard of layout.searchShards) {
    const entry = layout.file(`${shard}/pagefind-entry.json`);
    if (!fs.existsSync(entry)) {
      problems.push(`the search shard ${shard}/ has no pagefind-entry.json`);
      continue;
    }
    const languages = (JSON.parse(fs.readFileSync(entry, 'utf8')) as { languages: Record<string, { page_count: number }> }).languages;
    indexed += Object.values(languages).reduce((sum, l) => sum + l.page_count, 0);
  }
  if (indexed !== archive.articles.length) problems.push(`the search index holds ${indexed} pages, not the ${archive.articles.length} articles`);

  // No page is empty: each has a body and one heading.
  // No page is empty: each has a body and one heading.
  for (const p of layout.written) {
    const html = fs.readFileSync(fileOf(p), 'utf8');
    if (html.length < 200 || count(html, /<h1[\s>]/g) !== 1) problems.push(`${href(base, p)} is empty or has no single <h1>`);
  }
  return problems;
}
