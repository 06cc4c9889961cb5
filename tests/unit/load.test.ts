import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../src/archive/config.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { spawnSync } from 'node:child_process';
import { contentWithSeedRegistry, ROOT, tempDir } from '../helpers/content.ts';

const CASES = path.join(ROOT, 'tests/fixtures/errors');

/** One expected line: `<severity> <rule> <file>:<line>:<column> | <text the message or hint contains>`. */
function parseExpected(text: string) {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [head, needle] = line.split(' | ');
      // The place is the rest of the head: file names may contain spaces.
      const [, severity, rule, place] = /^(\S+) (\S+) (.+)$/.exec(head!.trim())!;
      return { severity, rule, place, needle: needle?.trim() };
    });
}

function load(contentDir: string) {
  return loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: contentDir }, ROOT));
}

describe('content problems are reported located, with their rule id', () => {
  for (const name of fs.readdirSync(CASES).sort()) {
    it(name, () => {
      const dir = contentWithSeedRegistry(path.join(CASES, name));
      const expected = parseExpected(fs.readFileSync(path.join(CASES, name, 'expected.txt'), 'utf8'));
      const result = load(dir);
      const got = result.diagnostics.map((d) => ({
        severity: d.severity,
        rule: d.rule,
        place: `${path.relative(dir, d.file)}:${d.line}:${d.column}`,
        text: `${d.message}\n${d.hint ?? ''}`,
      }));
      expect(got.map(({ severity, rule, place }) => `${severity} ${rule} ${place}`).sort()).toEqual(
        expected.map(({ severity, rule, place }) => `${severity} ${rule} ${place}`).sort(),
      );
      for (const e of expected) {
        const match = got.find((g) => g.rule === e.rule && g.place === e.place)!;
        if (e.needle) expect(match.text).toContain(e.needle);
        expect(match.text.split('\n')[1], 'every problem says what to do').not.toBe('');
      }
      // The Archive exists exactly when there is no error.
      expect(result.archive === undefined).toBe(expected.some((e) => e.severity === 'error'));
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
});

describe('the build command on every case with errors', () => {
  // Each case through the real command: exit 1, every error printed as file:line:column with its
  // rule id, and the previous output folder left exactly as it was. Errors stop the build before
  // Astro starts, so this is quick.
  for (const name of fs.readdirSync(CASES).sort()) {
    const expected = parseExpected(fs.readFileSync(path.join(CASES, name, 'expected.txt'), 'utf8'));
    const errors = expected.filter((e) => e.severity === 'error');
    if (errors.length === 0) continue;
    it(name, () => {
      const dir = contentWithSeedRegistry(path.join(CASES, name));
      const out = path.join(tempDir('previous'), 'dist');
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'index.html'), 'previous site');
      fs.writeFileSync(path.join(out, '.archive-build'), 'a previous build\n');
      const run = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/build.ts')], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ARCHIVE_CONTENT_DIR: dir, ARCHIVE_OUT_DIR: out, ARCHIVE_CACHE_DIR: path.join(path.dirname(out), 'cache') },
      });
      expect(run.status).toBe(1);
      for (const e of errors) expect(run.stderr).toContain(`${e.place}: error[${e.rule}]: `);
      expect(run.stderr).toContain(`${errors.length} error(s)`);
      expect(fs.readdirSync(path.dirname(out)).sort()).toEqual(fs.existsSync(path.join(path.dirname(out), 'cache')) ? ['cache', 'dist'] : ['dist']);
      expect(fs.readdirSync(out).sort()).toEqual(['.archive-build', 'index.html']);
      expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous site');
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    });
  }
});

describe('loadArchive on the seed', () => {
  const result = load(path.join(ROOT, 'content'));

  it('loads without problems', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.stats).toEqual({ articles: 1, drafts: 0, entries: { person: 7, place: 6, organisation: 5 }, parsed: 1, reused: 0 });
  });

  it('keeps the seed article as published, one paragraph per line of the original', () => {
    const article = result.archive!.articles[0]!;
    const original = fs.readFileSync(path.join(ROOT, 'tests/fixtures/seed-original/article.txt'), 'utf8');
    const paragraphs = original.split('\n').filter((l) => l.trim() !== '');
    expect(paragraphs).toHaveLength(13);
    expect(article.html.match(/<p>/g)).toHaveLength(13);
    // Defects of the original (doubled comma, space before comma, misspelt «الحزائر») are kept.
    expect(article.html).toContain('الرئاسي، ، دعوة');
    expect(article.html).toContain('الحزائر');
    expect(article.path).toBe('/2021/04/boukadoum-tripoli/');
    expect(article.summary.startsWith('وصل وزير الخارجية الجزائري')).toBe(true);
  });

  it('resolves the place hierarchy', () => {
    const a = result.archive!;
    expect(a.ancestors(a.entry('place', 'ghadames')!).map((p) => p.id)).toEqual(['libya']);
    expect(a.children(a.entry('place', 'algeria')!).map((p) => p.id).sort()).toEqual(['debdeb', 'tin-alkoum']);
  });
});
