/**
 * `npm run bench [-- --sizes 1000,10000] [--huge] [--runs 3] [--only ours,hugo,hugo-terms]`: the
 * build benchmark of issues 7, 14 and 16. For each size N it generates (or reuses) a seeded
 * corpus, writes the equivalent Hugo site twice (its articles linking their terms with
 * `site.GetPage`, the fast way, and with `.GetTerms`), then for each run times our build and
 * the Hugos', alternating, in five
 * scenarios: cold (outputs and caches deleted), nochange, add (a new article), edit (one
 * article's body) and alias (an alias added to a popular person). Every change is reverted
 * at the end of its run, so each run starts from the same corpus. Writes tests/bench/RESULTS.md.
 *
 * Not part of `npm test`: timings depend on the machine and on what else runs on it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addAlias, addArticle, editArticleBody, generateCorpus, isCorpus, revertChanges, type Change } from './corpus.ts';
import { downloadsMarkdown, measureDownloads } from './downloads.ts';
import { mirrorFile, writeHugoSite } from './hugo-site.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BENCH = path.join(ROOT, 'tests/.output/bench');
const RESULTS = path.join(import.meta.dirname, 'RESULTS.md');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const TIME = '/usr/bin/time';
const SEED = 7;
const SCENARIOS = ['cold', 'nochange', 'add', 'edit', 'alias'] as const;
type Scenario = (typeof SCENARIOS)[number];
/** Ours; Hugo written the fast way (`site.GetPage`); the same Hugo site with `.GetTerms` (tests/bench/hugo-site.ts). */
type ToolName = 'ours' | 'hugo' | 'hugo-terms';
const TOOLS: readonly ToolName[] = ['ours', 'hugo', 'hugo-terms'];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    huge: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
if (values.huge && !sizes.includes(100_000)) sizes.push(100_000);
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 20) || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node tests/bench/run.ts [--sizes 1000,10000] [--huge] [--runs 3] [--only ours|hugo|hugo-terms]  (sizes ≥ 20)');
  process.exit(2);
}
const only = values.only?.split(',');
if (only && !only.every((t) => (TOOLS as readonly string[]).includes(t))) {
  console.error('--only takes ours, hugo or hugo-terms (or several, comma-separated)');
  process.exit(2);
}
const toolNames: ToolName[] = only ? TOOLS.filter((t) => only.includes(t)) : [...TOOLS];
const isHugo = (name: ToolName) => name !== 'ours';
if (runs < 3) console.warn(`note: ${runs} run(s); medians and ranges need at least 3.`);

// GNU time gives CPU time and peak memory of the whole command, children included.
if (!fs.existsSync(TIME) || spawnSync(TIME, ['-f', '%e', 'true'], { encoding: 'utf8' }).status !== 0) {
  console.error(`GNU time (${TIME}) is needed to measure builds. Install it with: apt-get install -y time`);
  process.exit(1);
}
const hugoVersion = toolNames.some(isHugo) ? spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout?.trim() : 'hugo not run';
if (!hugoVersion) {
  console.error('Hugo is needed for the comparison (or pass --only ours). Install it with: apt-get install -y hugo');
  process.exit(1);
}

/** The folders of one size. */
interface Dirs {
  n: number;
  base: string;
  content: string;
  dist: string;
  cache: string;
  /** The Hugo site of each Hugo tool, and where it writes. */
  hugo: Record<'hugo' | 'hugo-terms', { site: string; public: string }>;
  logs: string;
}

/** One timed build. */
interface Sample {
  n: number;
  run: number;
  scenario: Scenario;
  tool: ToolName;
  wall: number;
  cpu: number;
  rssMB: number;
  /** HTML files written during this build, and in the output after it. */
  written: number;
  total: number;
  /** What may have skewed it: other builds on the machine, or our code edited during the bench. */
  notes: string[];
  /** Photos: how many were made into files this build, in how many seconds (ours: the build's own figure), and the cache of made files after it. */
  photos: { made: number; encoded: number | undefined; seconds: number | undefined; cacheMB: number; cacheFiles: number } | undefined;
}

