/**
 * Messages in Arabic (issue 15, item 16, in progress): a diagnostic carries its Arabic words
 * beside the English under the same rule id, the terminal shows the language the settings or
 * `--lang` choose, and a message without Arabic words yet is shown in English.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../src/archive/config.ts';
import { diagnostic, formatDiagnostic, type Diagnostic, type RuleId } from '../../src/archive/diagnostics.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { contentWithSeedRegistry, ROOT } from '../helpers/content.ts';

/** The rules whose every message is written in Arabic so far. */
const IN_ARABIC: RuleId[] = [
  'front-matter/missing',
  'front-matter/unclosed',
  'front-matter/required',
  'front-matter/unknown-key',
  'front-matter/empty',
  'front-matter/url',
  'front-matter/date',
  'front-matter/date-digits',
  'reference/unknown',
  'reference/ambiguous',
  'reference/arabic-comma',
  'article/empty-body',
  'article/placeholder',
  'file/encoding',
  'file/name',
  'registry/alias-clash',
  'registry/within-unknown',
  'registry/reference-unknown',
  'registry/within-cycle',
  'registry/parent-cycle',
  'mention/ambiguous',
  'article/duplicate-url',
  'image/not-found',
  'image/refused',
  'image/no-alt',
  'image/animated',
];

const arabic = /[\u0600-\u06FF]/;

describe('messages in Arabic', () => {
  it('are shown with the same rule id, «خطأ» or «تنبيه», the arrow pointing to the fix', () => {
    const d = diagnostic('reference/unknown', '/site/content/articles/a.md', { line: 5, column: 10 }, '«x» matches nothing', 'fix it', { message: '«x» لا يطابق شيئا', hint: 'صحّحه' });
    expect(formatDiagnostic(d, '/site', 'ar')).toBe('content/articles/a.md:5:10: خطأ[reference/unknown]: «x» لا يطابق شيئا\n    ← صحّحه');
    expect(formatDiagnostic(d, '/site', 'en')).toBe('content/articles/a.md:5:10: error[reference/unknown]: «x» matches nothing\n    → fix it');
    // Not written in Arabic yet: English, as English reads.
    const english = diagnostic('markdown/unsafe-html', '/site/a.md', { line: 1, column: 1 }, 'unsafe HTML removed', 'write it in Markdown');
    expect(formatDiagnostic(english, undefined, 'ar')).toBe('/site/a.md:1:1: warning[markdown/unsafe-html]: unsafe HTML removed\n    → write it in Markdown');
  });

  it('exist for every problem of the rules written so far, over every bad-input case', () => {
    const seen = new Map<RuleId, Diagnostic[]>();
    const cases = path.join(ROOT, 'tests/fixtures/errors');
    for (const name of fs.readdirSync(cases)) {
      const dir = contentWithSeedRegistry(path.join(cases, name));
      for (const d of loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: dir }, ROOT)).diagnostics) seen.set(d.rule, [...(seen.get(d.rule) ?? []), d]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    for (const rule of IN_ARABIC.filter((r) => seen.has(r))) {
      for (const d of seen.get(rule)!) {
        expect(d.ar?.message ?? '', `${rule}: ${d.message}`).toMatch(arabic);
        if (d.hint) expect(d.ar?.hint ?? '', `${rule}: ${d.hint}`).toMatch(arabic);
      }
    }
    expect(IN_ARABIC.filter((r) => seen.has(r)).length).toBeGreaterThan(8);
  });

  it('are what `npm run check -- --lang ar` prints, and what the settings choose by default', () => {
    const dir = contentWithSeedRegistry(path.join(ROOT, 'tests/fixtures/errors/date-in-other-shapes'));
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ARCHIVE_CONTENT_DIR: dir, ...env } });
    const ar = run(['--lang', 'ar']);
    expect(ar.stdout).toMatch(/a\.md:3:7: خطأ\[front-matter\/date\]: «date» «19\/04\/2021»: "19\/04\/2021" ليس مكتوبا YYYY-MM-DD؛ هل تقصد 2021-04-19؟/);
    expect(ar.stdout).toMatch(/فُحص \d+ مقال/);
    expect(run([]).stdout).toMatch(/error\[front-matter\/date\]/);
    const settings = path.join(dir, '..', 'arabic-settings.ts');
    fs.writeFileSync(settings, "export const settings = { messages: 'ar' };\n");
    expect(run([], { ARCHIVE_SETTINGS: settings }).stdout).toMatch(/خطأ\[front-matter\/date\]/);
    expect(run(['--lang', 'fr']).stderr).toMatch(/^error: --lang fr: write ar or en/);
  });
});
