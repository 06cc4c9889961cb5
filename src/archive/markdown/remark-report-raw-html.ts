import type { Root } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { htmlAllowList } from './html-allow-list.ts';
import { report } from './report.ts';

/** The tags and attributes a piece of HTML uses, for saying what was removed. */
function inventory(html: string): Set<string> {
  const found = new Set<string>();
  visit(fromHtml(html, { fragment: true }), 'element', (node) => {
    found.add(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) found.add(`${node.tagName}[${name}=${JSON.stringify(value)}]`);
  });
  return found;
}

/**
 * Raw HTML in Markdown is published through an allow-list (see html-allow-list.ts). This
 * reports, where it was written, every piece the allow-list removes, so nothing an editor
 * wrote disappears silently.
 */
export function remarkReportRawHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'html', (node) => {
      const kept = toHtml(sanitize(fromHtml(node.value, { fragment: true }), htmlAllowList));
      const before = inventory(node.value);
      const after = inventory(kept);
      const removed = [...before].filter((item) => !after.has(item));
      if (removed.length === 0) return;
      const tags = removed.filter((r) => r.startsWith('<'));
      const attributes = removed.filter((r) => !r.startsWith('<')).map((r) => r.replace(/=.*\]$/, ']'));
      const what = [...tags, ...attributes].slice(0, 6).join(', ');
      const snippet = node.value.length > 60 ? `${node.value.slice(0, 57)}…` : node.value;
      const quoted = `«${snippet.replace(/\s+/g, ' ')}»`;
      const player = tags.includes('<iframe>');
      report(
        file,
        'markdown',
        'unsafe-html',
        node.position,
        {
          message: `unsafe HTML removed: ${what} in ${quoted}`,
          hint: player
            ? 'a player (<iframe>) is never published: put the address of the video or post on a line of its own, and the page shows a link to it'
            : 'scripts, styles, frames, forms, event handlers and javascript:/data: links are never published; write it in Markdown or remove it',
        },
        {
          message: `حُذف HTML غير آمن: ${what} في ${quoted}`,
          hint: player
            ? 'المشغّل (<iframe>) لا يُنشر أبدا: ضع عنوان المقطع أو المنشور في سطر وحده، فتعرض الصفحة رابطا إليه'
            : 'لا تُنشر أبدا النصوص البرمجية والأنماط والإطارات والنماذج ومعالجات الأحداث وروابط javascript: وdata:؛ اكتبه بـMarkdown أو احذفه',
        },
      );
    });
  };
}
