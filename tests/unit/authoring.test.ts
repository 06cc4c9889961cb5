import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedArticle, paragraphsToMarkdown } from '../../src/archive/authoring.ts';
import { Kinds } from '../../src/archive/kinds.ts';
import { readBuildConfig } from '../../src/archive/config.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { renderMarkdown } from '../../src/archive/markdown/pipeline.ts';
import { ROOT, tempDir } from '../helpers/content.ts';

const SEED_TXT = path.join(ROOT, 'tests/fixtures/seed-original/article.txt');
const run = (script: string, args: string[], contentDir: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'src/cli', script), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ARCHIVE_CONTENT_DIR: contentDir } });

describe('importing a plain-text article', () => {
  it('makes one paragraph per line and never changes a word', () => {
    const original = fs.readFileSync(SEED_TXT, 'utf8');
    const markdown = paragraphsToMarkdown(original);
    expect(markdown.split('\n\n')).toHaveLength(13);
    expect(markdown.split(/\s+/)).toEqual(original.split(/\s+/).filter(Boolean));
    const html = renderMarkdown(markdown).html;
    expect(html.match(/<p>/g)).toHaveLength(13);
  });

  it('keeps lines that look like Markdown syntax as text', () => {
    const markdown = paragraphsToMarkdown('- ليس بندًا\n1. ولا رقمًا\n# ولا عنوانًا');
    expect(renderMarkdown(markdown).html).toBe('<p>- ليس بندًا</p>\n<p>1. ولا رقمًا</p>\n<p># ولا عنوانًا</p>');
  });

  it('writes a draft whose front matter validates', () => {
    const text = importedArticle('سطر أول.\r\nسطر ثان.', { date: { year: 2021, month: 4, day: 19 }, title: 'عنوان: مع نقطتين "واقتباس"' });
    expect(text).toContain('draft: true');
    expect(text).toContain('سطر أول.\n\nسطر ثان.');
    // One empty list per kind of entry, so editors see every field they can fill in.
    expect(text).toMatch(/^people: \[\]\nplaces: \[\]\norganisations: \[\]$/m);
    const sections = importedArticle('نص.', { date: { year: 2021, month: 4, day: 19 }, kinds: new Kinds([{ id: 'sections', singular: 'قسم', plural: 'الأقسام' }]) });
    expect(sections).toMatch(/^organisations: \[\]\nsections: \[\]$/m);
  });

  it('takes a short first line as the headline, out of the body (issue 15, item 13)', () => {
    const text = importedArticle('تبون: الجزائر لن تتخلى عن ليبيا\nقال الرئيس الجزائري إن بلاده لن تتخلى عن ليبيا.\nوأضاف أن الحل سياسي.', { date: { year: 2021, month: 4, day: 19 } });
    expect(text).toMatch(/^title: "تبون: الجزائر لن تتخلى عن ليبيا"$/m);
    expect(text).toMatch(/---\n\nقال الرئيس الجزائري/);
    expect(text.match(/تبون: الجزائر/g)).toHaveLength(1);
    // A first line that is a sentence, or the only line, is the text: the title is its first words, to rewrite.
    expect(importedArticle('قال الرئيس إن بلاده لن تتخلى عن ليبيا.\nوأضاف.', { date: { year: 2021, month: 4, day: 19 } })).toMatch(/^title: قال الرئيس إن بلاده لن تتخلى عن ليبيا\.…$/m);
  });

  it('dates an import from its dateline, and refuses to guess today (issue 15, item 13)', () => {
    const content = tempDir('authoring');
    fs.mkdirSync(path.join(content, 'articles'));
    const dated = path.join(tempDir('txt'), 'tripoli.txt');
    fs.writeFileSync(dated, 'بوقادوم في طرابلس\nطرابلس - 19 أبريل 2021: وصل وزير الخارجية الجزائري إلى طرابلس.\n');
    const r = run('import-article.ts', [dated], content);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/articles\/2021\/04\/tripoli\.md$/);
    expect(r.stderr).toContain('Dated 2021-04-19, from the text');
    const undated = path.join(tempDir('txt'), 'plain.txt');
    fs.writeFileSync(undated, 'خبر بلا تاريخ\nنص الخبر.\n');
    const refused = run('import-article.ts', [undated], content);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/gives no date in its first lines; give it with --date YYYY-MM-DD/);
    expect(run('import-article.ts', [undated, '--lang', 'ar'], content).stderr).toMatch(/^خطأ: لا تاريخ في الأسطر الأولى من .*plain\.txt؛ أعطه بـ--date YYYY-MM-DD/);
  });

  it('npm run import and npm run new create files the build accepts', () => {
    const content = tempDir('authoring');
    fs.mkdirSync(path.join(content, 'articles'));
    const imported = run('import-article.ts', [SEED_TXT, '--date', '2021-04-19', '--title', 'بوقادوم في طرابلس'], content);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout.trim()).toMatch(/articles\/2021\/04\/article\.md$/);
    const created = run('new-article.ts', ['زيارة وزير الخارجية: ملفات أمنية', '--date', '2022-01-02'], content);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout.trim()).toMatch(/articles\/2022\/01\/زيارة-وزير-الخارجية-ملفات-امنية\.md$/);
    const again = run('new-article.ts', ['زيارة وزير الخارجية: ملفات أمنية', '--date', '2022-01-02'], content);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    // In Arabic, with --lang or the settings' messages (issue 15, item 16).
    const arabic = run('new-article.ts', ['زيارة وزير الخارجية: ملفات أمنية', '--date', '2022-01-02', '--lang', 'ar'], content);
    expect(arabic.stderr).toContain('موجود من قبل؛ أعطِ عنوانا آخر أو --slug.');
    expect(run('new-article.ts', ['خبر', '--date', '2022-02-30', '--lang', 'ar'], content).stderr).toBe('--date 2022-02-30: لا يوجد يوم 2022-02-30 في التقويم\n');

    const result = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: content }, ROOT));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Both start as drafts: nothing is published before the editor says so.
    expect(result.stats).toMatchObject({ articles: 0, drafts: 2 });
  });

  it('refuses to publish a new article before it is written: its placeholder text and empty fields are errors', () => {
    const content = tempDir('authoring');
    fs.mkdirSync(path.join(content, 'articles'));
    const created = run('new-article.ts', ['تبون: الجزائر لن تتخلى عن ليبيا', '--date', '2022-01-02'], content);
    expect(created.status, created.stderr).toBe(0);
    const file = path.join(ROOT, created.stdout.trim());
    // The editor removes «draft: true» and writes a «source:» with nothing in it.
    const text = fs.readFileSync(file, 'utf8').replace('draft: true\n', 'source: ""\n');
    fs.writeFileSync(file, text);
    const result = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: content }, ROOT));
    const lines = text.split('\n');
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.line}:${d.column}`);
    expect(errors.sort()).toEqual([`article/placeholder ${lines.findIndex((l) => l.startsWith('اكتب')) + 1}:1`, `front-matter/empty ${lines.indexOf('source: ""') + 1}:9`]);
    // The checker does not ask for the source's address of an article that names no source.
    const check = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ARCHIVE_CONTENT_DIR: content } });
    expect(check.stdout).not.toMatch(/names its source/);
    expect(check.stdout).toMatch(/does not say where it comes from/);
  });
});