/** Size and number of the files under `dir` (0 when there is none). */
function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!fs.existsSync(dir)) return { bytes, files };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { bytes, files };
}

/**
 * What a build did with photos. Ours says it in its summary («pictures  N shown, K encoded this
 * build (F files, S s)») and keeps the files in <cache>/media/; Hugo keeps its in
 * resources/_gen/images/ and says nothing, so its count is the files added there.
 */
function photoWork(name: ToolName, d: Dirs, log: string, hugoFilesBefore: number): Sample['photos'] {
  const hugoImages = (tool: 'hugo' | 'hugo-terms') => path.join(d.hugo[tool].site, 'resources', '_gen', 'images');
  if (name === 'ours') {
    const line = /pictures\s+\d+ shown, (\d+) encoded this build \((\d+) files, ([\d.]+) s\)/.exec(fs.readFileSync(log, 'utf8'));
    const cache = folderSize(path.join(d.cache, 'media'));
    // A build that found nothing changed stops before the media stage, and says nothing of pictures: it made none.
    return line ? { made: Number(line[2]), encoded: Number(line[1]), seconds: Number(line[3]), cacheMB: cache.bytes / 1048576, cacheFiles: cache.files } : { made: 0, encoded: 0, seconds: 0, cacheMB: cache.bytes / 1048576, cacheFiles: cache.files };
  }
  const cache = folderSize(hugoImages(name));
  return { made: cache.files - hugoFilesBefore, encoded: undefined, seconds: undefined, cacheMB: cache.bytes / 1048576, cacheFiles: cache.files };
}

/** HTML files under `dir`, and how many were modified since `since` (ms). */
function countHtml(dir: string, since: number): { total: number; written: number } {
  let total = 0;
  let written = 0;
  if (!fs.existsSync(dir)) return { total, written };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    total++;
    if (fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs >= since) written++;
  }
  return { total, written };
}

/** Are builds, tests or Hugo runs by someone else going on? The 2 cores are shared. */
function othersRunning(): boolean {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    if (Number(pid) === process.pid) continue;
    let cmd = '';
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (/src\/cli\/build\.ts|vitest\.mjs|astro(\.js)? (build|check|dev)|^hugo /.test(cmd)) return true;
  }
  return false;
}

/**
 * The newest modification time of what our build's caches are keyed on (its code, see
 * src/archive/cache/code-version.ts): an edit during the bench makes the next build a full one.
 */
function codeStamp(): number {
  let newest = 0;
  for (const input of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    const absolute = path.join(ROOT, input);
    if (!fs.existsSync(absolute)) continue;
    newest = Math.max(newest, fs.statSync(absolute).mtimeMs);
    if (!fs.statSync(absolute).isDirectory()) continue;
    for (const e of fs.readdirSync(absolute, { recursive: true, withFileTypes: true })) newest = Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}
/** The code our previous build ran with. */
let codeOfLastBuild = codeStamp();

/** How each tool is run, cleaned for a cold build, and where it writes. */
function tool(name: ToolName, d: Dirs) {
  if (name === 'ours') {
    return {
      out: d.dist,
      clean: () => [d.dist, d.cache].forEach((p) => fs.rmSync(p, { recursive: true, force: true })),
      command: [NODE, 'src/cli/build.ts'],
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_CONTENT_DIR: d.content, ARCHIVE_OUT_DIR: d.dist, ARCHIVE_CACHE_DIR: d.cache },
    };
  }
  const hugo = d.hugo[name];
  return {
    out: hugo.public,
    clean: () => [hugo.public, path.join(hugo.site, 'resources')].forEach((p) => fs.rmSync(p, { recursive: true, force: true })),
    command: ['hugo', '--quiet', '-s', hugo.site, '-d', hugo.public],
    cwd: hugo.site,
    env: process.env,
  };
}

