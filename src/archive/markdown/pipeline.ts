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
import { report, type Words } from './report.ts';
import { MAX_BODY_BYTES, MAX_EMPHASIS_RUNS, MAX_NESTING, MAX_TREE_DEPTH, nestingProblem, type NestingFinding, remarkTreeDepthGuard, RENDER_BUDGET_MS, TooDeepTree } from './budget.ts';
import { rehypeRankHeadings } from './rehype-rank-headings.ts';
import { rehypeTableAlignment } from './rehype-table-alignment.ts';
import { remarkCollectSummary } from './remark-collect-summary.ts';
import { remarkLinkMentions, type ArticleMentions, type LinkMentionsOptions, type MentionInput } from './remark-link-mentions.ts';
import { remarkReportRawHtml } from './remark-report-raw-html.ts';
import { rehypePictures } from './rehype-pictures.ts';
import { rehypeEmbedCards, remarkEmbeddedPlayers } from './embed-cards.ts';
import { remarkResolveImages, type BodyImage, type ImageInput } from './remark-resolve-images.ts';

/**
 * The one Markdown pipeline: the build, the checker and the tests all render through it.
 * A plugin that is not listed here does not run. Mention linking is on when the registry's
 * mention index is given (articles), off otherwise (registry biographies).
 */
function createProcessor(mentions: LinkMentionsOptions | undefined, rawHtml: boolean) {
  const base = unified().use(remarkParse).use(remarkTreeDepthGuard).use(remarkGfm).use(remarkEmbeddedPlayers).use(remarkReportRawHtml).use(remarkResolveImages).use(remarkCollectSummary);
  const withMentions = mentions ? base.use(remarkLinkMentions, mentions) : base;
  // With raw HTML: parsed (rehype-raw), then everything goes through the allow-list. Without,
  // remark-rehype makes only elements of its own, and parsing HTML for nothing is the slowest
  // step of the pipeline; the allow-list still runs.
  const toHast = rawHtml ? withMentions.use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw) : withMentions.use(remarkRehype);
  return toHast.use(rehypeSanitize, htmlAllowList).use(rehypePictures).use(rehypeEmbedCards).use(rehypeRankHeadings).use(rehypeTableAlignment).use(rehypeStringify).freeze();
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
  /** The pictures of the body, in order (only when the caller resolves images). */
  images: BodyImage[];
  /** Problems found while rendering, located relative to the body's first line. */
  messages: VFile['messages'];
}

/** A renderer: one frozen processor, reused for every body of a build. */
export type Renderer = (markdown: string, options?: { path?: string; mentionInput?: MentionInput; images?: ImageInput }) => RenderedMarkdown;

/** How a renderer is built: mention linking, and the time budget (tests lower it). */
export interface RendererOptions {
  /** Milliseconds one body may take to render; default RENDER_BUDGET_MS. */
  budgetMs?: number;
}

/** What is nested too deeply, in Arabic. */
const NESTING_AR: Record<NestingFinding["what"], string> = {
  'quotes or list levels': 'اقتباسات أو مستويات قوائم',
  'emphasis marks and brackets': 'علامات توكيد وأقواس',
  'HTML elements': 'عناصر HTML',
  'emphasis marks in one paragraph': 'علامات توكيد في فقرة واحدة',
};

