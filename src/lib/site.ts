/**
 * How Astro routes reach the Archive. The Archive is built once per process: the build command
 * loads it (reporting every problem before Astro starts) and hands it over
 * (src/archive/build/handoff.ts), where the bundled routes find it; `astro dev` loads it here on
 * first use. A production build that was handed nothing stops with a clear error rather than
 * reading the content again on its own, without the cache and the checks.
 */
import type { Archive } from '../archive/archive.ts';
import { handOver, handedSite, type LoadedSite } from '../archive/build/handoff.ts';
import { readBuildConfig } from '../archive/config.ts';
import { ArchiveBuildError } from '../archive/diagnostics.ts';
import { loadArchive } from '../archive/load.ts';
import { formatNumber, type DateStyle } from '../archive/text/dates.ts';
import { href } from '../archive/urls.ts';

/** The loaded site: handed over by the build command, or (the dev server) read on first use. */
export function site(): LoadedSite {
  const handed = handedSite();
  if (handed) return handed;
  if (import.meta.env.PROD) {
    throw new Error('No archive was handed to the routes: the site is built by `npm run build` (src/cli/build.ts), which reads content/ once, reports its problems and then runs Astro. Run that instead of `astro build`.');
  }
  const config = readBuildConfig();
  const result = loadArchive(config);
  // `npm run dev -- --lang` (src/cli/serving.ts) overrides the settings' language of messages.
  const language = process.env['ARCHIVE_MESSAGES'] === 'ar' || process.env['ARCHIVE_MESSAGES'] === 'en' ? process.env['ARCHIVE_MESSAGES'] : config.settings.messages;
  if (!result.archive) throw new ArchiveBuildError(result.diagnostics, process.cwd(), language);
  const loaded = { archive: result.archive, config };
  handOver(loaded);
  return loaded;
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
