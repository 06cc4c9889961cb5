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

  it('does not publish raw HTML, and reports where it was', () => {
    const r = renderMarkdown('نص.\n\n<script>alert(1)</script>\n\n<b onclick="x()">عريض</b>');
    expect(r.html).not.toContain('<script');
    expect(r.html).not.toContain('onclick');
    expect(r.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['raw-html', 3],
      ['raw-html', 5],
      ['raw-html', 5],
    ]);
  });

  it('takes the first paragraph as plain text for the default summary', () => {
    expect(renderMarkdown('## عنوان\n\nفقرة **مهمة** مع [رابط](https://example.org).').firstParagraph).toBe('فقرة مهمة مع رابط.');
  });
});