/** Creates the renderer of a build; pass the mention options to find and link registry names. */
export function createRenderer(mentions?: LinkMentionsOptions, rendererOptions: RendererOptions = {}): Renderer {
  const plain: Processor<any, any, any, any, string> = createProcessor(mentions, false);
  const withRaw: Processor<any, any, any, any, string> = createProcessor(mentions, true);
  const budgetMs = rendererOptions.budgetMs ?? RENDER_BUDGET_MS;
  return (markdown, options = {}) => {
    const file = new VFile({ value: markdown, ...(options.path ? { path: options.path } : {}) });
    if (options.mentionInput) file.data.mentionInput = options.mentionInput;
    if (options.images) file.data.imageInput = options.images;
    /** A located error, with what to do. */
    const problem = (ruleId: 'too-deep' | 'too-large' | 'too-complex', reason: string, note: string, ar: Words, place = { line: 1, column: 1 }) =>
      report(file, 'markdown', ruleId, { line: place.line, column: place.column }, { message: reason, hint: note }, ar);
    /** Nothing is published: the errors are the outcome. */
    const refused = (): RenderedMarkdown => ({ html: '', firstParagraph: '', mentions: { found: [], demonymsOnly: [], ambiguous: [] }, images: [], messages: file.messages });
    const refuse = (...args: Parameters<typeof problem>): RenderedMarkdown => {
      problem(...args);
      return refused();
    };
    const bytes = Buffer.byteLength(markdown);
    if (bytes > MAX_BODY_BYTES) {
      problem('too-large', `the text is ${(bytes / 1e6).toFixed(1)} MB; more than ${MAX_BODY_BYTES / 1e6} MB cannot be published as one article`, 'split it into several articles, or remove what was pasted by mistake', {
        message: `حجم النص ${(bytes / 1e6).toFixed(1)} م.ب، ولا يُنشر مقال واحد أكبر من ${MAX_BODY_BYTES / 1e6} م.ب`,
        hint: 'قسّمه إلى عدة مقالات، أو احذف ما لُصق خطأً',
      });
    }
    const deep = nestingProblem(markdown);
    if (deep?.what === 'emphasis marks in one paragraph') {
      problem(
        'too-complex',
        `this paragraph has more than ${MAX_EMPHASIS_RUNS.toLocaleString('en')} runs of «*», «_» or «~»; the parser's time grows with the square of their number`,
        'remove the stray marks, escape them as «\\*», or leave blank lines between paragraphs',
        {
          message: `في هذه الفقرة أكثر من ${MAX_EMPHASIS_RUNS.toLocaleString('en')} سلسلة من «*» أو «_» أو «~»، ووقت القراءة يزيد بمربع عددها`,
          hint: 'احذف العلامات الزائدة، أو اكتبها «\\*»، أو اترك سطرا فارغا بين الفقرات',
        },
        deep,
      );
    } else if (deep) {
      problem(
        'too-deep',
        `this line is nested ${deep.depth} levels deep (${deep.what}); more than ${MAX_NESTING} cannot be published`,
        deep.what === 'quotes or list levels'
          ? 'remove the extra «>» markers, list markers or indentation'
          : deep.what === 'HTML elements'
            ? 'close the HTML elements, or write the text in Markdown'
            : 'remove the extra «*», «_», «~» or «[», or escape them as «\\*»',
        {
          message: `هذا السطر متداخل ${deep.depth} مستوى (${NESTING_AR[deep.what]})، ولا يُنشر أكثر من ${MAX_NESTING}`,
          hint:
            deep.what === 'quotes or list levels'
              ? 'احذف علامات «>» أو علامات القوائم أو الإزاحة الزائدة'
              : deep.what === 'HTML elements'
                ? 'أغلق عناصر HTML، أو اكتب النص بـMarkdown'
                : 'احذف «*» أو «_» أو «~» أو «[» الزائدة، أو اكتبها «\\*»',
        },
        deep,
      );
    }
    if (file.messages.length > 0) return refused();
    const started = performance.now();
    let rendered: RenderedMarkdown;
    try {
      const tree = plain.parse(file) as Root;
      const processor = hasRawHtml(tree) ? withRaw : plain;
      const hast = processor.runSync(tree, file);
      const html = processor.stringify(hast, file);
      rendered = { html, firstParagraph: file.data.firstParagraph ?? '', mentions: file.data.mentions, images: file.data.images ?? [], messages: file.messages };
    } catch (error) {
      if (error instanceof TooDeepTree) {
        return refuse('too-deep', `the text is nested more than ${MAX_TREE_DEPTH} elements deep here (quotes, lists, emphasis, links); it cannot be published`, 'simplify the nesting of quotes, lists, emphasis and links', {
          message: `النص هنا متداخل أكثر من ${MAX_TREE_DEPTH} عنصرا (اقتباسات وقوائم وتوكيد وروابط)، فلا يمكن نشره`,
          hint: 'خفّف تداخل الاقتباسات والقوائم والتوكيد والروابط',
        }, error);
      }
      // V8 reports running out of stack as a RangeError, or inside a regular expression as a SyntaxError.
      if (error instanceof Error && /call stack size|stack overflow/i.test(error.message)) {
        return refuse('too-complex', `the text is nested too deeply to render (the renderer ran out of stack: ${error.message})`, 'simplify the nesting of quotes, lists, emphasis, links and HTML', {
          message: `النص متداخل أعمق من أن يُعرض (نفد مكدس العرض: ${error.message})`,
          hint: 'خفّف تداخل الاقتباسات والقوائم والتوكيد والروابط وHTML',
        });
      }
      return refuse('too-complex', `the text could not be rendered: ${error instanceof Error ? error.message : String(error)}`, 'simplify the Markdown of this article; if it looks right, report it with the file', {
        message: `تعذّر عرض النص: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'بسّط Markdown هذا المقال؛ وإن بدا سليما فأبلغ عن المشكلة وأرفق الملف',
      });
    }
    const seconds = (performance.now() - started) / 1000;
    if (seconds * 1000 > budgetMs) {
      return refuse('too-complex', `rendering the text took ${seconds.toFixed(1)} s; one article may take at most ${budgetMs / 1000} s`, 'split the article, or simplify its Markdown (long runs of «*», «[» or HTML tags)', {
        message: `استغرق عرض النص ${seconds.toFixed(1)} ث، وأقصى ما يُعطى مقال واحد ${budgetMs / 1000} ث`,
        hint: 'قسّم المقال، أو بسّط Markdown فيه (سلاسل طويلة من «*» أو «[» أو وسوم HTML)',
      });
    }
    return rendered;
  };
}

/** Renders Markdown without mention linking (registry biographies, tests). */
export const renderMarkdown: Renderer = createRenderer();
