/**
 * kill -9 at any point of publishing an incremental build: right after the kill every file of
 * the output is whole (the old version or the new one) and the site is usable; the next build
 * rolls the publication back (killed before its journal was written) or forward (after), so the
 * output is then exactly the old site or exactly the new one, and building again gives the new
 * one. The kill points are real SIGKILLs, which the build sends itself at the chosen step
 * (ARCHIVE_FAULT_KILL_AT_STEP, src/archive/build/publish.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverOutput } from '../../src/archive/build/recover.ts';
import { buildSite, ok } from '../helpers/build-site.ts';
import { ROOT, tempDir } from '../helpers/content.ts';
import { differences, snapshot } from '../helpers/snapshot.ts';

/** Publishing steps before the journal: the stamp, the staged manifest, the journal itself. */
const STEPS_BEFORE_COMMIT = 3;

describe('a build killed while publishing', () => {
  const work = tempDir('killed-publish');
  const content = path.join(work, 'content');
  const outDir = path.join(work, 'dist');
  const cacheDir = path.join(work, 'cache');
  const saved = { out: path.join(work, 'old-dist'), cache: path.join(work, 'old-cache') };
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;
  let steps = 0;

  /** Puts the old site and its cache back, as they were before the rebuild. */
  function restoreOld(): void {
    for (const leftover of fs.readdirSync(work).filter((f) => f.startsWith('dist'))) fs.rmSync(path.join(work, leftover), { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.cpSync(saved.out, outDir, { recursive: true });
    fs.cpSync(saved.cache, cacheDir, { recursive: true });
  }

  beforeAll(() => {
    fs.cpSync(path.join(ROOT, 'tests/fixtures/two-years'), content, { recursive: true });
    ok(buildSite(content, { outDir, cacheDir }));
    before = snapshot(outDir);
    fs.cpSync(outDir, saved.out, { recursive: true });
    fs.cpSync(cacheDir, saved.cache, { recursive: true });

    // The rebuild: a new article in the latest year, an old body edited (its older search shard
    // is replaced), an article deleted (its pages are removed).
    const articles = path.join(content, 'articles');
    const files = fs.readdirSync(articles, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
    const model = fs.readFileSync(path.join(articles, files.at(-1)!), 'utf8');
    fs.writeFileSync(path.join(articles, 'added.md'), model.replace(/^title: .*$/m, 'title: "مقال أضيف قبل القتل"').replace(/^slug: .*\n/m, 'slug: added-before-kill\n'));
    fs.appendFileSync(path.join(articles, files[0]!), '\n\nفقرة أضيفت إلى مقال قديم.\n');
    fs.rmSync(path.join(articles, files[1]!));
    const clean = ok(buildSite(content, { outDir: path.join(work, 'clean', 'dist') }));
    after = snapshot(clean.outDir);

    // One uninterrupted rebuild counts the publishing steps.
    const counted = ok(buildSite(content, { outDir, cacheDir, env: { ARCHIVE_FAULT_KILL_AT_STEP: '1000000' } }));
    expect(counted.stdout).toContain('incremental');
    expect(differences(outDir, after)).toEqual([]);
    steps = Number(/publishing took (\d+) step/.exec(counted.stdout)?.[1]);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('has enough steps to kill at 20 points of the publication', () => {
    expect(steps).toBeGreaterThanOrEqual(20);
  });

  it('leaves the old or the new site at every one of them, whole, and the next build finishes it', () => {
    // Every step before the commit point, then points spread over the rest, the last included.
    expect(steps).toBeGreaterThanOrEqual(20);
    const points = new Set<number>([1, 2, 3, 4, 5]);
    for (let i = 0; i <= 18; i++) points.add(STEPS_BEFORE_COMMIT + 1 + Math.round(((steps - STEPS_BEFORE_COMMIT - 1) * i) / 18));
    for (const point of [...points].sort((a, b) => a - b)) {
      restoreOld();
      const killed = buildSite(content, { outDir, cacheDir, env: { ARCHIVE_FAULT_KILL_AT_STEP: String(point) } });
      expect(killed.signal, `step ${point}: ${killed.stdout}`).toBe('SIGKILL');

      // Right after the kill: no torn file, nothing that belongs to neither site, the home page there.
      const now = snapshot(outDir);
      for (const [file, bytes] of now) {
        if (file.startsWith('.archive-publish')) continue;
        const whole = before.get(file)?.equals(bytes) || after.get(file)?.equals(bytes);
        expect(whole, `step ${point}: ${file} is neither the old nor the new version`).toBe(true);
      }
      expect(now.has('index.html'), `step ${point}: the home page`).toBe(true);

      // The next build's recovery rolls back or forward: exactly one of the two sites.
      recoverOutput(outDir, ROOT);
      expect(differences(outDir, point <= STEPS_BEFORE_COMMIT ? before : after), `step ${point}`).toEqual([]);
      // (The dead build's lock stays until the next build takes it over.)
      expect(fs.readdirSync(work).filter((f) => f.startsWith('dist') && f !== 'dist.lock'), `step ${point}: leftovers`).toEqual(['dist']);

      // A build after it: nothing left to do once rolled forward (its manifest became current).
      if (point % 3 === 0 || point >= steps - 2) {
        const next = ok(buildSite(content, { outDir, cacheDir }));
        if (point > STEPS_BEFORE_COMMIT) expect(next.stdout, `step ${point}`).toContain('Nothing changed since the last build');
        expect(differences(outDir, after), `step ${point}: after the next build`).toEqual([]);
      }
    }
  });
});
