/**
 * Videos and posts of other sites, as static link cards: a bare link on a line of its own to
 * YouTube, X and the like (`https://www.youtube.com/watch?v=…`) becomes a card saying what it is
 * and where it goes («فيديو على يوتيوب»), and so does a YouTube player pasted as an `<iframe>`
 * (which the allow-list would otherwise remove). The page loads nothing from those sites: the
 * reader follows the link.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Html, Link, Paragraph, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { onlyChild } from './only-child.ts';

/** The sites whose links become cards, and how a card names what it links to. */
const PROVIDERS: { hosts: RegExp; label: string }[] = [
  { hosts: /^(?:www\.|m\.|music\.)?youtube\.com$|^youtu\.be$/, label: 'فيديو على يوتيوب' },
  { hosts: /^(?:www\.|mobile\.)?(?:x|twitter)\.com$/, label: 'منشور على إكس (تويتر)' },
  { hosts: /^(?:www\.)?vimeo\.com$/, label: 'فيديو على فيميو' },
  { hosts: /^(?:www\.|m\.)?facebook\.com$|^fb\.watch$/, label: 'منشور على فيسبوك' },
  { hosts: /^(?:www\.)?instagram\.com$/, label: 'منشور على إنستغرام' },
  { hosts: /^(?:www\.)?tiktok\.com$/, label: 'فيديو على تيك توك' },
  { hosts: /^t\.me$/, label: 'منشور على تيليغرام' },
];

/** What a card calls the page a link goes to, or undefined when it is not a site that gets cards. */
export function embedLabel(url: string): string | undefined {
  let host: string;
  try {
    const parsed = new URL(url);
    if (!/^https?:$/.test(parsed.protocol)) return undefined;
    host = parsed.hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return PROVIDERS.find((p) => p.hosts.test(host))?.label;
}

/** A YouTube player pasted as HTML: `<iframe src="https://www.youtube.com/embed/ID…"></iframe>`, alone. */
const YOUTUBE_IFRAME = /^\s*<iframe\b[^>]*\ssrc=["']https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})[^"']*["'][^>]*>\s*<\/iframe>\s*$/i;

/** Before the allow-list: a YouTube player standing alone becomes a bare link to its video (which rehypeEmbedCards makes a card). */
export function remarkEmbeddedPlayers() {
  return (tree: Root) => {
    visit(tree, 'html', (node: Html, index, parent) => {
      if (!parent || index === undefined || parent.type !== 'root') return;
      const id = YOUTUBE_IFRAME.exec(node.value)?.[1];
      if (!id) return;
      const url = `https://www.youtube.com/watch?v=${id}`;
      const link: Link = { type: 'link', url, children: [{ type: 'text', value: url }] };
      parent.children.splice(index, 1, { type: 'paragraph', children: [link], ...(node.position ? { position: node.position } : {}) } satisfies Paragraph);
      return SKIP;
    });
  };
}

/** The text of an element. */
function textOf(node: Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}

/** After the allow-list: a paragraph that is only a bare link to one of those sites becomes a card. */
export function rehypeEmbedCards() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const child = onlyChild(node);
      const link = child?.tagName === 'a' ? child : undefined;
      const href = link && typeof link.properties['href'] === 'string' ? link.properties['href'] : undefined;
      if (!link || !href || textOf(link).trim() !== href) return;
      const label = embedLabel(href);
      if (!label) return;
      const shown = href.replace(/^https?:\/\/(?:www\.)?/, '');
      parent.children.splice(index, 1, {
        type: 'element',
        tagName: 'p',
        properties: { className: ['embed-card'] },
        children: [
          {
            type: 'element',
            tagName: 'a',
            properties: { href, rel: ['external', 'noopener'] },
            children: [
              { type: 'element', tagName: 'span', properties: { className: ['embed-card__label'] }, children: [{ type: 'text', value: label }] },
              { type: 'text', value: ' ' },
              { type: 'element', tagName: 'bdi', properties: { dir: 'ltr', className: ['embed-card__url'] }, children: [{ type: 'text', value: shown }] },
            ],
          },
        ],
      });
      return SKIP;
    });
  };
}
