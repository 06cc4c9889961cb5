/** What the output check reads in pages: their tags' URLs, and valid HTML date/time strings. */
import { describe, expect, it } from 'vitest';
import { outsideAllowList } from '../../src/archive/output/allow-list-check.ts';
import { isValidDateWithOptionalTime, isValidTimeDatetime, pageReferences } from '../../src/archive/output/page-check.ts';

describe('<time datetime> values (HTML §2.3.5)', () => {
  it('accepts every kind of valid date and time string', () => {
    for (const value of [
      '2021-04', '2021-04-19', '2020-02-29', '2000-02-29', '10000-01-01', '04-19', '--02-29', '10:30', '10:30:59', '10:30:59.123',
      '2021-04-19T10:30', '2021-04-19 10:30:00', '2021-04-19T10:30:00Z', '2021-04-19T10:30:00+02:00', '2021-04-19T10:30:00-0330',
      'Z', '+02:00', '-0500', '2021-W15', '2020-W53', '2021', '0001', 'PT4H18M3S', 'P2D', 'P1DT2H', '4h 18m 3s', '1w', '3.5s',
    ]) {
      expect(isValidTimeDatetime(value), value).toBe(true);
    }
  });

  it('refuses what is not one: short or negative years, impossible days, bad offsets, words', () => {
    for (const value of [
      '', '1-01-01', '-0538-08', '0000-01-01', '21-04-19', '2021-13', '2021-02-29', '1900-02-29', '2021-04-31', '2021-4-19', '24:00', '10:60',
      '2021-04-19T10:30+24:00', '2021-04-19T', '2021-W54', '2021-W53', '2021-W00', 'P', 'PT', 'P1Y', '1h 2h', '1.5m', 'yesterday', '٢٠٢١-٠٤-١٩',
    ]) {
      expect(isValidTimeDatetime(value), value).toBe(false);
    }
    expect(isValidDateWithOptionalTime('2021-04-19T10:30:00Z')).toBe(true);
    expect(isValidDateWithOptionalTime('10:30')).toBe(false);
  });
});

describe('page references', () => {
  it('reads the URLs and dates of tags, never text that looks like an attribute', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/a.css"><a href="/x/?a=1&amp;b=2#c">x</a><p>ونص href="/not-a-link/" datetime="no"</p>' +
      '<img src="/i.png" srcset="/i-1.png 1x, /i-2.png 2x" alt=""><svg><a xlink:href="/m/">m</a></svg><time datetime="2021-04-19">١٩</time>';
    expect(pageReferences(html)).toEqual({
      urls: ['/_astro/a.css', '/x/?a=1&b=2#c', '/i.png', '/i-1.png', '/i-2.png', '/m/'],
      dates: [{ element: 'time', value: '2021-04-19' }],
    });
  });
});

describe('the allow-list check of feed HTML', () => {
  it('names what the page allow-list removes, and passes what the pages hold', () => {
    expect(outsideAllowList('نص فقط &lt;script&gt;')).toEqual([]);
    expect(outsideAllowList('<p>نص <a class="mention mention--person" data-entity="person" data-id="x" href="https://e.org/people/x/">x</a></p>')).toEqual([]);
    expect(outsideAllowList('<table><tr><td class="align-start">1</td></tr></table><h3 class="sr-only" id="user-content-footnote-label">ح</h3>')).toEqual([]);
    expect(outsideAllowList('<img src=x onerror=alert(1)><svg onload=alert(2)></svg><script>alert(3)</script>')).toEqual(['img[onError]', '<svg>', 'svg[onLoad]', '<script>']);
    expect(outsideAllowList('<a href="javascript:alert(1)">x</a><p id="x">y</p><!-- c -->')).toEqual(['a[href]', 'p[id]', '<!-- comment -->']);
    expect(outsideAllowList('<iframe src=javascript:alert(4)></iframe>')).toEqual(['<iframe>', 'iframe[src]']);
  });
});
