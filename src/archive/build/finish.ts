/**
 * The finish stage: what the output needs beyond the pages Astro wrote — the hosts' `_headers`
 * file, the sitemap of every page (those rendered and those kept from the previous output), and
 * the search shards indexed alongside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../config.ts';
import { SEARCH_FOLDER, SITE_FILES } from '../output/layout.ts';
import { writeSitemap } from '../output/sitemap.ts';
import { htmlPaths } from '../output-check.ts';
import { MEDIA_OUTPUT } from '../media/published-image.ts';
import type { BuildPlan } from './plan.ts';

/**
 * Headers for hosts that read a _headers file (Netlify, Cloudflare Pages): hashed assets and
 * the files made from pictures (named by their content) cached forever. HTML gets no Cache-Control here: these hosts already revalidate it, and their rules
 * for one path add up, so a second Cache-Control would be merged into the assets' one.
 */
export function headersFile(base: string): string {
  return (
    `${base}_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n\n` +
    `${base}${MEDIA_OUTPUT}/*\n  Cache-Control: public, max-age=31536000, immutable\n\n` +
    `${base}*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`
  );
}

/** The pages of the finished output, and those written this build. */
export interface FinishedPages {
  /** Every page of the output: every dynamic page of the plan, and the pages that render every build. */
  all: string[];
  written: string[];
}

/** Writes the headers and the sitemap into the staging folder. */
export async function finishPages(staging: string, plan: BuildPlan, site: { site: string; base: string }): Promise<FinishedPages> {
  fs.writeFileSync(path.join(staging, SITE_FILES.headers), headersFile(site.base));
  const written = htmlPaths(staging);
  const all = [...new Set([...[...plan.render.pages.keys()].filter((p) => p.endsWith('/')), ...written])];
  await writeSitemap(staging, site.site, site.base, all);
  return { all, written };
}

/** Moves the search shards indexed into their own folder into the staging folder. */
export function addSearchShards(staging: string, searchStaging: string): void {
  if (fs.existsSync(path.join(searchStaging, SEARCH_FOLDER))) fs.renameSync(path.join(searchStaging, SEARCH_FOLDER), path.join(staging, SEARCH_FOLDER));
  fs.rmSync(searchStaging, { recursive: true, force: true });
}
