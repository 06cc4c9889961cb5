/**
 * The build against a hostile environment, through the real command: an output folder that
 * would destroy content, another build at the same time, a read-only folder, a full disk, a
 * cache path that is a file, a malformed variable, an output on another file system. Each ends
 * with one sentence of what happened and what to do, exit 1, no stack trace, nothing deleted,
 * and no leftovers; or, where the build can do its job (different outputs, another file
 * system), it does it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildSite, ok, startBuild, type BuiltSite } from '../helpers/build-site.ts';
import { ROOT, tempDir } from '../helpers/content.ts';
import { mountTmpfs, remount } from '../helpers/mount.ts';
import { differences, snapshot } from '../helpers/snapshot.ts';

const SEED = path.join(ROOT, 'content');

/** A build that stopped the way a fault must: exit 1, a message matching `message`, no stack trace. */
function stoppedCleanly(build: BuiltSite, message: RegExp): void {
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(1);
  expect(build.stderr).toMatch(message);
  expect(build.stderr, 'no stack trace').not.toMatch(/^\s+at /m);
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

describe('an output folder that must not be replaced', () => {
  const work = tempDir('dangerous-out');
  const content = path.join(work, 'content');
  const cacheDir = path.join(work, 'cache');
  const home = path.join(work, 'home');
  fs.cpSync(SEED, content, { recursive: true });
  fs.mkdirSync(path.join(cacheDir), { recursive: true });
  fs.writeFileSync(path.join(cacheDir, 'keep.txt'), 'cache');
  fs.mkdirSync(path.join(home, 'notes'), { recursive: true });
  fs.writeFileSync(path.join(home, 'notes/todo.txt'), 'mine');
  fs.mkdirSync(path.join(work, 'other-site'));
  fs.writeFileSync(path.join(work, 'other-site/index.html'), 'someone else’s site');
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const cases: [string, string, RegExp][] = [
    ['the content folder', content, /is the content folder/],
    ['a folder inside it', path.join(content, 'articles'), /is inside the content folder/],
    ['a folder holding it', work, /contains the content folder/],
    ['the cache folder', cacheDir, /is the cache folder/],
    ['a home folder', home, /is a home folder/],
    ['a folder with files no build of ours wrote', path.join(work, 'other-site'), /is not empty \(index\.html\) and holds no site built by this archive/],
  ];
  for (const [what, outDir, message] of cases) {
    it(`refuses ${what} in one sentence, and deletes nothing`, () => {
      const before = snapshot(work);
      const build = buildSite(content, { outDir, cacheDir, env: { HOME: home } });
      stoppedCleanly(build, message);
      expect(build.stderr.trim().split('\n')).toHaveLength(1);
      expect(build.stderr).toContain('Nothing was written or deleted');
      expect(differences(work, before)).toEqual([]);
      expect(fs.readdirSync(path.dirname(outDir)).filter((f) => /\.(lock|building-\d+|publish\.json)$/.test(f))).toEqual([]);
    });
  }
});

describe('a cache folder that must not be written into', () => {
  const work = tempDir('dangerous-cache');
  const content = path.join(work, 'content');
  fs.cpSync(SEED, content, { recursive: true });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  for (const [what, cacheDir, message] of [
    ['the content folder', content, /ARCHIVE_CACHE_DIR \(.*\) is the content folder/],
    ['a folder inside it', path.join(content, 'articles', '.cache'), /is inside the content folder/],
    ['the output folder', path.join(work, 'dist'), /ARCHIVE_OUT_DIR \(.*\) is the cache folder/],
  ] as const) {
    it(`refuses ${what}, and writes nothing there`, () => {
      const before = snapshot(work);
      const build = buildSite(content, { outDir: path.join(work, 'dist'), cacheDir });
      stoppedCleanly(build, message);
      expect(differences(work, before)).toEqual([]);
    });
  }
});

describe('builds at the same time', () => {
  it('into different outputs both succeed (each has its own Astro working folder)', async () => {
    const work = tempDir('parallel');
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
    const a = startBuild(SEED, { outDir: path.join(work, 'a/dist'), cacheDir: path.join(work, 'a/cache') });
    const b = startBuild(SEED, { outDir: path.join(work, 'b/dist'), cacheDir: path.join(work, 'b/cache') });
    const [ra, rb] = await Promise.all([a.done, b.done]);
    ok(ra);
    ok(rb);
    expect(differences(ra.outDir, snapshot(rb.outDir))).toEqual([]);
    expect(fs.readdirSync(path.join(ROOT, '.astro')).filter((f) => /^build-\d+$/.test(f))).toEqual([]);
  });

  it('into one output: the second refuses while the first holds the lock, and the first finishes', async () => {
    const work = tempDir('same-out');
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
    const outDir = path.join(work, 'dist');
    const first = startBuild(SEED, { outDir, cacheDir: path.join(work, 'cache1') });
    const deadline = Date.now() + 60_000;
    while (!fs.existsSync(`${outDir}.lock`)) {
      if (Date.now() > deadline) throw new Error('the first build never took its lock');
      await new Promise((r) => setTimeout(r, 10));
    }
    const second = buildSite(SEED, { outDir, cacheDir: path.join(work, 'cache2') });
    stoppedCleanly(second, new RegExp(`another build \\(process ${first.child.pid}, started .*\\) is writing .*dist: wait for it to finish`));
    ok(await first.done);
    expect(fs.readdirSync(work).filter((f) => f.startsWith('dist'))).toEqual(['dist']);
  });

  it('takes over the lock of a build that was killed', () => {
    const work = tempDir('stale-lock');
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
    const outDir = path.join(work, 'dist');
    // The lock of a process that no longer runs: a child that has exited.
    const dead = spawnSync('true').pid;
    fs.writeFileSync(`${outDir}.lock`, JSON.stringify({ pid: dead, host: os.hostname(), started: '2026-01-01T00:00:00Z' }));
    ok(buildSite(SEED, { outDir }));
    expect(fs.existsSync(`${outDir}.lock`)).toBe(false);
  });
});

describe('faults of the machine', () => {
  it('a malformed ARCHIVE_SITE: one sentence, before anything is read', () => {
    const build = buildSite(SEED, { site: 'htps//archive example.org' });
    stoppedCleanly(build, /ARCHIVE_SITE must be the site's public origin, such as https:\/\/archive\.example\.org .*got "htps\/\/archive example\.org"/);
    expect(build.stdout).not.toContain('Reading');
  });

  it('a cache path that is a file', () => {
    const work = tempDir('cache-file');
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
    fs.writeFileSync(path.join(work, 'cache'), 'a file');
    stoppedCleanly(buildSite(SEED, { outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache') }), /ARCHIVE_CACHE_DIR \(.*cache\) is a file, not a folder: remove the file, or set ARCHIVE_CACHE_DIR to a folder/);
    stoppedCleanly(buildSite(SEED, { outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache'), args: ['--lang', 'ar'] }), /ARCHIVE_CACHE_DIR \(.*cache\) ملف لا مجلد: احذف الملف، أو اجعل ARCHIVE_CACHE_DIR مجلدا/);
    expect(fs.readdirSync(work)).toEqual(['cache']);
  });

  it('a read-only output folder: refused before any work, the previous site intact', () => {
    const work = tempDir('ro-out');
    const outDir = path.join(work, 'dist');
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }), mountTmpfs(outDir));
    ok(buildSite(SEED, { outDir, cacheDir: path.join(work, 'cache') }));
    const before = snapshot(outDir);
    remount(outDir, true);
    const build = buildSite(SEED, { outDir, cacheDir: path.join(work, 'cache'), env: { ARCHIVE_FULL_BUILD: '1' } });
    stoppedCleanly(build, /Build failed: .*dist is on a read-only file system: choose a writable folder, or mount it read-write \(EROFS\)\. .*dist\/ was not changed\./);
    expect(differences(outDir, before)).toEqual([]);
    // The same in Arabic (issue 15, item 16).
    const arabic = buildSite(SEED, { outDir, cacheDir: path.join(work, 'cache'), env: { ARCHIVE_FULL_BUILD: '1' }, args: ['--lang', 'ar'] });
    stoppedCleanly(arabic, /فشل البناء: .*dist على نظام ملفات للقراءة فقط: اختر مجلدا تمكن الكتابة فيه، أو اربطه للقراءة والكتابة \(EROFS\)\. لم يتغيّر .*dist\/\./);
    expect(differences(outDir, before)).toEqual([]);
    expect(fs.readdirSync(work).sort()).toEqual(['cache', 'dist']);
  });

  it('a read-only parent folder', () => {
    const work = tempDir('ro-parent');
    const parent = path.join(work, 'www');
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }), mountTmpfs(parent, { readOnly: true }));
    const build = buildSite(SEED, { outDir: path.join(parent, 'dist'), cacheDir: path.join(work, 'cache') });
    stoppedCleanly(build, /read-only file system.*\(EROFS\)/);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('a full disk: the build stops, says so, and leaves the previous site and no leftovers', () => {
    const work = tempDir('full-disk');
    const disk = path.join(work, 'disk');
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }), mountTmpfs(disk, { sizeKb: 8192 }));
    const outDir = path.join(disk, 'dist');
    ok(buildSite(SEED, { outDir, cacheDir: path.join(work, 'cache') }));
    const before = snapshot(outDir);
    // Leave less room than a second copy of the site needs.
    const { bavail, bsize } = fs.statfsSync(disk);
    fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 200 * 1024)));
    const build = buildSite(SEED, { outDir, cacheDir: path.join(work, 'cache'), env: { ARCHIVE_FULL_BUILD: '1' } });
    stoppedCleanly(build, /the disk is full .*free some space and build again \(ENOSPC\)/);
    expect(build.stderr.trim().split('\n').filter((line) => line.trim() !== '').length, build.stderr).toBeLessThanOrEqual(3);
    expect(differences(outDir, before)).toEqual([]);
    expect(fs.readdirSync(disk).sort()).toEqual(['dist', 'filler']);
  });
});

