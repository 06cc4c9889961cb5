/**
 * Content that would hang, crash or be silently skipped, reported instead: front matter too big
 * or nested too deep for the YAML parser, a named pipe among the articles (reading it would
 * block forever), a hidden Markdown file, and a file name that is not UTF-8.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../../src/archive/config.ts';
import { loadArchive } from '../../../src/archive/load.ts';
import { ROOT, tempDir } from '../../helpers/content.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A content folder with these article files (name → bytes), and what loading it reports. */
function load(files: Record<string, string | Buffer>, extra?: (articles: string) => void) {
  const dir = tempDir('limits');
  dirs.push(dir);
  const articles = path.join(dir, 'articles');
  fs.mkdirSync(articles, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(articles, name), bytes);
  extra?.(articles);
  const result = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: dir }, ROOT));
  return result.diagnostics.map((d) => ({ rule: d.rule, file: path.relative(articles, d.file), line: d.line, column: d.column, text: `${d.message} ${d.hint ?? ''}` }));
}

const head = '---\ntitle: عنوان\ndate: 2021-04-19\n';

describe('content the readers must not choke on', () => {
  it('front matter over 256 KB', () => {
    const started = performance.now();
    const found = load({ 'big.md': `${head}summary: "${'س'.repeat(200_000)}"\n---\n\nنص.\n` });
    expect(found).toEqual([expect.objectContaining({ rule: 'front-matter/too-large', file: 'big.md', line: 2, text: expect.stringContaining('391 KB; at most 256 KB') })]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('lists nested 50,000 levels deep in front matter', () => {
    const found = load({ 'deep.md': `${head}people: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\n\nنص.\n` });
    expect(found).toEqual([expect.objectContaining({ rule: 'front-matter/yaml', file: 'deep.md', line: 4, column: 41, text: expect.stringContaining('nested more than 32 levels') })]);
  });

  it('quoted brackets and apostrophes are not nesting', () => {
    const found = load({ 'ok.md': `---\ntitle: it's ${'['.repeat(40)} fine\ndate: 2021-04-19\nsummary: '${'{'.repeat(40)}'\nsource: "${'['.repeat(40)}"\n---\n\nنص.\n` });
    expect(found.filter((d) => d.rule === 'front-matter/yaml')).toEqual([]);
  });

  it('a named pipe among the articles is reported, not read', () => {
    const found = load({ 'a.md': `${head}---\n\nنص.\n` }, (articles) => {
      expect(spawnSync('mkfifo', [path.join(articles, 'pipe.md')]).status).toBe(0);
    });
    expect(found).toEqual([expect.objectContaining({ rule: 'file/ignored', file: 'pipe.md', text: expect.stringContaining('not a regular file') })]);
  });

  it('a hidden Markdown file is reported; system dotfiles are not', () => {
    const found = load({ '.draft.md': `${head}---\n\nنص.\n`, '.DS_Store': 'x', 'a.md': `${head}---\n\nنص.\n` });
    expect(found).toEqual([expect.objectContaining({ rule: 'file/ignored', file: '.draft.md', text: expect.stringContaining('hidden') })]);
  });

  it('a file name that is not UTF-8', () => {
    const dir = tempDir('limits-name');
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'articles'));
    fs.writeFileSync(Buffer.from(`${dir}/articles/caf\xe9.md`, 'latin1'), `${head}---\n\nنص.\n`);
    const found = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: dir }, ROOT)).diagnostics;
    expect(found).toEqual([expect.objectContaining({ rule: 'file/encoding', message: expect.stringContaining('the file name is not valid UTF-8') })]);
  });
});
