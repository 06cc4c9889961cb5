/**
 * What a reader downloads on a first visit to one page of each template, with the issue's
 * budgets: an article page ≤ 30 KB gzipped before fonts, JavaScript only on the search page,
 * and only the Arabic (and Latin) font subsets. The built folder is served by Debian's nginx
 * (tests/helpers/nginx.ts) and each page is loaded in Debian's Chromium with an empty cache;
 * sizes come from the files on disk, gzip computed with node:zlib.
 *
 * `node tests/bench/downloads.ts <dist folder>` prints the tables; run.ts appends them to RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startNginx } from '../helpers/nginx.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/tools.ts';

type Kind = 'html' | 'css' | 'js' | 'font' | 'other';
const KINDS: Kind[] = ['html', 'css', 'js', 'font', 'other'];

/** One template's page and what loading it cost. */
export interface PageDownload {
  template: string;
  /** Site path loaded. */
  url: string;
  requests: number;
  /** Bytes per kind: as stored, and gzipped as a server would send text. */
  bytes: Record<Kind, { raw: number; gz: number }>;
  /** File names of the fonts loaded. */
  fonts: string[];
  /** Scripts the page would run (external or inline; JSON-LD data blocks are not scripts). */
  scripts: number;
  /** Requests to another origin or for files that are not in the folder. */
  missing: string[];
}

/** The search page is loaded with a query, so that what a search downloads (Pagefind's index) is counted. */
const SEARCH_QUERY = 'الحكومة';

/** The largest `index.html` among `dir/<name>/` (the worst case of a template), as a site path. */
function largest(dist: string, dirs: string[]): string | undefined {
  let best: { size: number; dir: string } | undefined;
  for (const dir of dirs) {
    const file = path.join(dist, dir, 'index.html');
    if (!fs.existsSync(file)) continue;
    const size = fs.statSync(file).size;
    if (!best || size > best.size) best = { size, dir };
  }
  return best && `/${best.dir}/`;
}

const subdirs = (dir: string, pattern: RegExp) =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && pattern.test(e.name)).map((e) => e.name) : [];

/** One page per template: fixed pages, and the largest article, person, place, year and month page. */
export function templatePages(dist: string): { template: string; url: string }[] {
  const years = subdirs(dist, /^\d{4}$/);
  const months = years.flatMap((y) => subdirs(path.join(dist, y), /^\d{2}$/).map((m) => `${y}/${m}`));
  const articles = months.flatMap((m) => subdirs(path.join(dist, m), /./).filter((s) => s !== 'page').map((s) => `${m}/${s}`));
  const pages = [
    { template: 'home', url: '/' },
    { template: 'article', url: largest(dist, articles) },
    { template: 'person', url: largest(dist, subdirs(path.join(dist, 'people'), /./).map((id) => `people/${id}`)) },
    { template: 'place', url: largest(dist, subdirs(path.join(dist, 'places'), /./).map((id) => `places/${id}`)) },
    { template: 'people index', url: '/people/' },
    { template: 'places index', url: '/places/' },
    { template: 'year', url: largest(dist, years) },
    { template: 'month', url: largest(dist, months) },
    { template: 'search', url: `/search/?q=${encodeURIComponent(SEARCH_QUERY)}` },
  ];
  return pages.filter((p): p is { template: string; url: string } => p.url !== undefined);
}

/** Text compresses on the wire; fonts (woff2) and Pagefind's index files are compressed already. */
const isText = (kind: Kind, file: string) => kind === 'html' || kind === 'css' || kind === 'js' || /\.(json|svg|xml|txt)$/.test(file);

function kindOf(resourceType: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script') return 'js';
  if (resourceType === 'font') return 'font';
  return 'other';
}

