import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/archive/markdown/pipeline.ts';

describe('the Markdown pipeline', () => {
  it('renders paragraphs separated by blank lines and keeps the text as written', () => {
    const r = renderMarkdown('وصل الوزير، ، إلى طرابلس.\n\nوقد عقد الوفد لقاءين.');
    expect(r.html).toBe('<p>وصل الوزير، ، إلى طرابلس.</p>\n<p>وقد عقد الوفد لقاءين.</p>');
    expect(r.firstParagraph).toBe('وصل الوزير، ، إلى طرابلس.');
    expect(r.messages).toEqual([]);
  });

  it('joins lines without a blank line into one paragraph (CommonMark)', () => {
    expect(renderMarkdown('سطر أول\nسطر ثان').html).toBe('<p>سطر أول\nسطر ثان</p>');
  });

  it('fits body headings under the page title without skipping levels', () => {
    expect(renderMarkdown('# عنوان\n\n## فرعي').html).toBe('<h2>عنوان</h2>\n<h3>فرعي</h3>');
    expect(renderMarkdown('## عنوان\n\n#### فرعي').html).toBe('<h2>عنوان</h2>\n<h3>فرعي</h3>');
    expect(renderMarkdown('### وحيد').html).toBe('<h2>وحيد</h2>');
  });

  it('renders GFM tables with alignment as classes, not the obsolete align attribute', () => {
    const html = renderMarkdown('| السنة | الصادرات |\n| :--- | ---: |\n| 2022 | 1.2 |').html;
    expect(html).toContain('<table>');
    expect(html).toContain('<th class="align-start">السنة</th>');
    expect(html).toContain('<td class="align-end">1.2</td>');
    expect(html).not.toContain('align=');
  });

  it('keeps harmless HTML and reports nothing', () => {
    const r = renderMarkdown('الماء H<sub>2</sub>O و<abbr title="الأمم المتحدة">أ.م</abbr> والهامش<sup>1</sup>.');
    expect(r.html).toBe('<p>الماء H<sub>2</sub>O و<abbr title="الأمم المتحدة">أ.م</abbr> والهامش<sup>1</sup>.</p>');
    expect(r.messages).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>', /<script/],
    ['<style>p{}</style>', /<style/],
    ['<p>نص <iframe src="https://example.org"></iframe></p>', /<iframe/],
    ['<p onclick="x()">نص</p>', /onclick/i],
    ['<a href="javascript:alert(1)">رابط</a>', /javascript:/],
    ['<img src="data:image/png;base64,AAAA" alt="x">', /data:/],
    // The allow-list keeps only inert task-list checkboxes: <input disabled type="checkbox">.
    ['<form action="https://evil.example"><input name="q" type="text"></form>', /<form|action=|type="text"/],
    ['<a href="https://example.org" onmouseover="x()">رابط</a>', /onmouseover/i],
    ['<svg><script>alert(1)</script></svg>', /<script|<svg/],
  ])('removes %s and says where', (html, forbidden) => {
    const r = renderMarkdown(`نص.\n\n${html}\n`);
    expect(r.html).not.toMatch(forbidden);
    expect(r.messages.length).toBeGreaterThan(0);
    for (const m of r.messages) expect([m.ruleId, m.line]).toEqual(['unsafe-html', 3]);
  });

  it('keeps safe links and images', () => {
    const html = renderMarkdown('<a href="https://example.org/x">رابط</a> <img src="https://example.org/a.png" alt="صورة">').html;
    expect(html).toContain('<a href="https://example.org/x">رابط</a>');
    expect(html).toContain('<img src="https://example.org/a.png" alt="صورة">');
  });

  it('takes the first paragraph as plain text for the default summary', () => {
    expect(renderMarkdown('## عنوان\n\nفقرة **مهمة** مع [رابط](https://example.org).').firstParagraph).toBe('فقرة مهمة مع رابط.');
  });
});
