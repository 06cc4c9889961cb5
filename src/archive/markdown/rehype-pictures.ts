/**
 * After the allow-list: each image remark-resolve-images.ts found becomes a `<picture>` (see
 * src/archive/media/picture.ts), and one that stands alone in its paragraph a `<figure>` whose
 * caption and credit come from its title. Markup of our own, made after sanitising, like the
 * table alignment classes.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { figureElement, pictureElement, splitTitle } from '../media/picture.ts';
import { IMAGE_TOKEN } from './remark-resolve-images.ts';
import { onlyChild } from './only-child.ts';

function imageIndex(node: Element): number | undefined {
  const src = node.tagName === 'img' ? node.properties['src'] : undefined;
  if (typeof src !== 'string' || !src.startsWith(IMAGE_TOKEN)) return undefined;
  const n = Number(src.slice(IMAGE_TOKEN.length));
  return Number.isInteger(n) ? n : undefined;
}

export function rehypePictures() {
  return (tree: Root, file: VFile) => {
    const images = file.data.images ?? [];
    const base = file.data.imageInput?.base ?? '/';
    if (images.length === 0) return;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined) return;
      // A paragraph that holds one picture and nothing else (but white space) is a figure.
      if (node.tagName === 'p') {
        const child = onlyChild(node);
        const only = child && imageIndex(child);
        const found = only !== undefined ? images[only] : undefined;
        if (found) {
          const { caption, credit } = splitTitle(found.title);
          parent.children.splice(index, 1, figureElement(found.image, { alt: found.alt, base, caption, credit, className: 'figure' }));
          return SKIP;
        }
        return;
      }
      const n = imageIndex(node);
      const found = n !== undefined ? images[n] : undefined;
      if (found) {
        parent.children.splice(index, 1, pictureElement(found.image, { alt: found.alt, base }));
        return SKIP;
      }
      return;
    });
  };
}
