import type { Element } from 'hast';

/** The one element a paragraph holds, white space aside (a figure's picture, a card's link), or undefined. */
export function onlyChild(paragraph: Element): Element | undefined {
  const content = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return content.length === 1 && content[0]!.type === 'element' ? content[0] : undefined;
}
