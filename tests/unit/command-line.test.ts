/** Every editors' command has --help and refuses a wrong option in one line (issue 15, item 11). */
import { spawnSync } from 'node:child_process';
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

  it('say what is missing or extra', () => {
    expect(run('new-article.ts', ['--date']).stderr.split('\n')[0]).toBe('error: --date needs a value');
    expect(run('new-article.ts', []).stderr.split('\n')[0]).toBe('error: give the headline');
    expect(run('import-article.ts', ['a.txt', 'b.txt']).stderr.split('\n')[0]).toBe('error: too many arguments ("a.txt" "b.txt")');
    expect(run('check.ts', ['--json=yes']).stderr.split('\n')[0]).toBe('error: --json takes no value');
    expect(run('build.ts', ['now']).stderr.split('\n')[0]).toBe('error: this command takes no other arguments');
  });
});
