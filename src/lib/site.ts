/**
 * How Astro routes reach the Archive. The Archive is built once per process: the build command
 * loads it (reporting every problem before Astro starts) and leaves it on `globalThis`, where the
 * bundled routes find it; `astro dev` and `astro check` load it here on first use.
 */
import type { Archive } from '../archive/archive.ts';
import { readBuildConfig, type BuildConfig } from '../archive/config.ts';
import { ArchiveBuildError } from '../archive/diagnostics.ts';
import { loadArchive } from '../archive/load.ts';
import { formatNumber, type DateStyle } from '../archive/text/dates.ts';
import { href } from '../archive/urls.ts';

/** What the routes need: the Archive and the configuration it was built with. */
export interface LoadedSite {
  archive: Archive;
  config: BuildConfig;
}

/** Where the build command leaves the loaded site for the bundled routes (a registered symbol). */
export const LOADED_SITE = Symbol.for('arabic-news-archive.loaded-site');

type WithSite = typeof globalThis & { [LOADED_SITE]?: LoadedSite };

/** The loaded site, loading it on first use. Throws every error of the content folder at once. */
export function site(): LoadedSite {
  const holder = globalThis as WithSite;
  if (!holder[LOADED_SITE]) {
    const config = readBuildConfig();
    const result = loadArchive(config);
    if (!result.archive) throw new ArchiveBuildError(result.diagnostics, process.cwd());
    holder[LOADED_SITE] = { archive: result.archive, config };
  }
  return holder[LOADED_SITE];
}

/** The Archive of this build. */
export function archive(): Archive {
  return site().archive;
}

/** A link to a site-relative path, under the base path, percent-encoded. */
export function link(sitePath: string): string {
  return href(site().config.base, sitePath);
}

/** The absolute URL of a site-relative path (canonical links). */
export function absolute(sitePath: string): string {
  return site().config.site + link(sitePath);
}

/** How dates and numbers are written on this site. */
export function dateStyle(): DateStyle {
  const { locale, numberingSystem } = site().config.settings;
  return { locale, numberingSystem };
}

/** A count in the site's digits, grouped by thousands (12,345). */
export function num(n: number): string {
  return formatNumber(n, dateStyle());
}

/** A year or page number in the site's digits, never grouped (2021). */
export function ordinal(n: number): string {
  return formatNumber(n, dateStyle(), false);
}
