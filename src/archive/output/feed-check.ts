/**
 * The output check of one RSS feed: parsed with a strict XML parser (well-formed, namespaces
 * declared, UTF-8), its items counted, and every field a reader renders as HTML (descriptions,
 * content:encoded) parsed as HTML and held to the page allow-list.
 *
 * Cost: a cold build writes a feed per person and place, and an article's `<item>` is the same
 * bytes in every feed that carries it. So each feed is split at its `<item>…</item>` spans: the
 * rest of the document (the "skeleton", each span replaced by a processing instruction) is
 * parsed, and each distinct span once, inside the namespace declarations in scope where it
 * stands. That is exact: a well-formed skeleton whose placeholders are replaced by spans that are
 * well-formed content in the same namespace scope is a well-formed document (XML has no other
 * context without a DTD, and a DOCTYPE is refused). When anything fails, the whole document is
 * parsed again to report the error where it is, so the shortcut never decides a verdict alone.
 */
import { createHash } from 'node:crypto';
import { outsideAllowList } from './allow-list-check.ts';
import { parseXml, type XmlElement, type XmlVisitor } from './xml.ts';

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const ITEM_OPEN = Buffer.from('<item>');
const ITEM_CLOSE = Buffer.from('</item>');
const PLACEHOLDER_TARGET = 'archive-checked-item';
const PLACEHOLDER = Buffer.from(`<?${PLACEHOLDER_TARGET}?>`);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What the check keeps between feeds (one per build, or carried over from the last ones). */
export interface FeedCheckMemory {
  /** Verdicts on item spans, by digest of their bytes and namespace scope. */
  items: Map<string, ItemVerdict>;
  /** Verdicts on HTML fields, by their text. */
  html: Map<string, string[]>;
  /** The item keys this check looked at. */
  used: Set<string>;
}

/** The clean verdict: well-formed, nothing outside the allow-list. */
const CLEAN: ItemVerdict = Object.freeze({ error: undefined, fields: [] as ItemVerdict['fields'] });

/**
 * A memory for one check. `clean` are item keys earlier checks found clean (`cleanItems`): a
 * verdict is a function of the item's bytes and scope alone, so an item that an entry's feed
 * carries again (a feed is rewritten whenever one of its twenty items changes) is not parsed
 * again. Whoever keeps them must drop them when the checker's code changes.
 */
export function feedCheckMemory(clean: Iterable<string> = []): FeedCheckMemory {
  const items = new Map<string, ItemVerdict>();
  for (const key of clean) items.set(key, CLEAN);
  return { items, html: new Map(), used: new Set() };
}

/** The keys of the items found clean, to carry over to the next check; at most `limit`, those this check used first. */
export function cleanItems(memory: FeedCheckMemory, limit: number): string[] {
  const clean = [...memory.items].filter(([, v]) => v.error === undefined && v.fields.length === 0).map(([key]) => key);
  return clean.length <= limit ? clean : clean.filter((key) => memory.used.has(key)).slice(0, limit);
}

/** What one `<item>` holds: a well-formedness error, or what of its HTML fields the allow-list would remove. */
interface ItemVerdict {
  error?: string | undefined;
  fields: { field: string; bad: string[] }[];
}

/** The fields of an RSS document that readers render as HTML. */
function isHtmlField(element: XmlElement, parent: XmlElement | undefined): boolean {
  if (element.uri === CONTENT_NS && element.local === 'encoded') return true;
  return element.uri === '' && element.local === 'description' && (parent?.local === 'item' || parent?.local === 'channel');
}

const collect = (element: XmlElement) => element.local === 'description' || element.local === 'encoded';

/** What the allow-list would remove from an HTML field (each distinct text judged once). */
function judgeHtml(text: string, memory: FeedCheckMemory): string[] {
  let bad = memory.html.get(text);
  if (!bad) {
    bad = outsideAllowList(text);
    // Long full texts are judged once per item span already; keeping them here would only cost memory.
    if (text.length < 2000) memory.html.set(text, bad);
  }
  return bad;
}

