/**
 * Long reports reach a pipe whole: the commands never exit with output still buffered (with
 * 2,000 errors piped into a slow reader, the old build printed 370–1,380 of them and no summary).
 * The build groups them; `npm run check -- --all` prints every one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentWithSeedRegistry, ROOT, tempDir } from '../helpers/content.ts';

const COUNT = 2000;

/** Runs a command of ours with its stdout and stderr into a pipe whose reader waits a second before reading. */
function throughSlowPipe(script: string, args: string[], env: Record<string, string>): { status: number | null; output: string } {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, script))} ${args.join(' ')} 2>&1 | (sleep 1; cat); exit \${PIPESTATUS[0]}`;
  const run = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status, output: run.stdout };
}

describe(`${COUNT} errors piped into a slow reader`, () => {
  const empty = tempDir('drained-case');
  const content = contentWithSeedRegistry(empty);
  for (let i = 0; i < COUNT; i++) {
    fs.writeFileSync(path.join(content, 'articles', `a${i}.md`), `---\ntitle: مقال ${i}\ndate: 2021-04-19\nslug: a-${i}\npeople: [شخص-غير-موجود-${i}]\n---\n\nنص.\n`);
  }
  const out = tempDir('drained-out');
  afterAll(() => {
    for (const dir of [empty, content, out]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the build: every error counted, grouped, and its summary line last', () => {
    const { status, output } = throughSlowPipe('src/cli/build.ts', [], { ARCHIVE_CONTENT_DIR: content, ARCHIVE_OUT_DIR: path.join(out, 'dist'), ARCHIVE_CACHE_DIR: path.join(out, 'cache') });
    expect(status).toBe(1);
    expect(output.trim().split('\n').at(-1)).toMatch(new RegExp(`^Build stopped: ${COUNT} error\\(s\\), 0 warning\\(s\\)\\.`));
    expect(output).toMatch(/and 1,995 more files with error\[reference\/unknown\]/);
    expect(output.length).toBeLessThan(20_000);
  });

  it('the checker with --all: every one of them, then the summary', () => {
    const { status, output } = throughSlowPipe('src/cli/check.ts', ['--all'], { ARCHIVE_CONTENT_DIR: content });
    expect(status).toBe(1);
    expect(output.match(/: error\[reference\/unknown\]: /g)?.length).toBe(COUNT);
    expect(output.trim().split('\n').at(-1)).toMatch(new RegExp(`${COUNT} error\\(s\\)`));
  });
});
