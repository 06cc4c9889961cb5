/**
 * `npm run audit`: Lighthouse (mobile preset, simulated throttling) against the e2e archive as
 * nginx serves it under /archive/, for one page of each main template. Writes every report and
 * a summary table to tests/.output/lighthouse/, prints the table, and exits non-zero when a
 * category scores under the target. Not part of `npm test`: scores move with machine load.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSite } from '../helpers/build-site.ts';
import { ROOT } from '../helpers/content.ts';
import { freePort, startNginx } from '../helpers/nginx.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/tools.ts';

const TARGET = 0.95;
const PAGES = {
  home: '',
  article: '2021/04/boukadoum-tripoli/',
  person: 'people/abderrahmane-belhaj-salem/',
  place: 'places/tripoli/',
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const out = path.join(ROOT, 'tests/.output/lighthouse');
const work = path.join(ROOT, 'tests/.output/audit-site');
fs.rmSync(out, { recursive: true, force: true });
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const chrome = chromiumPath();
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;

console.log('Building the e2e archive (seed + two-year fixture) under /archive/ …');
const content = path.join(work, 'content');
for (const source of [path.join(ROOT, 'content'), path.join(ROOT, 'tests/fixtures/two-years')]) fs.cpSync(source, content, { recursive: true });
const www = path.join(work, 'www');
const env = process.env;
env['ARCHIVE_SITE'] = origin; // canonical URLs on the audited origin, as in production
const built = buildSite(content, { base: '/archive/', outDir: path.join(www, 'archive') });
if (built.status !== 0) {
  console.error(built.stdout, built.stderr);
  process.exit(1);
}

const nginx = await startNginx(www, '/archive/', path.join(work, 'nginx'), port);
const rows: { page: string; scores: Record<string, number> }[] = [];
try {
  for (const [name, urlPath] of Object.entries(PAGES)) {
    const url = `${origin}/archive/${urlPath}`;
    console.log(`Lighthouse: ${name} (${url}) …`);
    const report = path.join(out, `${name}.json`);
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/lighthouse/cli/index.js'),
        url,
        '--quiet',
        '--output=json',
        '--output=html',
        `--output-path=${path.join(out, name)}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
      ],
      { encoding: 'utf8', env: { ...process.env, CHROME_PATH: chrome } },
    );
    if (run.status !== 0) throw new Error(`Lighthouse failed on ${url}:\n${run.stderr}`);
    fs.renameSync(path.join(out, `${name}.report.json`), report);
    const lhr = JSON.parse(fs.readFileSync(report, 'utf8')) as { categories: Record<string, { score: number }> };
    rows.push({ page: name, scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]!.score])) });
  }
} finally {
  await nginx.stop();
}

const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version;
const chromeVersion = spawnSync(chrome, ['--version'], { encoding: 'utf8' }).stdout.trim();
const table = [
  `| page | ${CATEGORIES.join(' | ')} |`,
  `| --- | ${CATEGORIES.map(() => '---:').join(' | ')} |`,
  ...rows.map((r) => `| ${r.page} | ${CATEGORIES.map((c) => (r.scores[c]! * 100).toFixed(0)).join(' | ')} |`),
].join('\n');
const summary = `Lighthouse ${version}, ${chromeVersion}, mobile preset, ${new Date().toISOString().slice(0, 10)}, \`npm run audit\`\n\n${table}\n`;
fs.writeFileSync(path.join(out, 'summary.md'), summary);
const failing = rows.flatMap((r) => CATEGORIES.filter((c) => r.scores[c]! < TARGET).map((c) => `${r.page} ${c} ${r.scores[c]}`));
console.log(`\n${summary}\nReports: ${path.relative(ROOT, out)}/ (<page>.report.html to open in a browser)`);
if (failing.length > 0) {
  console.error(`Under the target of ${TARGET}: ${failing.join(', ')}`);
  process.exit(1);
}
console.log(`Every category on every page is at or above ${TARGET * 100}.`);
