/**
 * `npm run build`: reads content/, reports every problem at once, renders the site with Astro
 * into a staging folder, checks it, and only then puts it in place. A failed build leaves the
 * previous site exactly as it was.
 *
 * Rebuilds are incremental. The parse cache gives back unchanged articles without parsing
 * them; the build manifest (src/archive/cache/build-manifest.ts) says what the output folder
 * holds, so Astro renders only pages whose props changed and Pagefind re-indexes only the years
 * that changed; the staging folder then holds just those files and is applied over the output.
 * When nothing at all changed, Astro does not run. Caches live in ARCHIVE_CACHE_DIR (default
 * .cache/archive/); ARCHIVE_FULL_BUILD=1 ignores the previous output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forgetManifest, newStamp, saveManifest, STAMP_FILE, trustedManifest } from '../archive/cache/build-manifest.ts';
import { codeVersion } from '../archive/cache/code-version.ts';
import { digest } from '../archive/cache/digest.ts';
import { CONTENT_SECURITY_POLICY, readBuildConfig } from '../archive/config.ts';
import { formatDiagnostic, sortDiagnostics } from '../archive/diagnostics.ts';
import { loadArchiveWith } from '../archive/load.ts';
import { parseInParallel } from '../archive/parallel-parse.ts';
import { applyChanges, pageFile } from '../archive/output/apply-changes.ts';
import { SEARCH_FOLDER, searchShards, writeSearchShards } from '../archive/output/search-index.ts';
import { writeSitemap } from '../archive/output/sitemap.ts';
import { checkLayout, htmlPaths } from '../archive/output-check.ts';
import { FEED_SIZE } from '../lib/feeds.ts';
import { setRenderPlan, type RenderPlan } from '../lib/render-plan.ts';
import { LOADED_SITE, type LoadedSite } from '../lib/site.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const cwd = process.cwd();
const shown = (p: string) => path.relative(cwd, p) || '.';

const config = readBuildConfig();
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const cacheDir = path.resolve(cwd, process.env['ARCHIVE_CACHE_DIR'] || '.cache/archive');
// Everything besides the content that decides the output: code, dependencies, configuration.
const version = codeVersion(projectRoot, { site: config.site, base: config.base, contentDir: config.contentDir });

console.log(`Reading ${shown(config.contentDir)}/ …`);
const loadStarted = performance.now();
let shownAt = 0;
const result = await loadArchiveWith(config, { cacheDir, codeVersion: version }, (files, registry) =>
  parseInParallel(files, config, registry, (done, total) => {
    // Progress at most every two seconds (a cold build of a large archive parses for a while).
    if (performance.now() - shownAt < 2000 && done < total) return;
    shownAt = performance.now();
    console.log(`  parsed ${done} of ${total} article(s) (${seconds(loadStarted)})`);
  }),
);
const problems = sortDiagnostics(result.diagnostics);
for (const d of problems) console.error(formatDiagnostic(d, cwd));
const errors = problems.filter((d) => d.severity === 'error').length;
const warnings = problems.length - errors;
const { stats } = result;
console.log(
  `Read ${stats.articles} article(s) (${stats.drafts} draft(s) left out), ${stats.people} people, ${stats.places} places in ${seconds(loadStarted)}` +
    ` (${stats.parsed} parsed, ${stats.reused} unchanged from the cache).`,
);
if (!result.archive) {
  console.error(`\nBuild stopped: ${errors} error(s), ${warnings} warning(s). ${shown(config.outDir)}/ was not touched.`);
  process.exit(1);
}
const archive = result.archive;

// Hand the loaded Archive to the routes Astro bundles (see src/lib/site.ts).
(globalThis as typeof globalThis & { [LOADED_SITE]?: LoadedSite })[LOADED_SITE] = { archive, config };

/** Is a process still running? (A dead build's leftovers can be cleaned up.) */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Leftovers of a build that was killed: its staging folders, or the previous site it had moved
// aside during the swap (put back if the output folder is missing).
const outParent = path.dirname(config.outDir);
const outName = path.basename(config.outDir);
for (const name of fs.existsSync(outParent) ? fs.readdirSync(outParent) : []) {
  const m = new RegExp(`^${outName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(building|search|old)-(\\d+)$`).exec(name);
  if (!m || alive(Number(m[2]))) continue;
  const leftover = path.join(outParent, name);
  if (m[1] === 'old' && !fs.existsSync(config.outDir)) fs.renameSync(leftover, config.outDir);
  else fs.rmSync(leftover, { recursive: true, force: true });
}

