/**
 * The one module that names output files: where a site-relative page path is written, where
 * feeds, sitemaps and search shards go, and the files every build writes whatever changed.
 * URLs of pages are in src/archive/urls.ts; this turns them, and the rest, into files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { paths } from '../urls.ts';

/** The file of a site-relative page path, relative to the output root. */
export function pageFile(sitePath: string): string {
  return sitePath.endsWith('/') ? `${sitePath.slice(1)}index.html` : sitePath.slice(1);
}

/** The folder of the search shards: `pagefind/<months>/`. */
export const SEARCH_FOLDER = 'pagefind';

/** Files at the root of every output (the home and 404 pages render every build). */
export const SITE_FILES = {
  home: 'index.html',
  notFound: '404.html',
  siteFeed: pageFile(paths.siteFeed()),
  sitemapIndex: pageFile(paths.sitemapIndex()),
  headers: '_headers',
} as const;

/** The name of the n-th sitemap file (from 0). */
export function sitemapFile(n: number): string {
  return `sitemap-${n}.xml`;
}

/** The folder of a search shard, relative to the output root. */
export function searchShardFolder(id: string): string {
  return `${SEARCH_FOLDER}/${id}`;
}

/** The file that says a search shard is complete (Pagefind writes it last). */
export function searchShardEntry(id: string): string {
  return `${searchShardFolder(id)}/pagefind-entry.json`;
}

/** The files every finished output holds, whatever the build rendered: a missing one means the output was changed by hand. */
export function alwaysWritten(): string[] {
  return [SITE_FILES.home, SITE_FILES.notFound, SITE_FILES.siteFeed, SITE_FILES.sitemapIndex, sitemapFile(0)];
}

/** Every file under a folder, relative to it. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}