/** A visitor that counts items and judges HTML fields; placeholders count as items too. */
function feedVisitor(memory: FeedCheckMemory, onField: (item: number, field: string, bad: string[]) => void) {
  const state = { items: 0, root: undefined as string | undefined, scopes: [] as { item: number; declarations: string }[] };
  const visitor: XmlVisitor = {
    open(element, ancestors) {
      state.root ??= element.name;
      if (element.local === 'item' && ancestors.at(-1)?.local === 'channel') state.items++;
    },
    close(element, text, ancestors) {
      if (!isHtmlField(element, ancestors.at(-1))) return;
      const bad = judgeHtml(text, memory);
      if (bad.length > 0) onField(ancestors.at(-1)?.local === 'item' ? state.items : 0, element.name, bad);
    },
    instruction(target, ancestors) {
      if (target !== PLACEHOLDER_TARGET || ancestors.at(-1)?.local !== 'channel') return;
      state.items++;
      // The namespace declarations in scope where the item stands.
      const scope: Record<string, string> = {};
      for (const a of ancestors) Object.assign(scope, a.ns);
      const declarations = Object.entries(scope)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([prefix, uri]) => `${prefix ? `xmlns:${prefix}` : 'xmlns'}="${uri.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"`)
        .join(' ');
      state.scopes.push({ item: state.items, declarations });
    },
  };
  return { visitor, state };
}

function fieldProblem(name: string, item: number, field: string, bad: string[]): string {
  const where = item > 0 ? `item ${item}'s` : 'the channel’s';
  return `${name}: ${where} <${field}> holds what the page allow-list removes (${[...new Set(bad)].join(', ')})`;
}

/** The whole document parsed in one go: the reference, used when the shortcut cannot decide. */
function checkWhole(bytes: Buffer, name: string, memory: FeedCheckMemory): { items: number; problems: string[] } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { items: 0, problems: [`${name} is not well-formed XML: it is not valid UTF-8`] };
  }
  const problems: string[] = [];
  const { visitor, state } = feedVisitor(memory, (item, field, bad) => problems.push(fieldProblem(name, item, field, bad)));
  const error = parseXml(text, visitor, collect);
  if (error !== undefined) return { items: state.items, problems: [`${name} is not well-formed XML: ${error}`] };
  if (state.root !== 'rss') problems.push(`${name} is not an RSS document (its root is <${state.root}>)`);
  return { items: state.items, problems };
}

/** Judges one item span, standing where `declarations` are in scope. */
function judgeItem(span: Buffer, declarations: string, memory: FeedCheckMemory): ItemVerdict {
  const key = `${createHash('sha1').update(span).digest('base64url')} ${declarations}`;
  memory.used.add(key);
  const known = memory.items.get(key);
  if (known) return known;
  let verdict: ItemVerdict;
  try {
    const fields: ItemVerdict['fields'] = [];
    const { visitor } = feedVisitor(memory, (_, field, bad) => fields.push({ field, bad }));
    // Inside a wrapper element that declares the namespaces the item sees in the feed.
    const error = parseXml(`<wrapper ${declarations}><channel>${utf8.decode(span)}</channel></wrapper>`, visitor, collect);
    verdict = { error, fields };
  } catch {
    verdict = { error: 'not valid UTF-8', fields: [] };
  }
  memory.items.set(key, verdict);
  return verdict;
}

/**
 * Checks a feed: returns how many items it has, and what is wrong with it (not well-formed XML,
 * not RSS, HTML outside the allow-list), empty when all is well.
 */
export function checkFeed(bytes: Buffer, name: string, memory: FeedCheckMemory): { items: number; problems: string[] } {
  const spans: [number, number][] = [];
  for (let at = bytes.indexOf(ITEM_OPEN); at >= 0; ) {
    const close = bytes.indexOf(ITEM_CLOSE, at);
    if (close < 0) break;
    const end = close + ITEM_CLOSE.length;
    spans.push([at, end]);
    at = bytes.indexOf(ITEM_OPEN, end);
  }
  const parts: Buffer[] = [];
  let last = 0;
  for (const [start, end] of spans) {
    parts.push(bytes.subarray(last, start), PLACEHOLDER);
    last = end;
  }
  parts.push(bytes.subarray(last));
  let skeleton: string;
  try {
    skeleton = utf8.decode(Buffer.concat(parts));
  } catch {
    return checkWhole(bytes, name, memory);
  }
  const problems: string[] = [];
  const { visitor, state } = feedVisitor(memory, (item, field, bad) => problems.push(fieldProblem(name, item, field, bad)));
  if (parseXml(skeleton, visitor, collect) !== undefined || state.scopes.length !== spans.length) return checkWhole(bytes, name, memory);
  for (const [i, { item, declarations }] of state.scopes.entries()) {
    const verdict = judgeItem(bytes.subarray(...spans[i]!), declarations, memory);
    if (verdict.error !== undefined) return checkWhole(bytes, name, memory);
    for (const { field, bad } of verdict.fields) problems.push(fieldProblem(name, item, field, bad));
  }
  if (state.root !== 'rss') problems.push(`${name} is not an RSS document (its root is <${state.root}>)`);
  return { items: state.items, problems };
}
