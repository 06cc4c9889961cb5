/** The output check catches a site that does not match its archive. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Archive } from '../../src/archive/archive.ts';
import { readBuildConfig } from '../../src/archive/config.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { checkOutput } from '../../src/archive/output-check.ts';
import { FEED_SIZE } from '../../src/lib/feeds.ts';
import { tempDir } from '../helpers/content.ts';
import { E2E_BASE, e2eBuild } from '../helpers/served-site.ts';

const SITE = 'https://archive.example.org';
let archive: Archive;
let built: string;

beforeAll(() => {
  built = e2eBuild().outDir;
  archive = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: path.join(inject('runDir'), 'e2e-content'), ARCHIVE_BASE: E2E_BASE })).archive!;
});

/** A copy of the built site, changed by `tamper`, then checked. */
function checkTampered(tamper: (dir: string) => void): string[] {
  const dir = path.join(tempDir('tamper'), 'site');
  fs.cpSync(built, dir, { recursive: true });
  tamper(dir);
  const problems = checkOutput(dir, archive, SITE, E2E_BASE, FEED_SIZE);
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  return problems;
}

describe('the output check', () => {
  it('passes on a complete build', () => {
    expect(checkOutput(built, archive, SITE, E2E_BASE, FEED_SIZE)).toEqual([]);
  });

  it('fails when an article page is missing', () => {
    expect(checkTampered((d) => fs.rmSync(path.join(d, '2021/04/boukadoum-tripoli'), { recursive: true }))).toContain('no page for the article /2021/04/boukadoum-tripoli/');
  });

  it('fails when a page that is no article (a draft) is published', () => {
    const problems = checkTampered((d) => {
      fs.mkdirSync(path.join(d, '2023/05/youth-unemployment-report'), { recursive: true });
      fs.copyFileSync(path.join(d, '2021/04/boukadoum-tripoli/index.html'), path.join(d, '2023/05/youth-unemployment-report/index.html'));
    });
    expect(problems).toContain('/2023/05/youth-unemployment-report/ is published but is no article of the archive (a draft?)');
  });

  it('fails when the sitemap, a feed or the search index is off', () => {
    expect(
      checkTampered((d) => {
        const file = path.join(d, 'sitemap-0.xml');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/<url><loc>[^<]*\/places\/libya\/<\/loc><\/url>/, ''));
      }),
    ).toContain('the sitemap does not list /places/libya/');
    expect(
      checkTampered((d) => {
        const file = path.join(d, 'people/mohamed-al-menfi/feed.xml');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/<item>.*?<\/item>/s, ''));
      }),
    ).toContain('/people/mohamed-al-menfi/feed.xml does not hold its 1 newest articles');
    expect(checkTampered((d) => fs.rmSync(path.join(d, 'pagefind'), { recursive: true }))).toContain('no search index (pagefind/)');
  });

  it('fails when a page is empty', () => {
    const problems = checkTampered((d) => fs.writeFileSync(path.join(d, 'places/index.html'), ''));
    expect(problems).toContain(`${E2E_BASE}places/ is empty or has no single <h1>`);
  });
});