// What the output folder holds, if it can be trusted; and whether anything changed at all.
// A file removed from the output by hand (a page, or one the build writes every time, such as
// the home page or a search shard) also makes it untrustworthy.
let previous = process.env['ARCHIVE_FULL_BUILD'] ? undefined : trustedManifest(cacheDir, config.outDir, version);
const expected = (m: NonNullable<typeof previous>) => [
  ...Object.keys(m.pages).map(pageFile),
  ...['index.html', '404.html', 'feed.xml', 'sitemap-index.xml', 'sitemap-0.xml'],
  ...Object.keys(m.search).map((id) => `${SEARCH_FOLDER}/${id}/pagefind-entry.json`),
];
if (previous && !expected(previous).every((file) => fs.existsSync(path.join(config.outDir, file)))) previous = undefined;
const contentDigest = digest(JSON.stringify([archive.articles.map((a) => a.revision), archive.people, archive.places]));
if (previous && previous.content === contentDigest) {
  console.log(`
Nothing changed since the last build (${seconds(started)}).
  articles  ${stats.articles}   people ${stats.people}   places ${stats.places}   drafts left out ${stats.drafts}
  warnings  ${warnings}
  output    ${shown(config.outDir)}/  is up to date (served under ${config.base} at ${config.site})`);
  process.exit(0);
}

const plan: RenderPlan = { previous: previous ? new Map(Object.entries(previous.pages)) : undefined, pages: new Map() };
setRenderPlan(plan);
const staging = `${config.outDir}.building-${process.pid}`;
const searchStaging = `${config.outDir}.search-${process.pid}`;
for (const folder of [staging, searchStaging]) fs.rmSync(folder, { recursive: true, force: true });

// Search shards are indexed by Pagefind's own process while Astro renders in this one, so on
// two cores the two overlap; the shards are moved into the staging folder afterwards.
const shards = searchShards(archive);
const changedShards = shards.filter((s) => previous?.search[s.id] !== s.fingerprint);
const goneShards = previous ? Object.keys(previous.search).filter((id) => !shards.some((s) => s.id === id)) : [];
const style = { locale: config.settings.locale, numberingSystem: config.settings.numberingSystem };
const searchStarted = performance.now();
let searchSeconds = '';
const searching = writeSearchShards(archive, changedShards, searchStaging, style).then(() => {
  searchSeconds = seconds(searchStarted);
});
searching.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"

/** Stops the build after a failure, leaving the output folder as it was. */
async function fail(error: unknown, what: string): Promise<never> {
  await searching.catch(() => {});
  for (const folder of [staging, searchStaging]) fs.rmSync(folder, { recursive: true, force: true });
  console.error(error);
  console.error(`\nBuild failed while ${what}. ${shown(config.outDir)}/ was not touched.`);
  process.exit(1);
}

const renderStarted = performance.now();
console.log(
  `${previous ? 'Rendering the pages that changed' : 'Rendering every page with Astro'} into ${shown(staging)}/, ` +
    `and indexing ${changedShards.length} of ${shards.length} search shard(s) alongside …`,
);
const { build } = await import('astro');
try {
  await build({ root: cwd, outDir: staging, logLevel: 'warn' });
} catch (error) {
  await fail(error, 'rendering');
}
const renderSeconds = seconds(renderStarted);

