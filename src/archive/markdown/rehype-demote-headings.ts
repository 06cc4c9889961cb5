import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Shifts body headings down one level (# → h2 …), because the page's only `<h1>` is the
 * article's title. Levels stop at h6.
 */
export function rehypeDemoteHeadings() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const match = /^h([1-6])$/.exec(node.tagName);
      if (match) node.tagName = `h${Math.min(6, Number(match[1]) + 1)}`;
    });
  };
}
