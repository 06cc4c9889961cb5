/**
 * `npm run preview` and `npm run dev` as an editor runs them, through npm (issue 15, items 14
 * and 15): the preview serves the last build under the base path it was built for, and killing
 * either command stops its server (it used to leave Astro running on the port).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ok } from '../helpers/build-site.ts';
import { ROOT, tempDir } from '../helpers/content.ts';
import { freePort } from '../helpers/nginx.ts';

const started: ChildProcess[] = [];

/** Runs `npm run <script> -- --port <port>` with the environment an editor's terminal has. */
function npmRun(script: string, port: number, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn('npm', ['run', script, '--', '--port', String(port)], {
    cwd: ROOT,
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  started.push(child);
  return { child, output: () => output };
}

/** The status of a URL, or 0 while nothing answers; waits up to `seconds` for `want`. */
async function statusOf(url: string, want: (status: number) => boolean, seconds = 60): Promise<number> {
  let status = 0;
  for (let i = 0; i < seconds * 4; i++) {
    try {
      status = (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
    } catch {
      status = 0;
    }
    if (want(status)) return status;
    await new Promise((r) => setTimeout(r, 250));
  }
  return status;
}

let outDir: string;

beforeAll(() => {
  // A site built for a sub-path, as a deployment under /archive/ is.
  outDir = path.join(tempDir('preview'), 'dist');
  ok(buildSite(path.join(ROOT, 'content'), { base: '/archive/', outDir }));
}, 240_000);

afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm run preview', () => {
  it('serves the last build under the base path it was built for, and stops when killed', async () => {
    const port = await freePort();
    const { child, output } = npmRun('preview', port, { ARCHIVE_OUT_DIR: outDir });
    const origin = `http://localhost:${port}`;
    expect(await statusOf(`${origin}/archive/`, (s) => s === 200), output()).toBe(200);
    expect(await statusOf(`${origin}/archive/2021/04/boukadoum-tripoli/`, (s) => s === 200)).toBe(200);
    expect(output()).toContain(`at ${origin}/archive/`);
    child.kill('SIGTERM');
    expect(await statusOf(`${origin}/archive/`, (s) => s === 0, 10), 'the server still answers after npm was killed').toBe(0);
  }, 120_000);

  it('says to build first when there is nothing to serve', async () => {
    const port = await freePort();
    const { child, output } = npmRun('preview', port, { ARCHIVE_OUT_DIR: path.join(tempDir('empty'), 'dist') });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code).not.toBe(0);
    expect(output()).toMatch(/holds no built site: run npm run build first/);
  }, 60_000);
});

describe('npm run dev', () => {
  it('starts without reading the tests’ fixtures, and stops when killed', async () => {
    const port = await freePort();
    const content = tempDir('dev-content');
    fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
    const { child, output } = npmRun('dev', port, { ARCHIVE_CONTENT_DIR: content });
    const origin = `http://localhost:${port}`;
    expect(await statusOf(`${origin}/`, (s) => s === 200, 120), output()).toBe(200);
    // The symlink loop among the fixtures is not the dev server's business.
    expect(output()).not.toMatch(/ELOOP|symlink-loop/);
    child.kill('SIGTERM');
    expect(await statusOf(`${origin}/`, (s) => s === 0, 10), 'the dev server still answers after npm was killed').toBe(0);
  }, 180_000);
});