describe('an output folder on another file system (a mounted volume)', () => {
  it('builds, rebuilds incrementally, and gives what a clean build gives', () => {
    const work = tempDir('volume');
    const outDir = path.join(work, 'dist');
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }), mountTmpfs(outDir));
    const content = path.join(work, 'content');
    fs.cpSync(path.join(ROOT, 'tests/fixtures/two-years'), content, { recursive: true });
    const cacheDir = path.join(work, 'cache');
    // Put something in the volume first, as a previous build would have: a stamped old site.
    fs.writeFileSync(path.join(outDir, '.archive-build'), 'an older build\n');
    fs.writeFileSync(path.join(outDir, 'gone.html'), 'a page of the older build');
    ok(buildSite(content, { outDir, cacheDir }));
    const clean = ok(buildSite(content, { outDir: path.join(work, 'clean1/dist') }));
    expect(differences(outDir, snapshot(clean.outDir))).toEqual([]);

    const articles = path.join(content, 'articles');
    const first = fs.readdirSync(articles, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort()[0]!;
    fs.appendFileSync(path.join(articles, first), '\n\nفقرة جديدة.\n');
    const rebuilt = ok(buildSite(content, { outDir, cacheDir }));
    expect(rebuilt.stdout).toContain('incremental');
    const clean2 = ok(buildSite(content, { outDir: path.join(work, 'clean2/dist') }));
    expect(differences(outDir, snapshot(clean2.outDir))).toEqual([]);
    expect(fs.readdirSync(work).sort()).toEqual(['cache', 'clean1', 'clean2', 'content', 'dist']);
  });
});
