/**
 * What one Markdown body may cost, so that one article is a located error and never a crashed
 * or stalled build. The parser (micromark) and the tree walkers after it recurse once per level
 * of nesting, and micromark's emphasis and link matching is quadratic in the number of openers
 * left open: 15,000 nested «*» took 16 s and then overflowed the stack. Real articles nest a few
 * levels and render in milliseconds. So, before parsing, a linear scan refuses:
 *
 * - a body over MAX_BODY_BYTES;
 * - a line nested more than MAX_NESTING levels of quotes and lists (leading «>», list markers
 *   on the line — «- - - - …» — or indentation);
 * - a paragraph with more than MAX_NESTING emphasis marks and brackets open at once
 *   («*****…», «*a *b *c …», «[[[[…», «![![…»);
 * - raw HTML with more than MAX_NESTING elements open at once («<div>» × 10,000);
 * - a paragraph with more than MAX_EMPHASIS_RUNS runs of emphasis marks (slow, not deep).
 *
 * After parsing, the tree's depth is measured (iteratively) before anything walks it
 * (`treeDepthGuard`), and the renderer catches a stack overflow as a last resort. The time
 * budget (RENDER_BUDGET_MS) is measured per article; see pipeline.ts and parallel-parse.ts.
 */
import type { Processor } from 'unified';

/** More levels of nesting than any real article has (quotes, lists, emphasis, links, HTML). */
export const MAX_NESTING = 100;

/** Deeper Markdown trees are refused before anything recursive walks them (400 is far from the ~2,000 that overflow). */
export const MAX_TREE_DEPTH = 400;

/** The largest body rendered, in UTF-8 bytes: 10 MB (a long news article is 50 KB; 5 MB of prose renders in under a second). */
export const MAX_BODY_BYTES = 10_000_000;

/**
 * How long rendering one body may take. A real article takes milliseconds, a 5 MB one about a
 * second. Within a thread the time is measured (synchronous code cannot be interrupted), so an
 * article over it is reported once it is done; the build's parser threads are stopped at it.
 */
export const RENDER_BUDGET_MS = 30_000;

/** Where a body is nested too deep, found before parsing. */
export interface NestingFinding {
  /** 1-based line and column in the body. */
  line: number;
  column: number;
  depth: number;
  /** What is nested, for the message. */
  what: 'quotes or list levels' | 'emphasis marks and brackets' | 'HTML elements' | 'emphasis marks in one paragraph';
}

/**
 * More runs of emphasis marks in one paragraph than this make the parser slow (its matching is
 * quadratic: 20,000 «*a*» on consecutive lines took 7 s, 40,000 took 36 s); a real paragraph has
 * a few dozen.
 */
export const MAX_EMPHASIS_RUNS = 10_000;

/** Quote and list markers at the start of a line: «> > - 1. ». */
const BLOCK_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*/;
/** A thematic break («- - -», «***»), possibly inside quotes: its marks are not list levels. */
const THEMATIC_BREAK = /^[ \t>]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^[ \t>]*(`{3,}|~{3,})/;
/** The characters the inline scan looks at. */
const SPECIAL = /[\\[\]*_~<`]/g;
/** An HTML start or end tag, matched where the scan stands. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(\/?)>/y;
/** Elements that have no end tag, or whose end tag HTML lets one leave out: they do not nest. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'option', 'optgroup', 'rt', 'rp',
]);

function width(whitespace: string): number {
  let n = 0;
  for (const c of whitespace) n += c === '\t' ? 4 : 1;
  return n;
}

/** How many quote and list levels a line opens, and whether it starts a list item. */
function blockDepth(line: string): { depth: number; item: boolean } {
  const prefix = BLOCK_PREFIX.exec(line)![0];
  const leading = /^[ \t]*/.exec(prefix)![0];
  if (THEMATIC_BREAK.test(line)) {
    // «- - -» and «***» are a rule, not lists: only the quotes around it nest.
    return { depth: Math.max(Math.floor(width(leading) / 2), prefix.split('>').length - 1), item: false };
  }
  let markers = 0;
  let inner = 0;
  let item = false;
  for (const m of prefix.slice(leading.length).matchAll(/[ \t]+|>|[-*+]|\d{1,9}[.)]/g)) {
    if (/^[ \t]/.test(m[0])) inner += width(m[0]);
    else {
      markers++;
      if (m[0] !== '>') item = true;
    }
  }
  // One space after each marker belongs to it; more is indentation (two columns a level).
  const depth = Math.max(Math.floor(width(leading) / 2), markers + Math.floor(Math.max(0, inner - markers) / 2));
  return { depth, item };
}

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isPunctuation = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/**
 * The first place a body nests deeper than `max`, or undefined. Linear in the body's length;
 * code (fenced blocks, code spans) is skipped. An estimate that errs on the side of counting:
 * emphasis marks that could open count until something could close them.
 */
