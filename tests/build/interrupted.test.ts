/** A build killed or interrupted midway leaves the previous site exactly as it was; the next build cleans up. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, startBuild } from '../helpers/build-site.ts';
import { ROOT, tempDir } from '../helpers/content.ts';

const CONTENT = path.join(ROOT, 'tests/fixtures/two-years');

/** A folder holding a previous site (stamped, as a build of ours leaves it) in `dist/`. */
function previousSite(prefix: string): { parent: string; outDir: string } {
  const parent = tempDir(prefix);
  const outDir = path.join(parent, 'dist');
  fs.mkdirSync(outDir);
  fs.writeFileSync(path.join(outDir, 'index.html'), 'the previous site');
  fs.writeFileSync(path.join(outDir, '.archive-build'), 'a previous build\n');
  return { parent, outDir };
}

/** Starts a build into `outDir` and waits until Astro has begun writing pages into its staging folder. */
async function buildUntilRendering(outDir: string, cacheDir: string) {
  const build = startBuild(CONTENT, { outDir, cacheDir });
  const staging = path.join(path.dirname(outDir), `dist.building-${build.child.pid}`);
  const deadline = Date.now() + 60_000;
  while (!(fs.existsSync(staging) && fs.readdirSync(staging, { recursive: true }).some((f) => String(f).endsWith('.html')))) {
    if (Date.now() > deadline || build.child.exitCode !== null) throw new Error('the build finished or never started writing before it could be stopped');
    await new Promise((r) => setTimeout(r, 20));
  }
  return build;
}

/** The previous site, untouched. */
function expectPrevious(outDir: string): void {
  expect(fs.readdirSync(outDir).sort()).toEqual(['.archive-build', 'index.html']);
  expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('the previous site');
}

describe('an interrupted build', () => {
  it('keeps the previous output when killed while rendering, and the next build recovers', async () => {
    const { parent, outDir } = previousSite('killed');
    const cacheDir = path.join(parent, 'cache');
    const build = await buildUntilRendering(outDir, cacheDir);
    build.child.kill('SIGKILL');
    await build.done;
    expectPrevious(outDir);

    const next = buildSite(CONTENT, { outDir, cacheDir });
    expect(next.status, next.stderr).toBe(0);
    // The staging folders and the dead build's lock are gone.
    expect(fs.readdirSync(parent).sort()).toEqual(['cache', 'dist']);
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('<html lang="ar" dir="rtl">');
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('cleans up after itself when interrupted (Ctrl-C): exit 130, no staging folders, no lock, the previous site as it was', async () => {
    const { parent, outDir } = previousSite('sigint');
    const build = await buildUntilRendering(outDir, path.join(parent, 'cache'));
    build.child.kill('SIGINT');
    const result = await build.done;
    expect(result.status).toBe(130);
    expect(result.stderr).toContain('Build interrupted (SIGINT)');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    // The indexer may take a moment to die: nothing it writes may reappear.
    await new Promise((r) => setTimeout(r, 500));
    expect(fs.readdirSync(parent).sort()).toEqual(['cache', 'dist']);
    expectPrevious(outDir);
    fs.rmSync(parent, { recursive: true, force: true });
  });
});
