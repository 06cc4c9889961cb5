import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** Plain text of the body's first paragraph, whitespace collapsed ('' when there is none). */
    firstParagraph: string;
  }
}

/** Publishes the first paragraph's plain text as `file.data.firstParagraph` (default summary). */
export function remarkCollectSummary() {
  return (tree: Root, file: VFile) => {
    const first = tree.children.find((node) => node.type === 'paragraph');
    file.data.firstParagraph = first ? toString(first).replace(/\s+/g, ' ').trim() : '';
  };
}
