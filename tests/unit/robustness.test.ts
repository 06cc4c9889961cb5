/**
 * Inputs too large or too deep to keep as fixture files, generated here: they must give a
 * located error or load, never crash the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../src/archive/config.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { ROOT, tempDir } from '../helpers/content.ts';

function loadOne(body: string) {
  const dir = tempDir('robust');
  fs.mkdirSync(path.join(dir, 'articles'));
  fs.writeFileSync(path.join(dir, 'articles/a.md'), `---\ntitle: خبر\ndate: 2021-04-19\n---\n\n${body}\n`);
  const result = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: dir }, ROOT));
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

describe('pathological articles', () => {
  it('10,000 nested blockquotes: a located error, not a stack overflow', () => {
    const result = loadOne('> '.repeat(10_000) + 'نص');
    expect(result.diagnostics.map((d) => `${d.rule}@${d.line}`)).toEqual(['markdown/too-deep@6']);
    expect(result.archive).toBeUndefined();
  });

  it('a list nested 500 levels deep: a located error, not a hang', () => {
    const list = Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- بند`).join('\n');
    const result = loadOne(`فقرة.\n\n${list}`);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['markdown/too-deep']);
    expect(result.diagnostics[0]!.line).toBe(6 + 2 + 101);
  });

  it('a 5 MB article loads and keeps every paragraph', () => {
    const paragraph = 'وصل وزير الخارجية الجزائري إلى العاصمة الليبية طرابلس في زيارة عمل. '.repeat(20);
    const body = Array.from({ length: 2600 }, () => paragraph).join('\n\n');
    expect(Buffer.byteLength(body)).toBeGreaterThan(5_000_000);
    const result = loadOne(body);
    expect(result.diagnostics).toEqual([]);
    expect(result.archive!.articles[0]!.html.match(/<p>/g)).toHaveLength(2600);
  });
});
