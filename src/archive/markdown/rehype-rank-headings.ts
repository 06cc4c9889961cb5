import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Fits body headings under the page's only `<h1>` (the article's title): the highest level the
 * body uses becomes h2, the next h3, and so on, closing gaps (## then #### → h2 then h3), so
 * the page outline never skips a level whichever of # or ## an editor starts with.
 */
export function rehypeRankHeadings() {
  return (tree: Root) => {
    const headings: { node: Element; level: number }[] = [];
    visit(tree, 'element', (node) => {
      const match = /^h([1-6])$/.exec(node.tagName);
      if (match) headings.push({ node, level: Number(match[1]) });
    });
    const levels = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b);
    for (const { node, level } of headings) node.tagName = `h${Math.min(6, levels.indexOf(level) + 2)}`;
  };
}
