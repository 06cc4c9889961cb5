/**
 * `npm run check` on archives that used to flood the terminal: a 66 KB article full of «…» and
 * "…" printed 59 MB (every finding quoted the whole quotation), and every one of 200 empty
 * articles was a line of its own. The report is now bounded; --json still has everything.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { around, MAX_EXCERPT, quotationMarks } from '../../../src/archive/check/typography.ts';
import { ROOT, tempDir } from '../../helpers/content.ts';

function check(contentDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ARCHIVE_CONTENT_DIR: contentDir },
  });
}

function archiveWith(articles: Record<string, string>) {
  const dir = tempDir('flood');
  fs.mkdirSync(path.join(dir, 'articles'));
  for (const [name, text] of Object.entries(articles)) fs.writeFileSync(path.join(dir, 'articles', name), text);
  return dir;
}

const FRONT = '---\ntitle: خبر\ndate: 2021-04-19\nsource: وكالة\nsourceUrl: https://example.org/\n---\n\n';

/** 65 KB on one line: 1,400 quotations opened with «, then closed with ", then 350 stray ». */
function quoteHeavy(): string {
  const n = 1_400;
  return FRONT + [...Array(n).fill('«قال الوزير'), ...Array(n).fill('إن الجزائر"'), '"', ...Array(n / 4).fill('ليبيا»')].join(' ') + '\n';
}

describe('excerpts are short whatever the text', () => {
  it(`a quotation closed 40 KB later is quoted by its two ends, at most ${MAX_EXCERPT} characters`, () => {
    const line = '«' + 'كلمة '.repeat(8_000) + '"';
    const [finding] = quotationMarks(line);
    expect(finding!.rule).toBe('text/quotes-mixed');
    const excerpt = /in («.*»)$/.exec(finding!.message)![1]!;
    expect(excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT + 4);
    expect(excerpt.startsWith('««كلمة')).toBe(true);
    expect(excerpt.endsWith('كلمة "»')).toBe(true);
    expect(excerpt).toContain(' … ');
  });

  it('a short stretch is quoted whole, as before', () => {
    expect(around('قال إن الجزائر ، وأضاف', 14, 2)).toBe('«…ل إن الجزائر ، وأضاف»');
  });
});

describe('npm run check output is bounded', () => {
  it('a 66 KB article full of quotation marks: under 50 KB of report, every finding in --json', () => {
    const text = quoteHeavy();
    expect(Buffer.byteLength(text)).toBeGreaterThan(60_000);
    expect(Buffer.byteLength(text)).toBeLessThan(70_000);
    const dir = archiveWith({ 'quotes.md': text });
    const run = check(dir);
    expect(run.status).toBe(0);
    expect(Buffer.byteLength(run.stdout)).toBeLessThan(50_000);
    expect(run.stdout).toMatch(/quotes\.md: … and 1,381 more warning\[text\/quotes-mixed\] in this file\n/);
    expect(run.stdout).toMatch(/Checked 1 article\(s\), 0 people, 0 places, 0 organisations in [\d.]+ s: 0 error\(s\), 1751 warning\(s\)\.\n$/);
    // Tools get every finding, and the whole JSON arrives through the pipe.
    const json = check(dir, '--json');
    const report = JSON.parse(json.stdout) as { warnings: number; problems: { rule: string; message: string }[] };
    expect(report.warnings).toBe(1751);
    expect(Math.max(...report.problems.map((p) => p.message.length))).toBeLessThan(200);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('200 articles with an empty body: a few located lines and one line with the count', () => {
    const dir = archiveWith(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`a${String(i).padStart(3, '0')}.md`, `---\ntitle: خبر ${i}\ndate: 2021-04-19\nslug: a${i}\n---\n`])));
    const run = check(dir);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(30);
    expect(run.stdout.match(/warning\[article\/empty-body\]: /g)).toHaveLength(5);
    expect(run.stdout).toContain('articles/a000.md:5:1: warning[article/empty-body]: ');
    expect(run.stdout).toContain('… and 195 more files with warning[article/empty-body] (195 more warning(s); npm run check -- --all lists every one)');
    expect(run.stdout).toContain('… and 195 more files with warning[article/missing-source]');
    expect(run.stdout).toContain('0 error(s), 400 warning(s).');
    // --all lists every one, --json too.
    expect(check(dir, '--all').stdout.match(/warning\[article\/empty-body\]: /g)).toHaveLength(200);
    expect((JSON.parse(check(dir, '--json').stdout) as { problems: unknown[] }).problems).toHaveLength(400);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