export function nestingProblem(markdown: string, max = MAX_NESTING): NestingFinding | undefined {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let inline = 0;
  let runs = 0;
  let html = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opensFence = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opensFence && opensFence[0] === fence[0] && opensFence.length >= fence.length && /^[ \t>]*[`~]+[ \t]*$/.test(line)) fence = undefined;
      continue;
    }
    const { depth, item } = blockDepth(line);
    if (depth > max) return { line: i + 1, column: 1, depth, what: 'quotes or list levels' };
    if (opensFence) {
      fence = opensFence;
      continue;
    }
    // A blank line ends the paragraph: what it left open can no longer close.
    if (line.trim() === '' || /^[ \t>]*$/.test(line)) {
      inline = 0;
      runs = 0;
      continue;
    }
    // A list item, a heading or a rule starts a new block: nothing before it stays open.
    if (item || /^[ \t>]*#/.test(line) || THEMATIC_BREAK.test(line)) {
      inline = 0;
      runs = 0;
    }
    SPECIAL.lastIndex = 0;
    const unclosed = new Set<number>();
    for (let m = SPECIAL.exec(line); m; m = SPECIAL.exec(line)) {
      const j = m.index;
      const c = m[0];
      if (c === '\\') {
        SPECIAL.lastIndex = j + 2;
        continue;
      }
      if (c === '`') {
        let k = j;
        while (line[k] === '`') k++;
        const run = line.slice(j, k);
        // A run never closed on this line is not looked for again (linear on «`` ``` ````…»).
        const close = unclosed.has(run.length) ? -1 : line.indexOf(run, k);
        if (close < 0) unclosed.add(run.length);
        SPECIAL.lastIndex = close < 0 ? k : close + run.length;
        continue;
      }
      if (c === '[') inline++;
      else if (c === ']') inline = Math.max(0, inline - 1);
      else if (c === '<') {
        TAG.lastIndex = j;
        const tag = TAG.exec(line);
        if (!tag) continue;
        SPECIAL.lastIndex = j + tag[0].length;
        if (NOT_NESTING.has(tag[2]!.toLowerCase()) || tag[3]) continue;
        html = tag[1] ? Math.max(0, html - 1) : html + 1;
        if (html > max) return { line: i + 1, column: j + 1, depth: html, what: 'HTML elements' };
        continue;
      } else {
        // A run of «*», «_» and «~»: it may open (followed by text), close (preceded by text), or
        // both; inside a word, «_» does neither.
        let k = j;
        while (line[k] === '*' || line[k] === '_' || line[k] === '~') k++;
        SPECIAL.lastIndex = k;
        // CommonMark's flanking rules: before a mark of punctuation, a run opens only after a
        // space or punctuation (and the other way round for closing).
        const before = j > 0 ? line[j - 1] : undefined;
        const after = line[k];
        const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
        const right = before !== undefined && !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
        const underscore = !/[*~]/.test(line.slice(j, k));
        const opens = left && (!underscore || !right || isPunctuation(before));
        const closes = right && (!underscore || !left || isPunctuation(after));
        const run = k - j;
        if (closes && inline > 0) inline = Math.max(0, inline - run);
        else if (opens) inline += run;
        // Matching emphasis costs time in the square of the marks in a paragraph.
        if (opens || closes) runs++;
        if (runs > MAX_EMPHASIS_RUNS) return { line: i + 1, column: j + 1, depth: runs, what: 'emphasis marks in one paragraph' };
      }
      if (inline > max) return { line: i + 1, column: j + 1, depth: inline, what: 'emphasis marks and brackets' };
    }
  }
  return undefined;
}

/** Thrown from inside the parser when its tree is deeper than MAX_TREE_DEPTH. */
export class TooDeepTree extends Error {
  readonly depth: number;
  readonly line: number;
  readonly column: number;
  constructor(depth: number, line: number, column: number) {
    super(`the Markdown tree is more than ${MAX_TREE_DEPTH} levels deep`);
    this.depth = depth;
    this.line = line;
    this.column = column;
    this.name = 'TooDeepTree';
  }
}

interface Node {
  children?: Node[];
  position?: { start: { line: number; column: number } };
}

/** The depth of a tree, measured without recursion; throws TooDeepTree past `max`. */
export function checkTreeDepth(tree: Node, max = MAX_TREE_DEPTH): number {
  let deepest = 0;
  const stack: [Node, number][] = [[tree, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) throw new TooDeepTree(depth, node.position?.start.line ?? 1, node.position?.start.column ?? 1);
    deepest = Math.max(deepest, depth);
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * A remark plugin that measures the tree as soon as it is built, before the transforms of the
 * plugins after it (GFM's autolink literals walk the tree recursively). Use it before remark-gfm.
 */
export function remarkTreeDepthGuard(this: Processor) {
  const data = this.data() as { fromMarkdownExtensions?: unknown[] };
  (data.fromMarkdownExtensions ??= []).push({ transforms: [(tree: Node) => void checkTreeDepth(tree)] });
}
