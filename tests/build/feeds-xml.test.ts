/**
 * Feeds as feed readers see them (issue 12, items 1–3): a fixture whose author, summaries,
 * inline code and registry descriptions try to break out of CDATA or to smuggle markup, built
 * for real. Each feed is parsed as XML (a strict parser and fast-xml-parser), then every field a
 * reader renders as HTML (descriptions, content:encoded) is parsed as HTML: nothing outside the
 * page allow-list, and the text the reader sees is what the editor wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { SaxesParser } from 'saxes';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlAllowList } from '../../src/archive/markdown/html-allow-list.ts';
import { buildSite, htmlPages, type BuiltSite } from '../helpers/build-site.ts';
import { ROOT } from '../helpers/content.ts';

const ORIGIN = 'https://archive.example.org';
let site: BuiltSite;
beforeAll(() => {
  site = buildSite(path.join(ROOT, 'tests/fixtures/hostile-feeds'), { site: ORIGIN });
});
afterAll(() => fs.rmSync(path.dirname(site.outDir), { recursive: true, force: true }));

/** The first well-formedness error a strict, namespace-aware XML 1.0 parser finds, if any. */
function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false, processEntities: true, isArray: (name) => name === 'item' || name === 'category' });

interface Item {
  title: string;
  description: string;
  'content:encoded': string;
  'dc:creator'?: string;
  category?: string[];
}
interface Feed {
  title: string;
  description: string;
  item: Item[];
}
function readFeed(file: string): Feed {
  return (parser.parse(fs.readFileSync(path.join(site.outDir, file), 'utf8')) as { rss: { channel: Feed } }).rss.channel;
}

/** Element names and `element[property]` of a tree, in document order. */
function markup(tree: Root): string[] {
  const out: string[] = [];
  visit(tree, 'element', (e: Element) => {
    out.push(e.tagName, ...Object.keys(e.properties).map((k) => `${e.tagName}[${k}]`));
  });
  return out;
}

/** What a reader renders from an HTML field: the elements and attributes the allow-list would remove. */
function outsideAllowList(html: string): string[] {
  const tree = fromHtml(html, { fragment: true });
  const kept = markup(sanitize(tree, htmlAllowList) as Root);
  const all = markup(tree);
  return all.filter((m, i) => kept[i] !== m || !kept.includes(m)).concat(all.length === kept.length ? [] : ['(elements removed)']);
}

/** The text a reader shows for an HTML field. */
const shownText = (html: string) => cheerio.load(html, null, false).root().text();

const AUTHOR = 'كاتب]]><script xmlns="http://www.w3.org/1999/xhtml">alert(document.domain)</script><![CDATA[…';
const TITLE = 'عنوان ]]> <![CDATA[ <script>alert(0)</script> & 0x10';
const SUMMARY = 'ملخص <img src=x onerror=alert(1)> <svg onload=alert(2)> <script>alert(3)</script> & `<b>code</b>` ]]>';
const FIRST_PARAGRAPH = 'فقرة أولى فيها <img src=x onerror=alert(8)> و<script>alert(9)</script> و</description>]]> و&amp;.';
const FEEDS = ['feed.xml', 'people/feed-person/feed.xml', 'places/feed-place/feed.xml'];

describe('feeds with hostile values', () => {
  it('build', () => {
    expect(site.status, site.stderr).toBe(0);
  });

  it('every .xml file of the site is well-formed XML', () => {
    const files = fs.readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xml'));
    expect(files).toEqual(expect.arrayContaining([...FEEDS, 'sitemap-index.xml', 'sitemap-0.xml']));
    for (const file of files) expect(xmlError(fs.readFileSync(path.join(site.outDir, file), 'utf8')), file).toBeUndefined();
  });

  it('carry no element but the feed’s own: the author stays text (no CDATA break-out)', () => {
    for (const file of FEEDS) {
      const xml = fs.readFileSync(path.join(site.outDir, file), 'utf8');
      const $ = cheerio.load(xml, { xml: true });
      expect($('script').length, file).toBe(0);
      expect(xml, file).not.toContain('<![CDATA[');
    }
    const items = readFeed('feed.xml').item;
    expect(items.map((i) => i['dc:creator'])).toEqual(['كاتب ]]><1a/><x:y/><![CDATA[ آخر', '0x10', AUTHOR]);
    expect(items.map((i) => i.title)).toEqual(['مقال ثالث', 'مقال ثان', TITLE]);
    expect(items[2]!.category).toEqual(['شخص ]]> & <b>غريب</b>', 'مكان <svg onload=alert(10)>']);
  });

  it('render descriptions as the plain text the editor wrote, with no element at all', () => {
    for (const file of FEEDS) {
      for (const item of readFeed(file).item) {
        expect(outsideAllowList(item.description), `${file}: ${item.title}`).toEqual([]);
        expect(markup(fromHtml(item.description, { fragment: true })), `${file}: ${item.title}`).toEqual([]);
      }
    }
    const [, second, first] = readFeed('feed.xml').item;
    expect(shownText(first!.description)).toBe(SUMMARY);
    expect(shownText(second!.description), 'the first paragraph, inline code included, as text').toBe(FIRST_PARAGRAPH);
    // A person's or place's description is text too.
    const person = readFeed('people/feed-person/feed.xml');
    expect(markup(fromHtml(person.description, { fragment: true }))).toEqual([]);
    expect(shownText(person.description)).toBe('<iframe src=javascript:alert(4)></iframe>');
    const place = readFeed('places/feed-place/feed.xml');
    expect(markup(fromHtml(place.description, { fragment: true }))).toEqual([]);
    expect(shownText(place.description)).toBe('وصف <iframe src=javascript:alert(11)></iframe> ]]> <![CDATA[');
  });

  it('carry the page’s sanitised HTML as content:encoded: nothing outside the allow-list, the text of the page', () => {
    const pages = htmlPages(site.outDir);
    for (const file of FEEDS) {
      for (const item of readFeed(file).item) {
        const html = item['content:encoded'];
        expect(outsideAllowList(html), `${file}: ${item.title}`).toEqual([]);
        const $ = cheerio.load(html, null, false);
        expect($('script, iframe, svg, object, embed, [onerror], [onload]').length).toBe(0);
        expect($('a[href]').map((_, a) => $(a).attr('href')).get().every((h) => h.startsWith(`${ORIGIN}/`) || h.startsWith('#'))).toBe(true);
      }
    }
    const [, , first] = readFeed('feed.xml').item;
    const page = pages.get('/2021/05/feed-author/')!;
    expect(shownText(first!['content:encoded']).trim()).toBe(page('.prose').text().trim());
    expect(shownText(first!['content:encoded'])).toContain('ونص href="/x/" بين علامتين');
    expect(shownText(first!['content:encoded'])).toContain('<script>alert(13)</script>');
  });
});
