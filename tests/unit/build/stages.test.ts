/**
 * The build's stages in process, without Astro: plan (what the output holds, what changed),
 * finish (headers, sitemap) and check (the output check of the output-to-be).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStaged } from '../../../src/archive/build/check.ts';
import { finishPages, headersFile } from '../../../src/archive/build/finish.ts';
import { planBuild, removedPages } from '../../../src/archive/build/plan.ts';
import { saveManifest, STAMP_FILE } from '../../../src/archive/cache/build-manifest.ts';
import { readBuildConfig } from '../../../src/archive/config.ts';
import { loadArchive } from '../../../src/archive/load.ts';
import { alwaysWritten, pageFile, searchShardEntry, SITE_FILES } from '../../../src/archive/output/layout.ts';
import { ROOT, tempDir } from '../../helpers/content.ts';

const archive = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: path.join(ROOT, 'content') }, ROOT)).archive!;
const site = { site: 'https://archive.example.org', base: '/' };

/** An output folder holding these files, and a cache whose manifest describes it. */
function builtOutput(pages: Record<string, string>, content: string) {
  const outDir = tempDir('stages-out');
  const cacheDir = tempDir('stages-cache');
  const search = Object.fromEntries(planBuild(archive, { cacheDir, outDir, version: 'v1', fullBuild: true }).shards.map((s) => [s.id, s.fingerprint]));
  for (const file of [...Object.keys(pages).map(pageFile), ...alwaysWritten(), ...Object.keys(search).map(searchShardEntry)]) {
    fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    fs.writeFileSync(path.join(outDir, file), '');
  }
  fs.writeFileSync(path.join(outDir, STAMP_FILE), 'stamp-1\n');
  saveManifest(cacheDir, { key: 'v1', stamp: 'stamp-1', content, pages, search, media: [] });
  return { outDir, cacheDir };
}

describe('the plan stage', () => {
  it('builds everything without a trusted output, and every search shard', () => {
    const plan = planBuild(archive, { cacheDir: tempDir('c'), outDir: tempDir('o'), version: 'v1', fullBuild: false });
    expect(plan.previous).toBeUndefined();
    expect(plan.unchanged).toBe(false);
    expect(plan.changedShards).toEqual(plan.shards);
  });

  it('does nothing when the output was built from the same archive, by the same code', () => {
    const first = planBuild(archive, { cacheDir: tempDir('c'), outDir: tempDir('o'), version: 'v1', fullBuild: true });
    const { outDir, cacheDir } = builtOutput({ '/people/sabri-boukadoum/': 'f1' }, first.contentDigest);
    const plan = planBuild(archive, { cacheDir, outDir, version: 'v1', fullBuild: false });
    expect(plan.unchanged).toBe(true);
    expect(plan.changedShards).toEqual([]);
    // Other code, or ARCHIVE_FULL_BUILD, or a page removed by hand: the output is not trusted.
    expect(planBuild(archive, { cacheDir, outDir, version: 'v2', fullBuild: false }).previous).toBeUndefined();
    expect(planBuild(archive, { cacheDir, outDir, version: 'v1', fullBuild: true }).previous).toBeUndefined();
    fs.rmSync(path.join(outDir, 'people/sabri-boukadoum/index.html'));
    expect(planBuild(archive, { cacheDir, outDir, version: 'v1', fullBuild: false }).previous).toBeUndefined();
  });

  it('knows which pages of the previous output are gone once the routes have listed theirs', () => {
    const { outDir, cacheDir } = builtOutput({ '/people/gone/': 'f1', '/people/sabri-boukadoum/': 'f2' }, 'older content');
    const plan = planBuild(archive, { cacheDir, outDir, version: 'v1', fullBuild: false });
    expect(plan.unchanged).toBe(false);
    plan.render.pages.set('/people/sabri-boukadoum/', 'f2');
    expect(removedPages(plan)).toEqual(['/people/gone/']);
  });
});

describe('the finish and check stages', () => {
  it('write the hosts’ headers and a sitemap of every page, and the check finds what is missing', async () => {
    const staging = tempDir('stages-staging');
    for (const p of ['/', '/people/', '/2021/04/boukadoum-tripoli/']) {
      fs.mkdirSync(path.join(staging, path.dirname(pageFile(p))), { recursive: true });
      fs.writeFileSync(path.join(staging, pageFile(p)), '<!doctype html><html lang="ar" dir="rtl"><head><title>x</title></head><body><h1>x</h1></body></html>');
    }
    const plan = planBuild(archive, { cacheDir: tempDir('c'), outDir: tempDir('o'), version: 'v1', fullBuild: true });
    const pages = await finishPages(staging, plan, site);
    expect(pages.written.sort()).toEqual(['/', '/2021/04/boukadoum-tripoli/', '/people/']);
    expect(fs.readFileSync(path.join(staging, SITE_FILES.headers), 'utf8')).toBe(headersFile('/'));
    expect(headersFile('/archive/')).toMatch(/^\/archive\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
    expect(fs.readFileSync(path.join(staging, 'sitemap-0.xml'), 'utf8')).toContain('<loc>https://archive.example.org/2021/04/boukadoum-tripoli/</loc>');
    const problems = checkStaged(archive, plan, pages, { staging, outDir: tempDir('o'), cacheDir: tempDir('c') }, site, 'v1');
    // No page for the entries, no feeds, no search index: each is named.
    expect(problems).toEqual(expect.arrayContaining(['no page for person sabri-boukadoum', 'no page for organisation arab-maghreb-union', 'no site feed (feed.xml)']));
  });
});