/** Loads every template page of a built site and records its downloads. */
export async function measureDownloads(dist: string): Promise<{ pages: PageDownload[]; browserVersion: string }> {
  dist = path.resolve(dist);
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} is not a built site (no index.html)`);
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-'));
  const nginx = await startNginx(dist, '/', prefix);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const pages: PageDownload[] = [];
  try {
    for (const { template, url } of templatePages(dist)) {
      // A new context per page: an empty cache, as on a reader's first visit.
      const context = await browser.newContext();
      const tab = await context.newPage();
      const seen: { url: string; type: string }[] = [];
      tab.on('requestfinished', (r) => void seen.push({ url: r.url(), type: r.resourceType() }));
      tab.on('requestfailed', (r) => void seen.push({ url: r.url(), type: r.resourceType() }));
      await tab.goto(nginx.origin + url, { waitUntil: 'networkidle' });
      await tab.evaluate(() => document.fonts.ready.then(() => true));
      const scripts = await tab.evaluate(() => [...document.scripts].filter((s) => s.type === '' || s.type === 'module' || /javascript/.test(s.type)).length);
      await context.close();

      const bytes = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gz: 0 }])) as PageDownload['bytes'];
      const fonts: string[] = [];
      const missing: string[] = [];
      for (const request of seen) {
        const u = new URL(request.url);
        const kind = kindOf(request.type);
        let file = path.join(dist, decodeURIComponent(u.pathname));
        if (u.origin !== nginx.origin || !file.startsWith(dist)) {
          missing.push(request.url);
          continue;
        }
        if (u.pathname.endsWith('/')) file = path.join(file, 'index.html');
        if (!fs.existsSync(file)) {
          missing.push(u.pathname);
          continue;
        }
        const content = fs.readFileSync(file);
        bytes[kind].raw += content.length;
        bytes[kind].gz += isText(kind, file) ? zlib.gzipSync(content).length : content.length;
        if (kind === 'font') fonts.push(path.basename(file));
      }
      pages.push({ template, url, requests: seen.length, bytes, fonts, scripts, missing });
    }
    return { pages, browserVersion: browser.version() };
  } finally {
    await browser.close();
    await nginx.stop();
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const pair = (b: { raw: number; gz: number }) => (b.raw === 0 ? '0' : `${kb(b.raw)} / ${kb(b.gz)}`);
/** Everything but fonts, gzipped: what the 30 KB article budget counts. */
const beforeFonts = (p: PageDownload) => KINDS.filter((k) => k !== 'font').reduce((sum, k) => sum + p.bytes[k].gz, 0);
/** `noto-naskh-arabic-<subset>-<weight>-normal.<hash>.woff2` → subset. */
const subsetOf = (font: string) => /^noto-naskh-arabic-([a-z-]+?)-\d{3}-(normal|italic)\./.exec(font)?.[1];

/** The downloads table and the budgets, as Markdown. */
export function downloadsMarkdown(result: { pages: PageDownload[]; browserVersion: string }, heading: string): string {
  const { pages } = result;
  const rows = pages.map((p) => {
    const subsets = [...new Set(p.fonts.map((f) => `${subsetOf(f) ?? f}-${/-(\d{3})-/.exec(f)?.[1] ?? '?'}`))].join(', ');
    const fonts = p.fonts.length ? `${p.fonts.length}: ${kb(p.bytes.font.raw)} (${subsets})` : '0';
    return `| ${p.template} | \`${decodeURIComponent(p.url)}\` | ${p.requests} | ${pair(p.bytes.html)} | ${pair(p.bytes.css)} | ${pair(p.bytes.js)} | ${fonts} | ${pair(p.bytes.other)} | ${kb(beforeFonts(p))} |`;
  });
  const article = pages.find((p) => p.template === 'article');
  const withJs = pages.filter((p) => p.template !== 'search' && (p.bytes.js.raw > 0 || p.scripts > 0));
  const allFonts = [...new Set(pages.flatMap((p) => p.fonts))];
  const otherSubsets = allFonts.filter((f) => !['arabic', 'latin'].includes(subsetOf(f) ?? ''));
  const missing = pages.flatMap((p) => p.missing.map((m) => `${p.template}: ${m}`));
  const status = (ok: boolean) => (ok ? 'met' : '**not met**');
  return [
    heading,
    '',
    `First visit to one page of each template (empty cache), served by nginx and loaded in Chromium ${result.browserVersion} until the network is idle. ` +
      'For article, person, place, year and month: the largest page of its kind. Sizes are those of the files on disk; gzip (node:zlib, level 6) is counted for HTML, CSS, JS and other text, ' +
      `fonts and Pagefind's index files as they are (they are compressed already). The search page is loaded with the query «${SEARCH_QUERY}».`,
    '',
    '| page | path | requests | HTML raw / gzip | CSS raw / gzip | JS raw / gzip | fonts | other raw / gzip | total gzip before fonts |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...rows,
    '',
    '| budget (issue 7) | measured | status |',
    '| --- | --- | --- |',
    `| article page ≤ 30 KB gzip before fonts | ${article ? kb(beforeFonts(article)) : 'no article page'} | ${article ? status(beforeFonts(article) <= 30 * 1024) : 'not measured'} |`,
    `| no JavaScript except on the search page | ${withJs.length ? `scripts on: ${withJs.map((p) => p.template).join(', ')}` : 'none on the other pages'} | ${status(withJs.length === 0)} |`,
    `| fonts loaded: only the Arabic (and Latin) subsets | ${allFonts.map((f) => subsetOf(f) ?? f).filter((s, i, a) => a.indexOf(s) === i).join(', ') || 'none'} | ${status(otherSubsets.length === 0)} |`,
    ...(missing.length ? ['', `Requests not served from the folder (another origin or a missing file): ${missing.join('; ')}`] : []),
    '',
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const dist = process.argv[2];
  if (!dist) {
    console.error('usage: node tests/bench/downloads.ts <dist folder>');
    process.exit(2);
  }
  const result = await measureDownloads(dist);
  console.log(downloadsMarkdown(result, `## What readers download (${dist})`));
}
