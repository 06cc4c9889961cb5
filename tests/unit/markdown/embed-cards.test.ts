/** Videos and posts of other sites as static link cards (src/archive/markdown/embed-cards.ts), through the one pipeline. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/archive/markdown/pipeline.ts';
import { outsideAllowList } from '../../../src/archive/output/allow-list-check.ts';

const html = (markdown: string) => renderMarkdown(markdown).html;

describe('link cards', () => {
  it('make a bare link on a line of its own to YouTube or X a card: what it is, and where it goes', () => {
    const card = html('قبل.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nبعد.');
    expect(card).toContain('<p class="embed-card"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="external noopener"><span class="embed-card__label">فيديو على يوتيوب</span> <bdi dir="ltr" class="embed-card__url">youtube.com/watch?v=dQw4w9WgXcQ</bdi></a></p>');
    expect(html('<https://x.com/someone/status/1234567890>')).toContain('<span class="embed-card__label">منشور على إكس (تويتر)</span>');
    expect(html('https://youtu.be/dQw4w9WgXcQ')).toContain('فيديو على يوتيوب');
    // The card is markup of our own, within what pages may hold.
    expect(outsideAllowList(card)).toEqual([]);
  });

  it('turn a YouTube player pasted as an iframe into the same card, with nothing removed to report', () => {
    const rendered = renderMarkdown('<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc" frameborder="0" allowfullscreen></iframe>');
    expect(rendered.html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="external noopener">');
    expect(rendered.html).not.toMatch(/<iframe/);
    expect(rendered.messages).toEqual([]);
  });

  it('leave other links as they are: in a sentence, with words of their own, or to other sites', () => {
    expect(html('شاهد https://www.youtube.com/watch?v=dQw4w9WgXcQ الآن.')).not.toContain('embed-card');
    expect(html('[الفيديو](https://www.youtube.com/watch?v=dQw4w9WgXcQ)')).not.toContain('embed-card');
    expect(html('https://example.com/news/1')).not.toContain('embed-card');
  });

  it('keep a link in the place of any player pasted alone, wrapped or not (issue 15, item 18)', () => {
    const vimeo = renderMarkdown('<div class="video"><iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" allow="autoplay"></iframe></div>');
    expect(vimeo.html).toContain('<a href="https://vimeo.com/76979871" rel="external noopener"><span class="embed-card__label">فيديو على فيميو</span>');
    expect(vimeo.messages).toEqual([]);
    // A player of another site: a plain link to it, which loads nothing until followed.
    const other = renderMarkdown('<iframe src="https://player.example.net/embed/42"></iframe>');
    expect(other.html).toBe('<p><a href="https://player.example.net/embed/42">https://player.example.net/embed/42</a></p>');
    expect(other.messages).toEqual([]);
    // Inside a sentence it is not the paragraph's only content: removed, and the warning says what to write instead.
    const inline = renderMarkdown('شاهد <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe> هنا.');
    expect(inline.html).not.toMatch(/iframe/);
    expect(inline.messages.map((m) => m.ruleId)).toEqual(['unsafe-html']);
    expect(inline.messages[0]!.note).toMatch(/put the address of the video or post on a line of its own/);
  });
});
