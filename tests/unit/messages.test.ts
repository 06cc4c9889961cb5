/**
 * Messages in Arabic (issue 15, item 16): every diagnostic carries its Arabic words beside the
 * English under the same rule id (the compiler requires them of every `diagnostic()` call), and
 * the terminal shows the language the settings or `--lang` choose.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../src/archive/config.ts';
import { checkContent } from '../../src/archive/check/check-content.ts';
import { diagnostic, formatDiagnostic, type Diagnostic, type RuleId } from '../../src/archive/diagnostics.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { contentWithSeedRegistry, ROOT } from '../helpers/content.ts';

const arabic = /[\u0600-\u06FF]/;

describe('messages in Arabic', () => {
  it('are shown with the same rule id, «خطأ» or «تنبيه», the arrow pointing to the fix', () => {
    const d = diagnostic('reference/unknown', '/site/content/articles/a.md', { line: 5, column: 10 }, '«x» matches nothing', 'fix it', { message: '«x» لا يطابق شيئا', hint: 'صحّحه' });
    expect(formatDiagnostic(d, '/site', 'ar')).toBe('content/articles/a.md:5:10: خطأ[reference/unknown]: «x» لا يطابق شيئا\n    ← صحّحه');
    expect(formatDiagnostic(d, '/site', 'en')).toBe('content/articles/a.md:5:10: error[reference/unknown]: «x» matches nothing\n    → fix it');
  });

  it('exist for every problem `check` finds, over every bad-input case, and read as Arabic', () => {
    const seen = new Map<RuleId, Diagnostic[]>();
    const cases = path.join(ROOT, 'tests/fixtures/errors');
    for (const name of fs.readdirSync(cases)) {
      const dir = contentWithSeedRegistry(path.join(cases, name));
      const result = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: dir }, ROOT));
      for (const d of checkContent(result)) seen.set(d.rule, [...(seen.get(d.rule) ?? []), d]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    for (const [rule, found] of seen) {
      for (const d of found) {
        // Arabic sentences, not English ones around a quoted Arabic name: two Arabic words or
        // more outside the quotes and brackets, where the value an editor wrote is quoted.
        const own = (text: string) => text.replace(/«[^»]*»|\([^)]*\)/g, ' ').split(/\s+/).filter((w) => arabic.test(w)).length;
        expect(own(d.ar.message), `${rule}: ${d.ar.message}`).toBeGreaterThanOrEqual(2);
        expect(d.ar.message).not.toBe(d.message);
        if (d.hint) expect(own(d.ar.hint ?? ''), `${rule}: ${d.ar.hint}`).toBeGreaterThanOrEqual(1);
      }
    }
    // The bad-input cases reach most rules; the compiler covers the rest.
    expect(seen.size).toBeGreaterThan(30);
  });

  it('are what `npm run check -- --lang ar` prints, and what the settings choose by default', () => {
    const dir = contentWithSeedRegistry(path.join(ROOT, 'tests/fixtures/errors/date-in-other-shapes'));
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [path.join(ROOT, 'src/cli/check.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ARCHIVE_CONTENT_DIR: dir, ...env } });
    const ar = run(['--lang', 'ar']);
    expect(ar.stdout).toMatch(/a\.md:3:7: خطأ\[front-matter\/date\]: «date» «19\/04\/2021»: "19\/04\/2021" ليس مكتوبا YYYY-MM-DD؛ هل تقصد 2021-04-19؟/);
    expect(ar.stdout).toMatch(/فُحص \d+ مقال، الأشخاص \d+، الأماكن \d+، المؤسسات \d+، في [\d.]+ ث: \d+ خطأ و\d+ تنبيه\./);
    expect(run([]).stdout).toMatch(/error\[front-matter\/date\]/);
    const settings = path.join(dir, '..', 'arabic-settings.ts');
    fs.writeFileSync(settings, "export const settings = { messages: 'ar' };\n");
    expect(run([], { ARCHIVE_SETTINGS: settings }).stdout).toMatch(/خطأ\[front-matter\/date\]/);
    expect(run(['--lang', 'fr']).stderr).toMatch(/^error: --lang fr: write ar or en/);
  });
});
