/**
 * The output check of one feed (src/archive/output/feed-check.ts): its shortcut (each distinct
 * `<item>` parsed once, in the namespace scope where it stands) gives the verdicts a parse of
 * the whole document gives, and never lets an ill-formed or unsafe item through.
 */
import { describe, expect, it } from 'vitest';
import { checkFeed, cleanItems, feedCheckMemory } from '../../src/archive/output/feed-check.ts';
import { rssXml, type RssItem } from '../../src/archive/output/rss.ts';

const item = (n: number, html = `<p>نص ${n}</p>`): RssItem => ({
  title: `مقال ${n}`,
  link: `https://archive.example.org/2021/04/a${n}/`,
  published: Date.UTC(2021, 3, n),
  summary: `ملخص ${n} <b>`,
  html,
  categories: ['ليبيا'],
  author: 'كاتب',
});
const feed = (items: RssItem[], description = 'وصف') =>
  rssXml({ title: 'أرشيف', description, link: 'https://archive.example.org/', self: 'https://archive.example.org/feed.xml', language: 'ar', items });
const check = (xml: string | Buffer, memory = feedCheckMemory()) => checkFeed(Buffer.isBuffer(xml) ? xml : Buffer.from(xml), '/feed.xml', memory);

describe('the feed check', () => {
  it('passes a feed we write, and counts its items', () => {
    expect(check(feed([item(1), item(2), item(3)]))).toEqual({ items: 3, problems: [] });
    expect(check(feed([]))).toEqual({ items: 0, problems: [] });
  });

  it('re-reads an item whose bytes differ, though another feed had the same article', () => {
    const memory = feedCheckMemory();
    expect(check(feed([item(1), item(2)]), memory).problems).toEqual([]);
    const tampered = feed([item(1), item(2)]).replace('نص 2&lt;/p&gt;', 'نص 2&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(check(tampered, memory).problems).toEqual(["/feed.xml: item 2's <content:encoded> holds what the page allow-list removes (<script>)"]);
    expect(check(feed([item(1)], '<iframe src=javascript:alert(1)>').replace('&amp;lt;iframe src=javascript:alert(1)&amp;gt;', '&lt;iframe src=javascript:alert(1)&gt;'), memory).problems).toEqual([
      '/feed.xml: the channel’s <description> holds what the page allow-list removes (<iframe>, iframe[src])',
    ]);
  });

  it('carries the items found clean to the next check, which parses only the items that changed', () => {
    const first = feedCheckMemory();
    expect(check(feed([item(1), item(2)]), first).problems).toEqual([]);
    expect(first.html.size).toBeGreaterThan(1);
    const carried = cleanItems(first, 100);
    expect(carried).toHaveLength(2);
    // The same items again: none is parsed (the only HTML field judged is the channel's description).
    const second = feedCheckMemory(carried);
    expect(check(feed([item(2), item(1)]), second)).toEqual({ items: 2, problems: [] });
    expect([...second.html.keys()]).toEqual(['وصف']);
    // An item that changed is judged, and what it holds is found.
    const changed = feedCheckMemory(carried);
    expect(check(feed([item(1), item(3, '<p>نص</p><script>alert(1)</script>')]), changed).problems).toEqual(["/feed.xml: item 2's <content:encoded> holds what the page allow-list removes (<script>)"]);
    expect(cleanItems(changed, 100)).toHaveLength(2);
    // Over the limit, the items this check used are kept first.
    expect(cleanItems(changed, 1)).toHaveLength(1);
  });

  it('finds what makes an item ill-formed, and says where in the whole document', () => {
    for (const [bad, message] of [
      ['\u000b', /^\/feed\.xml is not well-formed XML: 1:\d+: disallowed character\.$/],
      ['<x:y/>', /^\/feed\.xml is not well-formed XML: 1:\d+: unbound namespace prefix: "x"\.$/],
      ['&nbsp;', /^\/feed\.xml is not well-formed XML: 1:\d+: undefined entity\.$/],
      [']]>', /^\/feed\.xml is not well-formed XML: 1:\d+: the string "]]>" is disallowed in char data\.$/],
    ] as const) {
      const xml = feed([item(1), item(2)]).replace('مقال 2', `مقال 2${bad}`);
      const result = check(xml);
      expect(result.problems, bad).toHaveLength(1);
      expect(result.problems[0], bad).toMatch(message);
    }
    expect(check(Buffer.concat([Buffer.from(feed([item(1)]).slice(0, 300)), Buffer.from([0xff, 0xfe]), Buffer.from(feed([item(1)]).slice(300))])).problems).toEqual([
      '/feed.xml is not well-formed XML: it is not valid UTF-8',
    ]);
  });

  it('gives the whole-document verdict when the item spans are not what they seem', () => {
    // `<item>` inside CDATA, and an item that declares a namespace of its own: well-formed.
    const cdata = feed([item(1)]).replace('<title>مقال 1</title>', '<title><![CDATA[<item>]]></title>');
    expect(check(cdata)).toEqual({ items: 1, problems: [] });
    const declared = feed([item(1)]).replace('<item>', '<item xmlns:x="urn:x">').replace('</item>', '<x:y/></item>');
    expect(check(declared)).toEqual({ items: 1, problems: [] });
    // A DOCTYPE could declare entities: refused.
    expect(check(feed([item(1)]).replace('<rss ', '<!DOCTYPE rss><rss ')).problems[0]).toMatch(/is not well-formed XML: .*DOCTYPE/);
    expect(check('<?xml version="1.0"?><feed/>').problems).toEqual(['/feed.xml is not an RSS document (its root is <feed>)']);
  });
});
