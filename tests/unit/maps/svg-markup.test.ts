import { describe, expect, it } from 'vitest';
import { attributes, escapeXml, formatNumber, safeHref } from '../../../src/archive/maps/svg-markup.ts';

describe('svg markup', () => {
  it('escapes the five XML specials and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('طرابلس\u0000\u0008\uFFFE \uD800')).toBe('طرابلس ');
    expect(escapeXml('👍 «غدامس»')).toBe('👍 «غدامس»');
  });

  it('lets through site paths, fragments and http(s) links only', () => {
    for (const ok of ['/places/tripoli/', '/%D8%B7/', '#map', '../x/', 'places/x/', 'https://example.org/a?b=1&c=2'])
      expect(safeHref(ok)).toBe(ok);
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', ''])
      expect(safeHref(bad)).toBeUndefined();
  });

  it('writes numbers short and attributes escaped, path data as is', () => {
    expect(formatNumber(12.04)).toBe('12');
    expect(formatNumber(-0.04)).toBe('0');
    expect(formatNumber(3.25)).toBe('3.3');
    expect(attributes({ a: 'x"y', b: 1.5, c: undefined, d: 'M1 2l3-4z' })).toBe(' a="x&quot;y" b="1.5" d="M1 2l3-4z"');
    expect(attributes({ d: 'M1 2"/><script>' })).toBe(' d="M1 2&quot;/&gt;&lt;script&gt;"');
  });
});