/** Runs one build under GNU time; a failed build stops the benchmark with its log. */
function measure(d: Dirs, run: number, scenario: Scenario, name: ToolName): Sample {
  const t = tool(name, d);
  if (scenario === 'cold') t.clean();
  const notes = othersRunning() ? ['other builds were running'] : [];
  if (name === 'ours') {
    const code = codeStamp();
    if (code !== codeOfLastBuild && scenario !== 'cold') notes.push('code files were saved since our previous build');
    codeOfLastBuild = code;
  }
  const log = path.join(d.logs, `${run}-${scenario}-${name}.log`);
  const timeFile = path.join(d.logs, `${run}-${scenario}-${name}.time`);
  const fd = fs.openSync(log, 'w');
  const hugoFilesBefore = name === 'ours' ? 0 : folderSize(path.join(d.hugo[name].site, 'resources', '_gen', 'images')).files;
  const started = Date.now();
  const result = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', timeFile, ...t.command], { cwd: t.cwd, env: t.env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  if (result.status !== 0) {
    const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${name} build failed (N=${d.n}, run ${run}, ${scenario}); log: ${log}\n${tail}`);
  }
  // The last line: GNU time puts "Command exited with non-zero status" before it on failures.
  const [wall, user, sys, rssKB] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number, number];
  return { n: d.n, run, scenario, tool: name, wall, cpu: user + sys, rssMB: rssKB / 1024, ...countHtml(t.out, started), notes, photos: photoWork(name, d, log, hugoFilesBefore) };
}

/** Generates the corpus of size n (or reuses it), undoes a crashed run's changes, and writes the Hugo site. */
async function prepare(n: number): Promise<Dirs> {
  const base = path.join(BENCH, String(n));
  const d: Dirs = {
    n,
    base,
    content: path.join(base, 'content'),
    dist: path.join(base, 'dist'),
    cache: path.join(base, 'cache'),
    hugo: {
      hugo: { site: path.join(base, 'hugo'), public: path.join(base, 'hugo', 'public') },
      'hugo-terms': { site: path.join(base, 'hugo-terms'), public: path.join(base, 'hugo-terms', 'public') },
    },
    logs: path.join(base, 'logs'),
  };
  fs.mkdirSync(d.logs, { recursive: true });
  const pending = path.join(base, 'pending-changes.json');
  if (fs.existsSync(pending)) {
    revertChanges(JSON.parse(fs.readFileSync(pending, 'utf8')) as Change[]);
    fs.rmSync(pending);
  }
  const started = performance.now();
  if (isCorpus(d.content, n, SEED)) {
    console.log(`N=${n}: reusing the corpus in ${path.relative(ROOT, d.content)}/`);
  } else {
    let shown = 0;
    const corpus = await generateCorpus({
      n,
      seed: SEED,
      dir: d.content,
      progress: (done, total) => {
        if (performance.now() - shown < 5000 && done < total) return;
        shown = performance.now();
        console.log(`N=${n}: corpus photos ${done} of ${total} (${((shown - started) / 1000).toFixed(0)} s)`);
      },
    });
    console.log(`N=${n}: corpus generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${corpus.articles} articles, ${corpus.photos} photos (${(corpus.photoBytes / 1048576).toFixed(0)} MB)`);
  }
  if (toolNames.includes('hugo')) writeHugoSite(d.content, d.hugo.hugo.site, 'get-page');
  if (toolNames.includes('hugo-terms')) writeHugoSite(d.content, d.hugo['hugo-terms'].site, 'get-terms');
  return d;
}

const samples: Sample[] = [];
const fmt = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1));

for (const n of sizes) {
  const d = await prepare(n);
  const pending = path.join(d.base, 'pending-changes.json');
  for (let run = 1; run <= runs; run++) {
    const changes: Change[] = [];
    /** Applies changes to our corpus and to Hugo's copy, remembering them for the revert. */
    const apply = (applied: Change | Change[]) => {
      for (const c of [applied].flat()) {
        changes.push(c);
        for (const name of toolNames.filter(isHugo)) mirrorFile(d.content, d.hugo[name as 'hugo'].site, c.file);
      }
      fs.writeFileSync(pending, JSON.stringify(changes));
    };
    try {
      for (const scenario of SCENARIOS) {
        if (scenario === 'add') apply(await addArticle(d.content, run));
        if (scenario === 'edit') apply(editArticleBody(d.content, run));
        if (scenario === 'alias') apply(addAlias(d.content));
        // Alternate who goes first, so neither always builds on a warmer machine.
        for (const name of run % 2 === 1 ? toolNames : [...toolNames].reverse()) {
          const s = measure(d, run, scenario, name);
          samples.push(s);
          const photos = s.photos
            ? `  photos: ${s.photos.encoded === undefined ? '' : `${s.photos.encoded} encoded, `}${s.photos.made} files made${s.photos.seconds === undefined ? '' : ` in ${fmt(s.photos.seconds)} s`}, cache ${s.photos.cacheMB.toFixed(0)} MB`
            : '';
          console.log(
            `N=${n} run ${run}/${runs} ${scenario.padEnd(8)} ${name.padEnd(10)} ${fmt(s.wall).padStart(6)} s wall ${fmt(s.cpu).padStart(6)} s CPU ${s.rssMB.toFixed(0).padStart(5)} MB  ${s.written}/${s.total} pages written${photos}${s.notes.length ? `  (${s.notes.join('; ')})` : ''}`,
          );
        }
      }
    } finally {
      revertChanges(changes);
      for (const name of toolNames.filter(isHugo)) for (const c of changes) mirrorFile(d.content, d.hugo[name as 'hugo'].site, c.file);
      fs.rmSync(pending, { force: true });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Summary and RESULTS.md

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** "median (min–max)", or the single value for one run. */
const spread = (xs: number[], unit: string, digits?: number) => {
  if (xs.length === 0) return '—';
  const f = (x: number) => (digits === undefined ? fmt(x) : x.toFixed(digits));
  const s = sorted(xs);
  return s.length === 1 ? `${f(s[0]!)}${unit}` : `${f(median(s))}${unit} (${f(s[0]!)}–${f(s.at(-1)!)})`;
};
const pick = (n: number, scenario: Scenario, name: ToolName) => samples.filter((s) => s.n === n && s.scenario === scenario && s.tool === name);
/** Our wall time over a Hugo's (the fast one by default), run by run. */
const ratios = (n: number, scenario: Scenario, against: 'hugo' | 'hugo-terms' = 'hugo') =>
  pick(n, scenario, 'ours').flatMap((o) => {
    const h = pick(n, scenario, against).find((x) => x.run === o.run);
    return h ? [o.wall / h.wall] : [];
  });

function table(n: number): string[] {
  const rows = SCENARIOS.map((scenario) => {
    const ours = pick(n, scenario, 'ours');
    const hugo = pick(n, scenario, 'hugo');
    const terms = pick(n, scenario, 'hugo-terms');
    const pages = (xs: Sample[]) => (xs.length ? `${median(xs.map((s) => s.written))} of ${median(xs.map((s) => s.total))}` : '—');
    const cpu = (xs: Sample[]) => spread(xs.map((s) => s.cpu), ' s');
    return `| ${scenario} | ${spread(ours.map((s) => s.wall), ' s')} | ${spread(hugo.map((s) => s.wall), ' s')} | ${spread(terms.map((s) => s.wall), ' s')} | ${spread(ratios(n, scenario), '×', 2)} | ${spread(ratios(n, scenario, 'hugo-terms'), '×', 2)} | ${cpu(ours)} / ${cpu(hugo)} | ${ours.length ? `${Math.max(...ours.map((s) => s.rssMB)).toFixed(0)} MB` : '—'} | ${pages(ours)} / ${pages(hugo)} |`;
  });
  return [
    `### N = ${n.toLocaleString('en')} articles`,
    '',
    '| scenario | ours wall, median (min–max) | Hugo (`site.GetPage`) wall | Hugo (`.GetTerms`) wall | ours / Hugo fast | ours / Hugo `.GetTerms` | CPU (user+sys), ours / Hugo fast | ours peak RSS | HTML pages written, ours / Hugo |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
  ];
}

