/**
 * sitemap-index.xml and sitemap-N.xml (split every 45,000 URLs) through the `sitemap` package.
 * Written by the build from the full list of pages rather than by an Astro integration, which
 * would see only the pages rendered by an incremental build.
 */
import { SITE_FILES, sitemapFile } from './layout.ts';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { href } from '../urls.ts';
import { xmlChars } from './xml.ts';

/** URLs per sitemap file (the protocol allows 50,000). */
const PER_FILE = 45_000;

/** The XML of a stream of sitemap items. */
async function xml(stream: SitemapStream | SitemapIndexStream, items: readonly { url: string }[]): Promise<Buffer> {
  return streamToPromise(Readable.from(items).pipe(stream));
}

/**
 * Writes the sitemap of `sitePaths` (every page but the 404 page) into `outDir`. URLs are
 * percent-encoded, so they are ASCII; what XML cannot carry is also left out of the origin and
 * the paths (a lone surrogate would make percent-encoding throw), and the `sitemap` package
 * escapes every value for XML. The output check parses the result with a strict XML parser.
 */
export async function writeSitemap(outDir: string, site: string, base: string, sitePaths: readonly string[]): Promise<void> {
  const urls = [...sitePaths]
    .filter((p) => p !== '/404.html')
    .sort()
    .map((p) => ({ url: xmlChars(`${site}${href(base, xmlChars(p))}`) }));
  const files: { url: string }[] = [];
  for (let i = 0; i * PER_FILE < Math.max(urls.length, 1); i++) {
    const name = sitemapFile(i);
    fs.writeFileSync(path.join(outDir, name), await xml(new SitemapStream(), urls.slice(i * PER_FILE, (i + 1) * PER_FILE)));
    files.push({ url: `${site}${href(base, `/${name}`)}` });
  }
  fs.writeFileSync(path.join(outDir, SITE_FILES.sitemapIndex), await xml(new SitemapIndexStream(), files));
}
