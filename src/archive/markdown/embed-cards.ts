/**
 * Videos and posts of other sites, as static link cards: a bare link on a line of its own to
 * YouTube, X and the like (`https://www.youtube.com/watch?v=…`) becomes a card saying what it is
 * and where it goes («فيديو على يوتيوب»), and so does a YouTube player pasted as an `<iframe>`
 * (which the allow-list would otherwise remove). The page loads nothing from those sites: the
 * reader follows the link.
 */
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
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

/** Where the page of a player is: a YouTube or Vimeo player's video page, or the player's own address. */
export function playerPage(src: string): string {
  const youtube = /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})/i.exec(src);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^https?:\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(src);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return src;
}

/** The players (`<iframe src="https://…">`) of a piece of HTML that holds nothing else, or undefined. */
function playersAlone(html: string): string[] | undefined {
  if (!/<iframe\b/i.test(html)) return undefined;
  const fragment = fromHtml(html, { fragment: true });
  const sources: string[] = [];
  let text = '';
  visit(fragment, (node) => {
    if (node.type === 'text') text += node.value;
    if (node.type === 'element' && node.tagName === 'iframe') {
      const src = String(node.properties['src'] ?? '').trim();
      if (/^https?:\/\//i.test(src)) sources.push(src);
      return SKIP;
    }
    return undefined;
  });
  return sources.length > 0 && text.trim() === '' ? sources : undefined;
}

/**
 * Before the allow-list: a player pasted as HTML (an `<iframe>` of YouTube, Vimeo or any site,
 * alone or in a wrapper such as `<div class="video">`) becomes a bare link to what it plays, on
 * a line of its own: rehypeEmbedCards makes the link to a known site a card, and any other
 * stays a link. Nothing the editor embedded disappears, and the page loads nothing from there.
 */
export function remarkEmbeddedPlayers() {
  return (tree: Root) => {
    visit(tree, 'html', (node: Html, index, parent) => {
      if (!parent || index === undefined || parent.type !== 'root') return;
      const sources = playersAlone(node.value);
      if (!sources) return;
      const paragraphs = sources.map((src): Paragraph => {
        const url = playerPage(src);
        const link: Link = { type: 'link', url, children: [{ type: 'text', value: url }] };
        return { type: 'paragraph', children: [link], ...(node.position ? { position: node.position } : {}) };
      });
      parent.children.splice(index, 1, ...paragraphs);
      return [SKIP, index + paragraphs.length];
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
