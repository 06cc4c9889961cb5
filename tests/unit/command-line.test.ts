/** Every editors' command has --help and refuses a wrong option in one line (issue 15, item 11). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/content.ts';

const COMMANDS = { build: 'build.ts', new: 'new-article.ts', import: 'import-article.ts', check: 'check.ts' } as const;

function run(script: string, args: string[]) {
  const out = tempDir('cli-out');
  return spawnSync(process.execPath, [path.join(ROOT, 'src/cli', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // A build that ran despite --help would write here, from an empty content folder.
    env: { ...process.env, ARCHIVE_CONTENT_DIR: tempDir('cli-content'), ARCHIVE_OUT_DIR: path.join(out, 'dist'), ARCHIVE_CACHE_DIR: path.join(out, 'cache') },
  });
}

describe('the editors’ commands', () => {
  for (const [name, script] of Object.entries(COMMANDS)) {
    it(`npm run ${name} -- --help prints its usage and options, and does nothing else`, () => {
      const r = run(script, ['--help']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: npm run ${name}\\b`));
      expect(r.stdout).toMatch(/-h, --help\s+show this help/);
      expect(r.stdout).not.toMatch(/Built the archive|Reading|Checked/);
      expect(r.stderr).toBe('');
    });

    it(`npm run ${name} refuses an unknown option in one line with its usage, never a stack trace`, () => {
      const r = run(script, ['--bogus']);
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe('error: unknown option --bogus');
      expect(r.stderr).toMatch(new RegExp(`^Usage: npm run ${name}\\b`, 'm'));
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe('');
    });
  }

  it('speak Arabic with --lang ar, or when the settings choose it: the help, and a refusal', () => {
    const help = run('check.ts', ['--help', '--lang', 'ar']);
    expect(help.stdout).toMatch(/^الاستعمال: npm run check\b/);
    expect(help.stdout).toMatch(/يفحص مجلد المحتوى كما يقرؤه البناء/);
    expect(help.stdout).toMatch(/-h, --help\s+اعرض هذه المساعدة/);
    const settings = path.join(tempDir('cli-settings'), 'settings.ts');
    fs.writeFileSync(settings, "export const settings = { messages: 'ar' };\n");
    const refused = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/new-article.ts'), '--bogus'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ARCHIVE_SETTINGS: settings } });
    expect(refused.stderr.split('\n')).toEqual(['خطأ: خيار غير معروف --bogus', expect.stringMatching(/^الاستعمال: npm run new /), '(‏--help يذكر الخيارات)', '']);
    // --lang en wins over the settings.
    const english = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/new-article.ts'), '--lang', 'en'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ARCHIVE_SETTINGS: settings } });
    expect(english.stderr.split('\n')[0]).toBe('error: give the headline');
  });

  it('say what is missing or extra', () => {
    expect(run('new-article.ts', ['--date']).stderr.split('\n')[0]).toBe('error: --date needs a value');
    expect(run('new-article.ts', []).stderr.split('\n')[0]).toBe('error: give the headline');
    expect(run('import-article.ts', ['a.txt', 'b.txt']).stderr.split('\n')[0]).toBe('error: too many arguments ("a.txt" "b.txt")');
    expect(run('check.ts', ['--json=yes']).stderr.split('\n')[0]).toBe('error: --json takes no value');
    expect(run('build.ts', ['now']).stderr.split('\n')[0]).toBe('error: this command takes no other arguments');
  });
});
