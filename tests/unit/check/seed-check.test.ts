/**
 * The content checker on the seed article: it must find the defects FACTS.md lists (D1–D8;
 * D9, a non-standard spelling, is an alias in the registry; D10–D11 are fixed in content/)
 * and nothing else.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/archive/check/check-content.ts';
import { readBuildConfig } from '../../../src/archive/config.ts';
import { loadArchive } from '../../../src/archive/load.ts';
import { contentWithSeedRegistry, ROOT } from '../../helpers/content.ts';

const SEED = 'content/articles/2021/04/boukadoum-tripoli.md';

/** The lines of the seed's front matter, both `---` included: body lines come after them. */
const FRONT_MATTER_LINES = fs.readFileSync(path.join(ROOT, SEED), 'utf8').split('\n').indexOf('---', 1) + 1;

/** Where each defect of the seed is: its line in the article's body (1 is the first line after the front matter). */
const EXPECTED = [
  'D3 text/quotes-unbalanced 6', // three ASCII quotes in one paragraph
  'D4 text/quotes-mixed 10', // " closed by »
  'D4 text/quotes-mixed 10', // « closed by "
  'D5 text/quote-styles 10', // ASCII and « » quotes in one article
  'D2 text/doubled-punctuation 14', // «، ،»
  'D1 text/near-miss-name 16', // «الحزائر»
  'D7 text/detached-conjunction 18', // «، و آفاق»
  'D8 text/detached-conjunction 22', // «، و معبر»
  'D6 text/space-before-punctuation 26', // «الزيارة ،»
].map((e) => e.replace(/\d+$/, (line) => String(Number(line) + FRONT_MATTER_LINES)));

describe('the content checker on the seed', () => {
  const problems = checkContent(loadArchive(readBuildConfig({}, ROOT)));

  it('finds D1–D8 of FACTS.md and nothing else', () => {
    const got = problems.map((p) => `${p.rule} ${p.line}`);
    expect(got.sort()).toEqual(EXPECTED.map((e) => e.split(' ').slice(1).join(' ')).sort());
    for (const p of problems) expect(path.relative(ROOT, p.file)).toBe(SEED);
  });

  it('quotes the text and says what to do', () => {
    const nearMiss = problems.find((p) => p.rule === 'text/near-miss-name')!;
    expect(nearMiss.message).toContain('«الحزائر»');
    expect(nearMiss.message).toContain('«الجزائر»');
    expect(nearMiss.column).toBe(107);
    for (const p of problems) expect(p.hint).toBeTruthy();
  });

  it('runs as npm run check with --json for tools, exit 0 without errors', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts'), '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { errors: number; warnings: number; problems: { file: string; line: number; rule: string }[] };
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(EXPECTED.length);
    expect(report.problems[0]!.file).toBe(SEED);
  });

  it('exits 1 when the archive has errors, reporting them all', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ARCHIVE_CONTENT_DIR: contentWithSeedRegistry(path.join(ROOT, 'tests/fixtures/errors/every-problem-reported-together')) },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/one\.md:1:1: error\[front-matter\/required\]/);
    expect(run.stdout).toMatch(/two\.md:3:7: error\[front-matter\/date\]/);
    expect(run.stdout).toMatch(/three\.md:4:10: error\[reference\/unknown\]/);
  });

  it('reports registry entries no article uses (24 of them: 5 shown, the rest counted; --all lists them)', () => {
    const check = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ARCHIVE_CONTENT_DIR: path.join(ROOT, 'tests/fixtures/mentions') },
      });
    const run = check();
    expect(run.status).toBe(0);
    expect(run.stdout.match(/: warning\[registry\/unused\]/g)).toHaveLength(5);
    expect(run.stdout).toContain('… and 19 more files with warning[registry/unused] (19 more warning(s); npm run check -- --all lists every one)');
    expect(check('--all').stdout).toMatch(/places\/tripoli-lebanon\.md:1:1: warning\[registry\/unused\]/);
  });
});
