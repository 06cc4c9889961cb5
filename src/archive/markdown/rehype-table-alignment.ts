import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * GFM writes column alignment as the obsolete `align` attribute. This turns it into a class
 * (`align-start`, `align-center`, `align-end`) that the stylesheet maps to logical alignment,
 * so pages stay valid HTML and need no inline style. The colon on the left of `:---` marks
 * where the column's text starts, which in an Arabic table is the right: left → start.
 */
export function rehypeTableAlignment() {
  const classFor: Record<string, string> = { left: 'align-start', center: 'align-center', right: 'align-end' };
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties['align'];
      if (typeof align !== 'string') return;
      delete node.properties['align'];
      const name = classFor[align];
      if (name) node.properties['className'] = [name];
    });
  };
}
