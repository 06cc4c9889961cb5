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

    const result = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: content }, ROOT));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.stats).toMatchObject({ articles: 1, drafts: 1 });
    expect(result.archive!.articles[0]!.title).toBe('زيارة وزير الخارجية: ملفات أمنية');
  });
});
