import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Warns about raw HTML in Markdown. The pipeline does not publish raw HTML (it could carry
 * scripts); rather than drop an editor's text silently, every occurrence is reported.
 */
export function remarkReportRawHtml() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'html', (node) => {
      const snippet = node.value.length > 60 ? `${node.value.slice(0, 57)}…` : node.value;
      const message = file.message(`raw HTML is not published: «${snippet.replace(/\s+/g, ' ')}»`, {
        place: node.position,
        ruleId: 'raw-html',
        source: 'markdown',
      });
      message.note = 'write it in Markdown instead (e.g. **bold**, [link](https://…)), or remove it';
    });
  };
}
