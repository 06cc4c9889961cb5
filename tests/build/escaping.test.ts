/**
 * Hostile values in front matter and the registry, built into a site: every one is escaped
 * wherever it lands (HTML text and attributes, JSON-LD, feeds, sitemap, search index), and no
 * page carries an event handler or a javascript: URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { SyntaxValidator } from 'fast-xml-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, htmlPages, type BuiltSite } from '../helpers/build-site.ts';
import { ROOT } from '../helpers/content.ts';

let site: BuiltSite;
let pages: Map<string, cheerio.CheerioAPI>;
beforeAll(() => {
  site = buildSite(path.join(ROOT, 'tests/fixtures/hostile-values'));
  pages = site.status === 0 ? htmlPages(site.outDir) : new Map();
});
afterAll(() => fs.rmSync(path.dirname(site.outDir), { recursive: true, force: true }));

/** Every file of the output as text. */
function allFiles(): [string, string][] {
  return fs
    .readdirSync(site.outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(html|xml|txt|json)$/.test(f) || f === '_headers')
    .map((f) => [f, fs.readFileSync(path.join(site.outDir, f), 'utf8')]);
}

describe('hostile values', () => {
  it('build (with warnings about the removed HTML)', () => {
    expect(site.status, site.stderr).toBe(0);
    expect(site.stderr).toContain('markdown/unsafe-html');
  });

  it('never reach the output as markup: no script, handler or javascript: anywhere', () => {
    for (const [file, text] of allFiles()) {
      if (file.startsWith('pagefind')) continue;
      const $ = cheerio.load(text, file.endsWith('.xml') ? { xml: true } : {});
      if (file.endsWith('.html')) {
        // The search page's own module is the one script of the site.
        const scripts = $('script:not([type="application/ld+json"])').toArray();
        expect(scripts.length, file).toBe(file.startsWith('search') ? 1 : 0);
        for (const s of scripts) expect($(s).attr('src'), file).toMatch(/^\/_astro\/search\.[\w.-]+\.js$/);
        // The only SVG is the site's own maps, with the hostile place name in them as text.
        expect($('iframe, svg:not(.map), b[onmouseover], img[onerror]').length, file).toBe(0);
        expect($('svg.map svg, svg.map script, svg.map foreignObject').length, file).toBe(0);
        // The search form is the site's only form.
        expect($('form').length, file).toBe(file.startsWith('search') ? 1 : 0);
        $('*').each((_, el) => {
          for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
            expect(name.startsWith('on'), `${file}: ${name}`).toBe(false);
            expect(/^\s*javascript:/i.test(value), `${file}: ${name}=${value}`).toBe(false);
          }
        });
      }
    }
  });

  it('show as the text the editor wrote', () => {
    const $ = pages.get('/2021/04/hostile/')!;
    expect($('h1').text()).toBe('عنوان </script><script>alert(1)</script> "مقتبس" & <b onmouseover=alert(2)>');
    expect($('title').text()).toContain('</script><script>alert(1)</script>');
    expect($('.article-source a').attr('href')).toBe('https://example.org/?a=1&b=%22x%22%3Cscript%3E');
    const ld = JSON.parse($('script[type="application/ld+json"]').text());
    expect(ld[0].headline).toBe('عنوان </script><script>alert(1)</script> "مقتبس" & <b onmouseover=alert(2)>');
    expect($('script[type="application/ld+json"]').html()).not.toContain('</script');
    const person = pages.get('/people/hostile-person/')!;
    expect(person('h1').text()).toBe('الشخص الغريب </script><script>alert(8)</script>');
    expect(person('bdi.latin').text()).toBe('Evil" onload="alert(9)');
    // The maps write the place's name as text, and their SVG stays well formed.
    const place = pages.get('/places/hostile-place/')!;
    expect(place('svg.map text').text()).toContain('مكان <svg onload=alert(11)>');
    expect(SyntaxValidator.validate(place.html(place('svg.map'))), 'the map is well-formed XML').toBe(true);
    expect($('svg.map [data-place="hostile-place"]').length).toBe(1);
  });

  it('keep feeds and the sitemap well formed, with the values as text', () => {
    for (const feed of ['feed.xml', 'people/hostile-person/feed.xml', 'places/hostile-place/feed.xml']) {
      const xml = fs.readFileSync(path.join(site.outDir, feed), 'utf8');
      expect(SyntaxValidator.validate(xml), feed).toBe(true);
      const parsed = parseFeed(xml);
      expect(parsed.items[0]!.title).toBe('عنوان </script><script>alert(1)</script> "مقتبس" & <b onmouseover=alert(2)>');
    }
    const place = parseFeed(fs.readFileSync(path.join(site.outDir, 'places/hostile-place/feed.xml'), 'utf8'));
    expect(place.description).toBe('وصف ]]> <![CDATA[ <script>alert(12)</script>');
    expect(SyntaxValidator.validate(fs.readFileSync(path.join(site.outDir, 'sitemap-0.xml'), 'utf8'))).toBe(true);
  });
});
