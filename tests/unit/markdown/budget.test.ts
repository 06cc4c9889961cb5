/**
 * What one body may cost (src/archive/markdown/budget.ts): input that used to overflow the stack
 * or take minutes is a located error, found in milliseconds; real articles are never flagged.
 * Inputs too large for fixture files are generated here; the small ones are also fixtures
 * (tests/fixtures/errors/markdown-*).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../../src/archive/config.ts';
import { loadArchive } from '../../../src/archive/load.ts';
import { MAX_BODY_BYTES, nestingProblem } from '../../../src/archive/markdown/budget.ts';
import { createRenderer, renderMarkdown } from '../../../src/archive/markdown/pipeline.ts';
import { ROOT, tempDir } from '../../helpers/content.ts';

/** Renders and times one body. */
function timed(markdown: string) {
  const started = performance.now();
  const rendered = renderMarkdown(markdown);
  return { ...rendered, seconds: (performance.now() - started) / 1000, rules: rendered.messages.map((m) => `${m.source}/${m.ruleId}@${m.line}:${m.column}`) };
}

describe('nesting the parser cannot take is refused before parsing', () => {
  // Before: 15,000 «*» took 16 s in micromark, then overflowed the stack; «- » × 6,000 took 9 s.
  it.each([
    ['15,000 nested «*» around one word', '*'.repeat(15_000) + 'كلمة' + '*'.repeat(15_000), 'markdown/too-deep@1:1'],
    ['15,000 nested «_»', '_'.repeat(15_000) + 'كلمة' + '_'.repeat(15_000), 'markdown/too-deep@1:1'],
    ['«*_» alternating', '*_'.repeat(5_000) + 'نص' + '_*'.repeat(5_000), 'markdown/too-deep@1:1'],
    ['10,000 emphasis openers apart («*a *b … b* b*»)', '*أ '.repeat(10_000) + 'ب* '.repeat(10_000), 'markdown/too-deep@1:301'],
    ['«- » 6,000 times on one line', '- '.repeat(6_000) + 'بند', 'markdown/too-deep@1:1'],
    ['«* » 6,000 times', '* '.repeat(6_000) + 'بند', 'markdown/too-deep@1:1'],
    ['«1. » 6,000 times', '1. '.repeat(6_000) + 'بند', 'markdown/too-deep@1:1'],
    ['«> - » 3,000 times', '> - '.repeat(3_000) + 'بند', 'markdown/too-deep@1:1'],
    ['10,000 nested links', '['.repeat(10_000) + 'نص' + '](x)'.repeat(10_000), 'markdown/too-deep@1:101'],
    ['5,000 nested images (24 s before)', '!['.repeat(5_000) + 'نص' + '](x)'.repeat(5_000), 'markdown/too-deep@1:202'],
    ['10,000 «[» never closed', '['.repeat(10_000) + 'نص', 'markdown/too-deep@1:101'],
    ['«<div>» × 10,000 on one line', '<div>'.repeat(10_000) + 'نص' + '</div>'.repeat(10_000), 'markdown/too-deep@1:501'],
    ['«<div>» × 10,000 on separate lines', Array.from({ length: 10_000 }, () => '<div>').join('\n\n') + '\n\nنص', 'markdown/too-deep@201:1'],
    ['«<span>» × 10,000 inside a paragraph', 'نص ' + '<span>'.repeat(10_000) + 'نص', 'markdown/too-deep@1:604'],
  ])('%s', (_, markdown, rule) => {
    const r = timed(markdown);
    expect(r.rules).toEqual([rule]);
    expect(r.html).toBe('');
    expect(r.seconds).toBeLessThan(1);
  });

  it('a 6,000-level list written by indentation (36 MB): too deep at level 101, and too large', () => {
    const list = Array.from({ length: 6_000 }, (_, i) => `${'  '.repeat(i)}- بند`).join('\n');
    const r = timed(list);
    expect(r.rules.sort()).toEqual(['markdown/too-deep@102:1', 'markdown/too-large@1:1']);
    expect(r.seconds).toBeLessThan(2);
  });

  it('a paragraph of 20,000 «*a*» lines (7 s before, quadratic) is refused as too complex', () => {
    const r = timed(Array.from({ length: 20_000 }, () => '*أ* ب').join('\n'));
    expect(r.rules).toEqual(['markdown/too-complex@5001:1']);
    expect(r.messages[0]!.reason).toContain('10,000 runs');
    expect(r.seconds).toBeLessThan(1);
  });

  it('nesting a tree deeper than 400 elements in a way the scan does not count is refused after parsing, located', () => {
    // 95 list markers, then 95 more on a line indented into the deepest item: 190 lists, 2 nodes each.
    const ok = timed('- '.repeat(95) + 'أ\n' + ' '.repeat(190) + '- '.repeat(95) + 'ب');
    expect(ok.rules).toEqual([]);
    const deep = timed('- '.repeat(100) + 'أ\n' + ' '.repeat(200) + '- '.repeat(100) + 'ب');
    expect(deep.rules).toHaveLength(1);
    expect(deep.rules[0]).toMatch(/^markdown\/too-deep@2:\d+$/);
    expect(deep.messages[0]!.reason).toContain('more than 400 elements');
  });

  it('running out of stack anyway is a located error, not a crash', () => {
    // The same 380-element tree renders on the default stack; on a small one it overflows.
    const script = `
      const { renderMarkdown } = await import(${JSON.stringify(path.join(ROOT, 'src/archive/markdown/pipeline.ts'))});
      const r = renderMarkdown('- '.repeat(95) + 'a\\n' + ' '.repeat(190) + '- '.repeat(95) + 'b');
      console.log(JSON.stringify(r.messages.map((m) => ({ rule: m.ruleId, reason: m.reason }))));`;
    const run = spawnSync(process.execPath, ['--stack-size=150', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const messages = JSON.parse(run.stdout) as { rule: string; reason: string }[];
    expect(messages).toHaveLength(1);
    expect(messages[0]!.rule).toBe('too-complex');
    expect(messages[0]!.reason).toMatch(/ran out of stack/);
  });
});

describe('size and time budgets', () => {
  it(`a body over ${MAX_BODY_BYTES / 1e6} MB is refused without parsing it`, () => {
    const paragraph = 'وصل وزير الخارجية الجزائري إلى العاصمة الليبية طرابلس في زيارة عمل. '.repeat(20);
    const r = timed(Array.from({ length: 4_200 }, () => paragraph).join('\n\n'));
    expect(r.rules).toEqual(['markdown/too-large@1:1']);
    expect(r.messages[0]!.reason).toMatch(/^the text is 10\.\d MB; more than 10 MB/);
    expect(r.seconds).toBeLessThan(1);
  });

  it('an article over the time budget is reported once rendered (in-thread the time is measured, not enforced)', () => {
    const slow = createRenderer(undefined, { budgetMs: 20 });
    const body = Array.from({ length: 3_000 }, () => 'وصل **وزير** الخارجية _الجزائري_ إلى [العاصمة](https://example.org/) الليبية').join('\n\n');
    const r = slow(body);
    expect(r.messages.map((m) => `${m.source}/${m.ruleId}`)).toEqual(['markdown/too-complex']);
    expect(r.messages[0]!.reason).toMatch(/^rendering the text took \d+\.\d s; one article may take at most 0\.02 s$/);
    expect(createRenderer(undefined, { budgetMs: 60_000 })(body).messages).toEqual([]);
  });

  it('the located errors point into the article file, below the front matter', () => {
    const dir = tempDir('budget');
    fs.mkdirSync(path.join(dir, 'articles'));
    fs.writeFileSync(path.join(dir, 'articles/a.md'), `---\ntitle: خبر\ndate: 2021-04-19\n---\n\nفقرة.\n\n${'- '.repeat(6_000)}بند\n`);
    const result = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: dir }, ROOT));
    expect(result.diagnostics.map((d) => `${path.relative(dir, d.file)}:${d.line}:${d.column} ${d.rule}`)).toEqual(['articles/a.md:8:1 markdown/too-deep']);
    expect(result.archive).toBeUndefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('real articles are never flagged', () => {
  it('no Markdown file of the repository trips the scan', () => {
    const files = spawnSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    expect(files.length).toBeGreaterThan(50);
    const flagged = files
      .filter((f) => !f.startsWith('tests/fixtures/errors/markdown-') && fs.existsSync(path.join(ROOT, f)))
      .filter((f) => nestingProblem(fs.readFileSync(path.join(ROOT, f), 'utf8')) !== undefined);
    expect(flagged).toEqual([]);
  });

  it.each([
    ['100 nested quotes', '> '.repeat(100) + 'نص'],
    ['a 100-level list written by indentation', Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- بند`).join('\n')],
    ['100 «*» around a word', '*'.repeat(100) + 'كلمة' + '*'.repeat(100)],
    ['bold words on every line of a long list', Array.from({ length: 3_000 }, () => '* __بند__: **نص** و_نص_ [رابط](https://example.org/a_b_c)').join('\n')],
    ['identifiers and arithmetic', Array.from({ length: 500 }, () => 'snake_case_name و 2*3*4 و a**b**c').join(' ')],
    ['«*» and «[» inside code', '```\n' + '*['.repeat(5_000) + '\n```\n\n`' + '*['.repeat(5_000) + '` نص'],
    ['HTML paragraphs and line breaks never closed', '<p>نص<br>'.repeat(5_000)],
    ['a thematic break of 300 dashes', '- '.repeat(300)],
  ])('%s', (_, markdown) => {
    expect(nestingProblem(markdown)).toBeUndefined();
    expect(timed(markdown).rules.filter((r) => !r.startsWith('markdown/unsafe-html'))).toEqual([]);
  });

  it('a 5,000-row table renders (a huge table is slow, not deep: the time budget is its limit)', () => {
    const table = '| الاسم | العدد |\n| --- | --- |\n' + Array.from({ length: 5_000 }, (_, i) => `| بند | ${i} |`).join('\n');
    const r = timed(table);
    expect(r.rules).toEqual([]);
    expect(r.html.match(/<tr>/g)).toHaveLength(5_001);
  });
});
