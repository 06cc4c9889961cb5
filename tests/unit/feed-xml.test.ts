/**
 * The feed serialisation at unit level (issue 12, items 1–3), with fast-check: any text of up to
 * 2,000 characters, rich in C0 controls, lone surrogates, noncharacters, bidi controls and
 * XML/HTML metacharacters, in any field of a feed, gives well-formed XML (a strict, namespace-
 * aware XML 1.0 parser), and what a reader gets back is the text minus only what XML forbids.
 */
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/archive/markdown/pipeline.ts';
import { rssXml, type RssChannel } from '../../src/archive/output/rss.ts';
import { escapeHtml, xmlChars } from '../../src/archive/output/xml.ts';
import { absoluteHtml } from '../../src/lib/feeds.ts';

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i));
const SPECIAL = [
  ...C0,
  '\u007F', '\u0085', '\u009F', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFE', '\uFFFF', '\uFFFD', '\uFEFF', '\u2028',
  '\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
  '<', '>', '&', '"', "'", ']]>', '<![CDATA[', ']]', '&amp;', '&#0;', '&#x1F;', '&lt;', '</description>', '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '--', '<!--', '<?xml', '\r\n', ' ', 'ا', 'ل', 'ة', '\u064E', '😀', 'a', '0x10', '1e3',
];
/** One UTF-16 code unit or code point of any kind, lone surrogates included. */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)));
const unit = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SPECIAL) }, { weight: 1, arbitrary: anyCodePoint });
const text = fc.array(unit, { maxLength: 1000, size: 'max' }).map((parts) => parts.join('').slice(0, 2000));

/** What XML 1.0 can carry, by its Char production, code point by code point (lone surrogates are one each). */
function expected(input: string): string {
  return [...input]
    .filter((ch) => {
      const c = ch.codePointAt(0)!;
      return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
    })
    .join('');
}

/** Parses with a strict XML parser; the text of each element by path (`rss/channel/item/title`), in order. */
function parse(xml: string): Map<string, string[]> {
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  const stack: { name: string; text: string[] }[] = [];
  const texts = new Map<string, string[]>();
  parser.on('error', (e) => void errors.push(e.message));
  parser.on('opentag', (tag) => void stack.push({ name: tag.name, text: [] }));
  parser.on('text', (t) => void stack.at(-1)?.text.push(t));
  parser.on('cdata', (t) => void stack.at(-1)?.text.push(t));
  parser.on('closetag', () => {
    const key = stack.map((e) => e.name).join('/');
    const element = stack.pop()!;
    texts.set(key, [...(texts.get(key) ?? []), element.text.join('')]);
  });
  parser.write(xml).close();
  expect(errors).toEqual([]);
  return texts;
}

/** The text a reader shows when it renders an HTML field; every element it would create. */
function rendered(html: string): { text: string; elements: string[] } {
  const tree = fromHtml(html, { fragment: true });
  const elements: string[] = [];
  let text = '';
  const walk = (node: (typeof tree)['children'][number] | typeof tree) => {
    if (node.type === 'text') text += node.value;
    if (node.type === 'element') elements.push(node.tagName);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(tree);
  return { text, elements };
}

/** HTML parsers read CR and CRLF as LF. */
const lineEnds = (s: string) => s.replace(/\r\n?/g, '\n');

function channelOf(value: string): RssChannel {
  return {
    title: value,
    description: value,
    link: 'https://archive.example.org/',
    self: 'https://archive.example.org/feed.xml',
    language: 'ar',
    items: [{ title: value, link: 'https://archive.example.org/2021/04/x/', published: Date.UTC(2021, 3, 19), summary: value, html: value, categories: [value, 'ليبيا'], author: value || 'x' }],
  };
}

describe('feed XML', () => {
  it('is well-formed for any text in any field, and gives back the text minus what XML forbids', () => {
    fc.assert(
      fc.property(text, (input) => {
        const texts = parse(rssXml(channelOf(input)));
        const want = expected(input);
        expect(texts.get('rss/channel/title')).toEqual([want]);
        expect(texts.get('rss/channel/item/title')).toEqual([want]);
        expect(texts.get('rss/channel/item/dc:creator')).toEqual([input ? want : 'x']);
        expect(texts.get('rss/channel/item/category')).toEqual([want, 'ليبيا']);
        // content:encoded carries HTML as it is given (the page's sanitised HTML), as XML text.
        expect(texts.get('rss/channel/item/content:encoded')).toEqual([want]);
        // Descriptions are plain text: a reader rendering them as HTML creates no element and shows the text.
        for (const description of [texts.get('rss/channel/description')![0]!, texts.get('rss/channel/item/description')![0]!]) {
          const shown = rendered(description);
          expect(shown.elements).toEqual([]);
          expect(shown.text).toBe(lineEnds(want));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('xmlChars removes exactly what XML forbids, and leaves well-formed UTF-16', () => {
    fc.assert(
      fc.property(text, (input) => {
        const out = xmlChars(input);
        expect(out).toBe(expected(input));
        expect(out.isWellFormed()).toBe(true);
        expect(xmlChars(out)).toBe(out);
      }),
      { numRuns: 500 },
    );
  });

  it('escapeHtml gives HTML text that an HTML parser reads back as the text', () => {
    fc.assert(
      fc.property(text, (input) => {
        const clean = expected(input);
        const shown = rendered(escapeHtml(clean));
        expect(shown.elements).toEqual([]);
        expect(shown.text).toBe(lineEnds(clean));
      }),
      { numRuns: 300 },
    );
  });

  it('absoluteHtml changes only the site-relative href and src of tags, never the text', () => {
    const pieces = ['[رابط](/2021/04/x/)', '[بعيد](//other.example/)', '![صورة](/a.png)', 'href="/x/"', ' src="/y"', '`<a href="/z">`', '<a href="/w/">و</a>', 'نص', '\n\n', ' ', '"', '<', '&'];
    const markdown = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(markdown, (md) => {
        const { html } = renderMarkdown(md);
        const absolute = absoluteHtml(html, 'https://archive.example.org');
        expect(rendered(absolute).text).toBe(rendered(html).text);
        const urls = (h: string) => [...h.matchAll(/<[a-z][^>]*?\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
        expect(urls(absolute)).toEqual(urls(html).map((u) => (u.startsWith('/') && !u.startsWith('//') ? `https://archive.example.org${u}` : u)));
      }),
      { numRuns: 300 },
    );
  });
});
