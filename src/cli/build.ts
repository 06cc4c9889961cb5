/**
 * `npm run build`: reads content/, reports every problem at once, renders the site with Astro
 * into a temporary folder, and only then replaces the output folder. A failed build leaves the
 * previous site exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, readBuildConfig } from '../archive/config.ts';
import { formatDiagnostic, sortDiagnostics } from '../archive/diagnostics.ts';
import { loadArchive } from '../archive/load.ts';
import { checkOutput } from '../archive/output-check.ts';
import { excerpt } from '../archive/text/excerpt.ts';
import { formatGregorian } from '../archive/text/dates.ts';
import { searchTerms } from '../archive/text/search-query.ts';
import { href } from '../archive/urls.ts';
import { FEED_SIZE } from '../lib/feeds.ts';
import { LOADED_SITE, type LoadedSite } from '../lib/site.ts';

/** The plain text of rendered HTML, for the search index. */
function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const cwd = process.cwd();
const shown = (p: string) => path.relative(cwd, p) || '.';

const config = readBuildConfig();
console.log(`Reading ${shown(config.contentDir)}/ …`);
const loadStarted = performance.now();
const result = loadArchive(config);
const problems = sortDiagnostics(result.diagnostics);
for (const d of problems) console.error(formatDiagnostic(d, cwd));
const errors = problems.filter((d) => d.severity === 'error').length;
const warnings = problems.length - errors;
const { stats } = result;
console.log(
  `Read ${stats.articles} article(s) (${stats.drafts} draft(s) left out), ${stats.people} people, ${stats.places} places in ${seconds(loadStarted)}.`,
);
if (!result.archive) {
  console.error(`\nBuild stopped: ${errors} error(s), ${warnings} warning(s). ${shown(config.outDir)}/ was not touched.`);
  process.exit(1);
}

// Hand the loaded Archive to the routes Astro bundles (see src/lib/site.ts).
(globalThis as typeof globalThis & { [LOADED_SITE]?: LoadedSite })[LOADED_SITE] = { archive: result.archive, config };

/** Is a process still running? (A dead build's leftovers can be cleaned up.) */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Leftovers of a build that was killed: its staging folder, or the previous site it had moved
// aside during the swap (put back if the output folder is missing).
const outParent = path.dirname(config.outDir);
const outName = path.basename(config.outDir);
for (const name of fs.existsSync(outParent) ? fs.readdirSync(outParent) : []) {
  const m = new RegExp(`^${outName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(building|old)-(\\d+)$`).exec(name);
  if (!m || alive(Number(m[2]))) continue;
  const leftover = path.join(outParent, name);
  if (m[1] === 'old' && !fs.existsSync(config.outDir)) fs.renameSync(leftover, config.outDir);
  else fs.rmSync(leftover, { recursive: true, force: true });
}

const staging = `${config.outDir}.building-${process.pid}`;
fs.rmSync(staging, { recursive: true, force: true });
const renderStarted = performance.now();
console.log(`Rendering with Astro into ${shown(staging)}/ …`);
const { build } = await import('astro');
try {
  await build({ root: cwd, outDir: staging, logLevel: 'warn' });
} catch (error) {
  fs.rmSync(staging, { recursive: true, force: true });
  console.error(error);
  console.error(`\nBuild failed while rendering. ${shown(config.outDir)}/ was not touched.`);
  process.exit(1);
}

// Headers for hosts that read a _headers file (Netlify, Cloudflare Pages): hashed assets cached
// forever. HTML gets no Cache-Control here: these hosts already revalidate it, and their rules
// for one path add up, so a second Cache-Control would be merged into the assets' one.
fs.writeFileSync(
  path.join(staging, '_headers'),
  `${config.base}_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n\n` +
    `${config.base}*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`,
);

// Search: one Pagefind record per article, built from the Archive rather than by re-reading the
// HTML. The record's text is the article's words as search keys (src/archive/text/search-query.ts);
// the search page turns the reader's query into keys the same way.
const searchStarted = performance.now();
console.log('Indexing for search …');
const pagefind = await import('pagefind');
const { index, errors: pagefindErrors } = await pagefind.createIndex({ forceLanguage: 'ar' });
if (!index) throw new Error(`Pagefind could not start: ${pagefindErrors.join('; ')}`);
const a = result.archive;
const style = { locale: config.settings.locale, numberingSystem: config.settings.numberingSystem };
/** One article as a Pagefind record. */
const record = (article: (typeof a.articles)[number]) => ({
  url: href('/', article.path),
  content: searchTerms(`${article.title}\n${article.summary}\n${htmlToText(article.html)}`),
  language: 'ar',
  meta: { title: article.title, date: formatGregorian(article.date, style, false), summary: excerpt(article.summary, 220) },
  filters: {
    person: a.peopleOf(article).map((p) => p.name),
    place: a.placesOf(article).map((p) => p.name),
    year: [String(article.date.year)],
  },
});
// Records go to Pagefind's service in batches: one at a time, its round trips dominate.
for (let i = 0; i < a.articles.length; i += 200) {
  const batch = a.articles.slice(i, i + 200);
  const added = await Promise.all(batch.map((article) => index.addCustomRecord(record(article))));
  added.forEach((r, j) => {
    if (r.errors.length > 0) throw new Error(`Pagefind refused ${batch[j]!.sourcePath}: ${r.errors.join('; ')}`);
  });
}
const written = await index.writeFiles({ outputPath: path.join(staging, 'pagefind') });
if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
await pagefind.close();
const searchSeconds = seconds(searchStarted);

function countPages(dir: string): number {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  }
  return n;
}
const pages = countPages(staging);

const checked = checkOutput(staging, result.archive, config.site, config.base, FEED_SIZE);
if (checked.length > 0) {
  for (const problem of checked) console.error(`output check: ${problem}`);
  fs.rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild stopped: the output check found ${checked.length} problem(s). ${shown(config.outDir)}/ was not touched.`);
  process.exit(1);
}

// Swap: the old site stays in place until the new one is complete.
const retired = `${config.outDir}.old-${process.pid}`;
if (fs.existsSync(config.outDir)) fs.renameSync(config.outDir, retired);
fs.renameSync(staging, config.outDir);
fs.rmSync(retired, { recursive: true, force: true });

console.log(`
Built the archive in ${seconds(started)} (rendering ${seconds(renderStarted)}, search index ${searchSeconds}).
  articles  ${stats.articles}   people ${stats.people}   places ${stats.places}   drafts left out ${stats.drafts}
  pages     ${pages} HTML files (output check passed: pages, feeds, sitemap, search index)
  warnings  ${warnings}
  output    ${shown(config.outDir)}/  (served under ${config.base} at ${config.site})
Browse it with: npm run preview`);
