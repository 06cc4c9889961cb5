/**
 * `numberingSystem: 'arab'` applies to every number the site writes (issue 15, item 7): dates,
 * counts, years, page numbers and charts come in ٠–٩, while what an editor wrote (the text,
 * headlines, summaries, Latin names) and machine-readable values stay as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, htmlPages, ok } from '../helpers/build-site.ts';
import { ROOT, tempDir } from '../helpers/content.ts';

let pages: Map<string, cheerio.CheerioAPI>;

beforeAll(() => {
  const settings = path.join(tempDir('arab-digits'), 'settings.ts');
  fs.writeFileSync(settings, `export const settings = { numberingSystem: 'arab' };\n`);
  const built = ok(buildSite(path.join(ROOT, 'tests/fixtures/two-years'), { env: { ARCHIVE_SETTINGS: settings } }));
  pages = htmlPages(built.outDir);
}, 240_000);

/** What the site wrote on a page: its text without the editor's words, Latin names, the map's credit and scripts. */
function siteText($: cheerio.CheerioAPI): string {
  $('script, style, .prose, .article-card__title, .article-nav__title, .article-card__summary, h1, .breadcrumbs [aria-current], .entity-description, .lead, bdi.latin, .map-credit, .figure-caption, .figure-credit, .article-meta .article-source, .article-card__source, .site-footer, .entity-links a, .month-grid__empty').remove();
  return $('body').text();
}

describe('a site with numberingSystem: arab', () => {
  it('writes its own numbers in Arabic-Indic digits on every page', () => {
    let checked = 0;
    for (const [url, $] of pages) {
      if (url === '/404.html') continue;
      const text = siteText($);
      expect(text.match(/[0-9]+/g), url).toBeNull();
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('writes dates, counts and page numbers in them', () => {
    const home = pages.get('/')!;
    expect(home('.article-card__meta time').first().text()).toMatch(/[٠-٩]+ \S+ [٠-٩]{4}/);
    expect(pages.get('/2022/')!('.entity-count').text()).toMatch(/[٠-٩]/);
    expect(pages.get('/archive/')!('a[href="/2022/"]').text()).toContain('٢٠٢٢');
  });

  it('keeps machine-readable dates and the editor’s words as they are', () => {
    const home = pages.get('/')!;
    expect(home('time').first().attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}/);
  });
});
