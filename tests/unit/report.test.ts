/**
 * The terminal report (src/archive/report.ts): every problem located, never a flood.
 */
import { describe, expect, it } from 'vitest';
import { diagnostic, type Diagnostic } from '../../src/archive/diagnostics.ts';
import { groupForTerminal, MAX_MESSAGE } from '../../src/archive/report.ts';

const emptyBody = (i: number) =>
  diagnostic('article/empty-body', `/site/content/articles/${String(i).padStart(4, '0')}.md`, { line: 4, column: 1 }, 'the article has no text after its front matter', 'add the text', { message: 'لا نص في المقال', hint: 'أضف النص' });

describe('groupForTerminal', () => {
  it('prints a few problems unchanged', () => {
    const few = [emptyBody(2), emptyBody(1)];
    expect(groupForTerminal(few, { relativeTo: '/site' })).toEqual([
      'content/articles/0001.md:4:1: warning[article/empty-body]: the article has no text after its front matter\n    → add the text',
      'content/articles/0002.md:4:1: warning[article/empty-body]: the article has no text after its front matter\n    → add the text',
    ]);
  });

  it('a rule in 5,000 files: the first 5 files, then one line with the count', () => {
    const lines = groupForTerminal(Array.from({ length: 5_000 }, (_, i) => emptyBody(i)), { relativeTo: '/site' });
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^content\/articles\/0000\.md:4:1: warning\[article\/empty-body\]/);
    expect(lines[4]).toMatch(/^content\/articles\/0004\.md:4:1: /);
    expect(lines[5]).toBe('… and 4,995 more files with warning[article/empty-body] (4,995 more warning(s); npm run check -- --all lists every one)');
  });

  it('says the same in Arabic', () => {
    const lines = groupForTerminal(Array.from({ length: 5_000 }, (_, i) => emptyBody(i)), { relativeTo: '/site', language: 'ar' });
    expect(lines[0]).toBe('content/articles/0000.md:4:1: تنبيه[article/empty-body]: لا نص في المقال\n    ← أضف النص');
    expect(lines[5]).toBe('… و4,995 ملفا آخر فيها تنبيه[article/empty-body] (4,995 غيرها؛ npm run check -- --all يذكرها كلها)');
    const file = '/site/content/articles/a.md';
    const quotes = Array.from({ length: 30 }, (_, i) => diagnostic('text/quotes-unbalanced', file, { line: 8, column: i + 1 }, `«"» at ${i}`, 'close it', { message: `«"» عند ${i}`, hint: 'أغلقها' }));
    expect(groupForTerminal(quotes, { relativeTo: '/site', language: 'ar' }).at(-1)).toBe('content/articles/a.md: … و10 غيرها من تنبيه[text/quotes-unbalanced] في هذا الملف');
  });

  it('ten files are not grouped, eleven are', () => {
    expect(groupForTerminal(Array.from({ length: 10 }, (_, i) => emptyBody(i)))).toHaveLength(10);
    expect(groupForTerminal(Array.from({ length: 11 }, (_, i) => emptyBody(i)))).toHaveLength(6);
  });

  it('after 20 problems of one rule in one file, one line says how many more', () => {
    const file = '/site/content/articles/a.md';
    const quotes = Array.from({ length: 3_000 }, (_, i) => diagnostic('text/quotes-unbalanced', file, { line: 8, column: i + 1 }, `«"» at ${i}`, 'close it', { message: `«"» عند ${i}`, hint: 'أغلقها' }));
    const other = diagnostic('text/doubled-punctuation', file, { line: 9, column: 1 }, 'doubled', 'remove one', { message: 'مكررة', hint: 'احذف واحدة' });
    const lines = groupForTerminal([other, ...quotes], { relativeTo: '/site' });
    expect(lines).toHaveLength(22);
    expect(lines.slice(0, 20).every((l) => l.includes('warning[text/quotes-unbalanced]'))).toBe(true);
    expect(lines[19]).toContain(':8:20: ');
    expect(lines[20]).toContain(':9:1: warning[text/doubled-punctuation]');
    expect(lines[21]).toBe('content/articles/a.md: … and 2,980 more warning[text/quotes-unbalanced] in this file');
  });

  it('errors and warnings of other rules are grouped separately; the full list is for --all and --json', () => {
    const errors: Diagnostic[] = Array.from({ length: 12 }, (_, i) =>
      diagnostic('reference/unknown', `/a/${i}.md`, { line: 5, column: 3 }, '«x» matches nothing', 'fix it', { message: '«x» لا يطابق شيئا', hint: 'صحّحه' }),
    );
    const lines = groupForTerminal([...errors, emptyBody(1)]);
    expect(lines.filter((l) => l.includes('error[reference/unknown]: '))).toHaveLength(5);
    expect(lines.filter((l) => l.includes('article/empty-body'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('… and 7 more files with error[reference/unknown] (7 more error(s); npm run check -- --all lists every one)');
  });

  it('a message quoting a huge value is cut in the middle', () => {
    const d = diagnostic('front-matter/type', '/a.md', { line: 2, column: 8 }, `“title” ${'ب'.repeat(100_000)} is not text`, 'write text', { message: `«title» ${'ب'.repeat(100_000)} ليس نصا`, hint: 'اكتب نصا' });
    const [line] = groupForTerminal([d]);
    expect(line!.length).toBeLessThan(MAX_MESSAGE + 100);
    expect(line).toContain(' … ');
    expect(line).toContain('is not text');
  });
});