// Headers for hosts that read a _headers file (Netlify, Cloudflare Pages): hashed assets cached
// forever. HTML gets no Cache-Control here: these hosts already revalidate it, and their rules
// for one path add up, so a second Cache-Control would be merged into the assets' one.
fs.writeFileSync(
  path.join(staging, '_headers'),
  `${config.base}_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n\n` +
    `${config.base}*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`,
);

// The pages of the finished output: every dynamic page of the plan, and the pages that render
// every build (home, indexes, search, 404), which are all in staging.
const written = htmlPaths(staging);
const allPages = [...new Set([...[...plan.pages.keys()].filter((p) => p.endsWith('/')), ...written])];
await writeSitemap(staging, config.site, config.base, allPages);

try {
  await searching;
} catch (error) {
  await fail(error, 'indexing for search');
}
if (fs.existsSync(path.join(searchStaging, SEARCH_FOLDER))) fs.renameSync(path.join(searchStaging, SEARCH_FOLDER), path.join(staging, SEARCH_FOLDER));
fs.rmSync(searchStaging, { recursive: true, force: true });

const removedPages = previous ? Object.keys(previous.pages).filter((p) => !plan.pages.has(p)) : [];
const removed = new Set(removedPages.map(pageFile));
const checked = checkLayout(
  {
    pages: allPages,
    written,
    file: (relative) => {
      const fresh = path.join(staging, relative);
      return !previous || fs.existsSync(fresh) || removed.has(relative) ? fresh : path.join(config.outDir, relative);
    },
    isFresh: (relative) => !previous || fs.existsSync(path.join(staging, relative)),
    searchShards: shards.map((s) => `${SEARCH_FOLDER}/${s.id}`),
  },
  archive,
  config.site,
  config.base,
  FEED_SIZE,
);
if (checked.length > 0) {
  for (const problem of checked) console.error(`output check: ${problem}`);
  fs.rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild stopped: the output check found ${checked.length} problem(s). ${shown(config.outDir)}/ was not touched.`);
  process.exit(1);
}

const stamp = newStamp();
fs.writeFileSync(path.join(staging, STAMP_FILE), `${stamp}\n`);
if (previous) {
  // In place: forget the manifest first, so a build killed midway is never trusted.
  forgetManifest(cacheDir);
  applyChanges(staging, config.outDir, {
    replacedFolders: [...changedShards.map((s) => s.id), ...goneShards].map((id) => `${SEARCH_FOLDER}/${id}`),
    removedPages,
  });
} else {
  // Swap: the old site stays in place until the new one is complete.
  const retired = `${config.outDir}.old-${process.pid}`;
  if (fs.existsSync(config.outDir)) fs.renameSync(config.outDir, retired);
  fs.renameSync(staging, config.outDir);
  fs.rmSync(retired, { recursive: true, force: true });
}
saveManifest(cacheDir, {
  key: version,
  stamp,
  content: contentDigest,
  pages: Object.fromEntries(plan.pages),
  search: Object.fromEntries(shards.map((s) => [s.id, s.fingerprint])),
});

console.log(`
Built the archive in ${seconds(started)} (${previous ? 'incremental' : 'full build'}; rendering ${renderSeconds}, search index ${searchSeconds} alongside).
  articles  ${stats.articles}   people ${stats.people}   places ${stats.places}   drafts left out ${stats.drafts}
  pages     ${allPages.length} HTML pages, ${written.length} written this build${previous ? `, ${removedPages.length} removed` : ''} (output check passed: pages, feeds, sitemap, search index)
  search    ${changedShards.length} of ${shards.length} search shard(s) indexed
  warnings  ${warnings}
  output    ${shown(config.outDir)}/  (served under ${config.base} at ${config.site})
  cache     ${shown(cacheDir)}/
Browse it with: npm run preview`);
