/** A build killed midway leaves the previous site exactly as it was; the next build cleans up. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { ROOT, tempDir } from '../helpers/content.ts';

describe('an interrupted build', () => {
  it('keeps the previous output when killed while rendering, and the next build recovers', async () => {
    const parent = tempDir('killed');
    const outDir = path.join(parent, 'dist');
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, 'index.html'), 'the previous site');
    fs.writeFileSync(path.join(outDir, '.archive-build'), 'a previous build\n');

    const child = spawn(process.execPath, [path.join(ROOT, 'src/cli/build.ts')], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_OUT_DIR: outDir, ARCHIVE_CONTENT_DIR: path.join(ROOT, 'tests/fixtures/two-years') },
      stdio: 'ignore',
    });
    const staging = path.join(parent, `dist.building-${child.pid}`);
    // Kill it as soon as Astro has started writing pages into the staging folder.
    const deadline = Date.now() + 60_000;
    while (!(fs.existsSync(staging) && fs.readdirSync(staging, { recursive: true }).some((f) => String(f).endsWith('.html')))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the build finished or never started writing before it could be killed');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    expect(fs.readdirSync(outDir).sort()).toEqual(['.archive-build', 'index.html']);
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('the previous site');

    const next = buildSite(path.join(ROOT, 'tests/fixtures/two-years'), { outDir });
    expect(next.status, next.stderr).toBe(0);
    expect(fs.readdirSync(parent)).toEqual(['dist']); // staging and the dead build's lock gone
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('<html lang="ar" dir="rtl">');
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('cleans up after itself when interrupted (Ctrl-C): exit 130, no staging folders, no lock, the previous site as it was', async () => {
    const parent = tempDir('sigint');
    const outDir = path.join(parent, 'dist');
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, 'index.html'), 'the previous site');
    fs.writeFileSync(path.join(outDir, '.archive-build'), 'a previous build\n');
    const child = spawn(process.execPath, [path.join(ROOT, 'src/cli/build.ts')], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_OUT_DIR: outDir, ARCHIVE_CACHE_DIR: path.join(parent, 'cache'), ARCHIVE_CONTENT_DIR: path.join(ROOT, 'tests/fixtures/two-years') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const staging = path.join(parent, `dist.building-${child.pid}`);
    const deadline = Date.now() + 60_000;
    while (!(fs.existsSync(staging) && fs.readdirSync(staging, { recursive: true }).some((f) => String(f).endsWith('.html')))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the build finished or never started writing before it could be interrupted');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGINT');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(130);
    expect(stderr).toContain('Build interrupted (SIGINT)');
    expect(stderr).not.toMatch(/^\s+at /m);
    // The indexer may take a moment to die: nothing it writes may reappear.
    await new Promise((r) => setTimeout(r, 500));
    expect(fs.readdirSync(parent).sort()).toEqual(['cache', 'dist']);
    expect(fs.readdirSync(outDir).sort()).toEqual(['.archive-build', 'index.html']);
    fs.rmSync(parent, { recursive: true, force: true });
  });
});
