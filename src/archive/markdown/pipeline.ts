import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypeRankHeadings } from './rehype-rank-headings.ts';
import { rehypeTableAlignment } from './rehype-table-alignment.ts';
import { remarkCollectSummary } from './remark-collect-summary.ts';
import { remarkReportRawHtml } from './remark-report-raw-html.ts';

/**
 * The one Markdown pipeline: the build, the checker and the tests all render through it.
 * A plugin that is not listed here does not run.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkReportRawHtml)
  .use(remarkCollectSummary)
  .use(remarkRehype)
  .use(rehypeRankHeadings)
  .use(rehypeTableAlignment)
  .use(rehypeStringify)
  .freeze();

/** What rendering one Markdown body gives. */
export interface RenderedMarkdown {
  /** The body as HTML. */
  html: string;
  /** Plain text of the first paragraph. */
  firstParagraph: string;
  /** Problems found while rendering, located relative to the body's first line. */
  messages: VFile['messages'];
}

/** Renders a Markdown body once: HTML plus the data the plugins publish. */
export function renderMarkdown(markdown: string, path?: string): RenderedMarkdown {
  const file = new VFile({ value: markdown, ...(path ? { path } : {}) });
  const tree = processor.parse(file);
  const hast = processor.runSync(tree, file);
  const html = processor.stringify(hast, file);
  return { html, firstParagraph: file.data.firstParagraph ?? '', messages: file.messages };
}
