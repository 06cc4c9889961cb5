import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { htmlAllowList } from './html-allow-list.ts';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { rehypeRankHeadings } from './rehype-rank-headings.ts';
import { rehypeTableAlignment } from './rehype-table-alignment.ts';
import { remarkCollectSummary } from './remark-collect-summary.ts';
import { remarkLinkMentions, type ArticleMentions, type LinkMentionsOptions, type MentionInput } from './remark-link-mentions.ts';
import { remarkReportRawHtml } from './remark-report-raw-html.ts';

/**
 * The one Markdown pipeline: the build, the checker and the tests all render through it.
 * A plugin that is not listed here does not run. Mention linking is on when the registry's
 * mention index is given (articles), off otherwise (registry biographies).
 */
function createProcessor(mentions: LinkMentionsOptions | undefined, rawHtml: boolean) {
  const base = unified().use(remarkParse).use(remarkGfm).use(remarkReportRawHtml).use(remarkCollectSummary);
  const withMentions = mentions ? base.use(remarkLinkMentions, mentions) : base;
  // With raw HTML: parsed (rehype-raw), then everything goes through the allow-list. Without,
  // remark-rehype makes only elements of its own, and parsing HTML for nothing is the slowest
  // step of the pipeline; the allow-list still runs.
  const toHast = rawHtml ? withMentions.use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw) : withMentions.use(remarkRehype);
  return toHast.use(rehypeSanitize, htmlAllowList).use(rehypeRankHeadings).use(rehypeTableAlignment).use(rehypeStringify).freeze();
}

/** Does a Markdown tree contain raw HTML? */
function hasRawHtml(tree: Root): boolean {
  let found = false;
  visit(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}

/** What rendering one Markdown body gives. */
export interface RenderedMarkdown {
  /** The body as HTML. */
  html: string;
  /** Plain text of the first paragraph. */
  firstParagraph: string;
  /** People and places found (only when mention linking is on). */
  mentions: ArticleMentions | undefined;
  /** Problems found while rendering, located relative to the body's first line. */
  messages: VFile['messages'];
}

/** A renderer: one frozen processor, reused for every body of a build. */
export type Renderer = (markdown: string, options?: { path?: string; mentionInput?: MentionInput }) => RenderedMarkdown;

/** Deeper nesting than any real article has; past it the parser's recursion can overflow the stack. */
const MAX_NESTING = 100;

/**
 * The first line nested deeper than MAX_NESTING (blockquote markers, or indentation as list
 * levels), checked before parsing: 10,000 nested quotes would crash the parser.
 */
function tooDeep(markdown: string): { line: number; depth: number } | undefined {
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const quotes = /^(?:[ \t]*>)*/.exec(line)![0].split('>').length - 1;
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const depth = Math.max(quotes, Math.floor(indent / 2));
    if (depth > MAX_NESTING) return { line: i + 1, depth };
  }
  return undefined;
}

/** Creates the renderer of a build; pass the mention options to find and link registry names. */
export function createRenderer(mentions?: LinkMentionsOptions): Renderer {
  const plain: Processor<any, any, any, any, string> = createProcessor(mentions, false);
  const withRaw: Processor<any, any, any, any, string> = createProcessor(mentions, true);
  return (markdown, options = {}) => {
    const file = new VFile({ value: markdown, ...(options.path ? { path: options.path } : {}) });
    if (options.mentionInput) file.data.mentionInput = options.mentionInput;
    const deep = tooDeep(markdown);
    if (deep) {
      const message = file.message(`this line is nested ${deep.depth} levels deep (quotes or list levels); more than ${MAX_NESTING} cannot be published`, {
        place: { line: deep.line, column: 1 },
        ruleId: 'too-deep',
        source: 'markdown',
      });
      message.note = 'remove the extra «>» markers or indentation';
      return { html: '', firstParagraph: '', mentions: { found: [], demonymsOnly: [], ambiguous: [] }, messages: file.messages };
    }
    const tree = plain.parse(file) as Root;
    const processor = hasRawHtml(tree) ? withRaw : plain;
    const hast = processor.runSync(tree, file);
    const html = processor.stringify(hast, file);
    return { html, firstParagraph: file.data.firstParagraph ?? '', mentions: file.data.mentions, messages: file.messages };
  };
}

/** Renders Markdown without mention linking (registry biographies, tests). */
export const renderMarkdown: Renderer = createRenderer();
