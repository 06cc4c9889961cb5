/** The output check catches a site that does not match its archive. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Archive } from '../../src/archive/archive.ts';
import { readBuildConfig } from '../../src/archive/config.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { checkOutput } from '../../src/archive/output-check.ts';
import { FEED_SIZE } from '../../src/archive/views/pages.ts';
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

  /** Changes one file of a copy of the site, then checks it. */
  const tampered = (file: string, change: (text: string) => string) =>
    checkTampered((d) => fs.writeFileSync(path.join(d, file), change(fs.readFileSync(path.join(d, file), 'utf8'))));

  it('fails on a feed or sitemap that is not well-formed XML', () => {
    // A control character (from a YAML escape), a tag name XML does not allow, an undeclared prefix.
    for (const bad of ['\u000b', '<1a/>', '<x:y/>']) {
      const problems = tampered('people/mohamed-al-menfi/feed.xml', (xml) => xml.replace('</title>', `${bad}</title>`));
      expect(problems.some((p) => p.startsWith(`${E2E_BASE}people/mohamed-al-menfi/feed.xml is not well-formed XML: `)), JSON.stringify(bad)).toBe(true);
    }
    expect(tampered('feed.xml', (xml) => xml.replace('<item>', '<item><b>'))).toEqual([expect.stringMatching(/^\/archive\/feed\.xml is not well-formed XML: /)]);
    expect(tampered('sitemap-0.xml', (xml) => xml.replace('</loc>', '\u0000</loc>'))).toContainEqual(expect.stringMatching(/^sitemap-0\.xml is not well-formed XML: /));
  });

  it('fails on a feed whose HTML holds what the page allow-list removes', () => {
    const script = tampered('feed.xml', (xml) => xml.replace('</content:encoded>', '&lt;script&gt;alert(1)&lt;/script&gt;</content:encoded>'));
    expect(script).toEqual([`${E2E_BASE}feed.xml: item 1's <content:encoded> holds what the page allow-list removes (<script>)`]);
    // A description escaped only once: a reader renders the image and runs its handler.
    const description = tampered('places/libya/feed.xml', (xml) => xml.replace(/<description>[^<]*<\/description>(?=<pubDate>)/, '<description>&lt;img src=x onerror=alert(1)&gt;</description>'));
    expect(description).toEqual([`${E2E_BASE}places/libya/feed.xml: item 1's <description> holds what the page allow-list removes (img[onError])`]);
    const channel = tampered('places/libya/feed.xml', (xml) => xml.replace(/<description>[^<]*<\/description>/, '<description>&lt;iframe src=javascript:alert(4)&gt;&lt;/iframe&gt;</description>'));
    expect(channel).toEqual([`${E2E_BASE}places/libya/feed.xml: the channel’s <description> holds what the page allow-list removes (<iframe>, iframe[src])`]);
  });

  it('fails on a page that links to a page or file the output does not have', () => {
    const page = '2021/04/boukadoum-tripoli/index.html';
    const missing = tampered(page, (html) => html.replace('</main>', `<a href="${E2E_BASE}hijri/-538/08/">شعبان</a></main>`));
    expect(missing).toEqual([`${E2E_BASE}2021/04/boukadoum-tripoli/ links to ${E2E_BASE}hijri/-538/08/, which is a page the output does not have`]);
    const relative = tampered(page, (html) => html.replace('</main>', '<a href="../../05/">مايو</a><img src="../missing.png" alt=""></main>'));
    expect(relative).toEqual([
      `${E2E_BASE}2021/04/boukadoum-tripoli/ links to ../../05/, which is a page the output does not have`,
      `${E2E_BASE}2021/04/boukadoum-tripoli/ links to ../missing.png, which is a file the output does not have`,
    ]);
    const absolute = tampered(page, (html) => html.replace('</main>', `<a href="${SITE}${E2E_BASE}people/nobody/">؟</a></main>`));
    expect(absolute).toEqual([`${E2E_BASE}2021/04/boukadoum-tripoli/ links to ${SITE}${E2E_BASE}people/nobody/, which is a page the output does not have`]);
    // Other sites, other folders of this host and text that only looks like a link are not judged.
    const fine = tampered(page, (html) => html.replace('</main>', `<a href="https://example.org/x/">x</a><a href="/elsewhere/">y</a><p>href="${E2E_BASE}nothing/"</p></main>`));
    expect(fine).toEqual([]);
  });

  it('fails on a <time datetime> that is not a valid HTML date or time', () => {
    const page = 'places/libya/index.html';
    const problems = tampered(page, (html) => html.replace('</main>', '<time datetime="1-01-01">1</time><time datetime="2021-02-29">2</time><time datetime="2021-04-19T10:30:00+02:00">3</time></main>'));
    expect(problems).toEqual([
      `${E2E_BASE}places/libya/ has <time datetime="1-01-01">, which is not a valid HTML date or time`,
      `${E2E_BASE}places/libya/ has <time datetime="2021-02-29">, which is not a valid HTML date or time`,
    ]);
  });
});