/** What each build did with photos (issue 14): ours encodes into its cache, Hugo into resources/_gen/images/. */
function photoTable(n: number): string[] {
  const rows = SCENARIOS.flatMap((scenario) => {
    const ours = pick(n, scenario, 'ours').map((s) => s.photos).filter((p) => p !== undefined);
    const hugo = pick(n, scenario, 'hugo').map((s) => s.photos).filter((p) => p !== undefined);
    if (ours.length === 0 && hugo.length === 0) return [];
    const m = (xs: number[], digits = 0) => (xs.length ? median(xs).toFixed(digits) : '—');
    return [
      `| ${scenario} | ${m(ours.map((p) => p.encoded ?? 0))} | ${m(ours.map((p) => p.made))} | ${m(ours.map((p) => p.seconds ?? 0), 1)} s | ${m(ours.map((p) => p.cacheMB))} MB | ${m(hugo.map((p) => p.made))} | ${m(hugo.map((p) => p.cacheMB))} MB |`,
    ];
  });
  if (rows.length === 0) return [];
  return [
    `Photos at N = ${n.toLocaleString('en')} (medians):`,
    '',
    '| scenario | ours: photos encoded | ours: files made | ours: encoding time | ours: cache | Hugo: files made | Hugo: cache |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}

/** Issue 16's targets, each met, not met, or not measured by this run (ratios against Hugo written the fast way). */
function targets(): string[] {
  const status = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : '**not met**');
  const ratioTarget = (n: number, scenario: Scenario, limit: number) => {
    const r = ratios(n, scenario);
    return [`${scenario} ≤ ${limit}× Hugo at N=${n.toLocaleString('en')} (median)`, r.length ? `${median(r).toFixed(2)}×` : '—', status(r.length ? median(r) <= limit : undefined)];
  };
  const wallTarget = (n: number, scenario: Scenario, limit: number) => {
    const xs = pick(n, scenario, 'ours').map((s) => s.wall);
    return [`${scenario} ≤ ${limit} s wall at N=${n.toLocaleString('en')} (median)`, xs.length ? `${fmt(median(xs))} s` : '—', status(xs.length ? median(xs) <= limit : undefined)];
  };
  const peak = (n: number) => {
    const xs = samples.filter((s) => s.n === n && s.tool === 'ours').map((s) => s.rssMB);
    return xs.length ? Math.max(...xs) : undefined;
  };
  const coldWall = (n: number) => {
    const xs = pick(n, 'cold', 'ours').map((s) => s.wall);
    return xs.length ? median(xs) : undefined;
  };
  const p10 = peak(10_000);
  const p100 = peak(100_000);
  const w10 = coldWall(10_000);
  const w100 = coldWall(100_000);
  const rows = [
    ratioTarget(10_000, 'cold', 1.5),
    ...(['add', 'edit', 'nochange'] as const).map((s) => ratioTarget(10_000, s, 0.1)),
    ['peak RSS ≤ 1.2 GB at N=10,000 (largest process, all scenarios)', p10 === undefined ? '—' : `${p10.toFixed(0)} MB`, status(p10 === undefined ? undefined : p10 <= 1229)],
    ...(['add', 'edit', 'nochange'] as const).flatMap((s) => [wallTarget(100_000, s, 5), ratioTarget(100_000, s, 0.1)]),
    ratioTarget(100_000, 'alias', 0.3),
    [
      'cold wall at N=100,000 ≤ 10× the N=10,000 figure (medians)',
      w10 !== undefined && w100 !== undefined ? `${(w100 / w10).toFixed(1)}×` : '—',
      status(w10 !== undefined && w100 !== undefined ? w100 / w10 <= 10 : undefined),
    ],
    ['peak RSS ≤ 3 GB at N=100,000 (largest process)', p100 === undefined ? '—' : `${p100.toFixed(0)} MB`, status(p100 === undefined ? undefined : p100 <= 3072)],
    ['≤ 30 KB of peak RSS per article at N=100,000', p100 === undefined ? '—' : `${((p100 * 1024) / 100_000).toFixed(1)} KB`, status(p100 === undefined ? undefined : (p100 * 1024) / 100_000 <= 30)],
  ];
  return [
    '## Targets (issue 16; ratios against Hugo with `site.GetPage`)',
    '',
    '| target | measured | status |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    'Peak RSS is the largest single process (GNU time), not the sum of the build’s processes.',
    '',
  ];
}

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const memKB = Number(/MemTotal:\s*(\d+)/.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  return `${cpu}, ${os.cpus().length} cores, ${(memKB / 1024 / 1024).toFixed(1)} GiB memory`;
}

const args = process.argv.slice(2).join(' ');
const astroVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
const overlapped = samples.filter((s) => s.notes.includes('other builds were running')).length;
const codeChanged = samples.filter((s) => s.notes.includes('code files were saved since our previous build')).length;
const report = [
  '# Build benchmark (issues 7, 14, 16)',
  '',
  `- Machine: ${machine()} (from /proc)`,
  `- Versions: node ${process.version}, astro ${astroVersion}, ${hugoVersion.replace(/ BuildDate.*/, '')}`,
  `- Command: \`node tests/bench/run.ts${args ? ` ${args}` : ''}\` (the same as \`npm run bench${args ? ` -- ${args}` : ''}\`), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  `- Corpus (tests/bench/corpus.ts, seed ${SEED}): N articles of 5–7 KB of Arabic over 20 years, tagging 1–4 of N/5 people and 1–3 of N/20 places (Zipf-skewed); 70 % of articles have a lead photo and 8 % a figure in their text (tests/bench/photos.ts: 640, 1024 or 1920 pixels wide by the article's year); the Hugo site (tests/bench/hugo-site.ts) has the same articles with people and places as taxonomies, each article linking its terms with \`site.GetPage\` (the fast way; a second row runs the same site linking them with \`.GetTerms\`), and the same photos made by Hugo's image processing into the same widths as WebP and JPEG (Hugo 0.111 has no AVIF encoder).`,
  '- Scenarios: cold (our output and cache folders deleted; each Hugo’s public/ and resources/ deleted), nochange (rebuild at once), add (one new article dated the newest day, with a lead photo), edit (a sentence added to one article’s body), alias (one popular person’s full name added to their aliases); every change is reverted at the end of its run.',
  '- Measured with GNU time: wall seconds; CPU = user + sys; peak RSS = the largest single process of the build (ru_maxrss, so a helper process such as Pagefind’s is counted on its own, not added to Node’s). Pages written = HTML files modified during the build.',
  `- ${runs} run(s) per size, ours and the Hugos alternating.${overlapped ? ` **${overlapped} of ${samples.length} builds started while other builds or tests were running on the machine**; their timings are skewed.` : ''}${
    codeChanged ? ` **Code files were saved during the bench, before ${codeChanged} of our builds**: our cache is keyed on the code, so those builds may have been full rebuilds (see their pages written).` : ''
  }`,
  '',
  ...sizes.flatMap((n) => [...table(n), ...photoTable(n)]),
  ...targets(),
].join('\n');
fs.writeFileSync(RESULTS, report);

console.log(`\n${sizes.map((n) => [...table(n), ...photoTable(n)].join('\n')).join('\n')}\n${targets().join('\n')}`);

// What readers download, from our site at the smallest size.
if (toolNames.includes('ours')) {
  const n = Math.min(...sizes);
  const dist = path.join(BENCH, String(n), 'dist');
  console.log(`Measuring what readers download (N=${n}) …`);
  try {
    const md = downloadsMarkdown(await measureDownloads(dist), `## What readers download (N=${n.toLocaleString('en')}, \`node tests/bench/downloads.ts ${path.relative(ROOT, dist)}\`)`);
    fs.appendFileSync(RESULTS, `\n${md}`);
    console.log(md);
  } catch (error) {
    fs.appendFileSync(RESULTS, `\n## What readers download\n\nNot measured: ${(error as Error).message.split('\n')[0]}\n`);
    console.error(error);
    process.exitCode = 1;
  }
}
console.log(`Wrote ${path.relative(ROOT, RESULTS)}`);
