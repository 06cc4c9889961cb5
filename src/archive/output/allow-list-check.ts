/**
 * Does a piece of HTML hold anything the page allow-list (src/archive/markdown/html-allow-list.ts)
 * would remove? The output check asks it of every HTML field of the feeds (descriptions as a
 * reader renders them, content:encoded): the HTML is parsed as a browser or feed reader parses
 * it (parse5, through hast-util-from-html), then every element, attribute and URL is judged by
 * the rules hast-util-sanitize applies on the pages.
 */
import type { Element, Nodes, Properties } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Schema } from 'hast-util-sanitize';
import { htmlAllowList } from '../markdown/html-allow-list.ts';

type Definition = NonNullable<Schema['attributes']>[string][number];

const allowed = htmlAllowList.attributes ?? {};

/**
 * What the pages may hold: the allow-list, plus what our own plugins change after sanitising:
 * rehype-table-alignment.ts turns GFM's `align` into classes, rehype-rank-headings.ts moves
 * headings down a level or more (the footnotes' `<h2 class="sr-only">` can become an h3), and
 * rehype-pictures.ts makes the pictures (src/archive/media/picture.ts): `<figure>`,
 * `<picture>` and `<source>` with the site's own files; embed-cards.ts the link cards.
 */
export const pageHtmlSchema: Schema = {
  ...htmlAllowList,
  tagNames: [...(htmlAllowList.tagNames ?? []), 'figure', 'figcaption', 'picture', 'source'],
  attributes: {
    ...allowed,
    figure: [['className', 'figure', 'lead-figure']],
    span: [...(allowed['span'] ?? []), ['className', 'figure-caption', 'figure-credit', 'embed-card__label']],
    p: [...(allowed['p'] ?? []), ['className', 'embed-card']],
    bdi: [...(allowed['bdi'] ?? []), ['className', 'embed-card__url']],
    a: [...(allowed['a'] ?? []), ['rel', 'external', 'noopener']],
    source: ['type', 'srcSet', 'sizes'],
    img: [...(allowed['img'] ?? []), 'srcSet', 'sizes', 'width', 'height', ['decoding', 'async'], ['loading', 'lazy'], ['fetchPriority', 'high']],
    ...Object.fromEntries(['td', 'th'].map((tag) => [tag, [...(allowed[tag] ?? []), ['className', 'align-start', 'align-center', 'align-end']]])),
    ...Object.fromEntries(['h3', 'h4', 'h5', 'h6'].map((tag) => [tag, [...(allowed[tag] ?? []), ...(allowed['h2'] ?? [])]])),
  },
};

/** The schema's definition of a property on an element (hast-util-sanitize's lookup, `data*` included). */
function definition(definitions: readonly Definition[] | undefined, key: string): Definition | undefined {
  let dataDefault: Definition | undefined;
  for (const entry of definitions ?? []) {
    const name = typeof entry === 'string' ? entry : entry[0];
    if (name === key) return entry;
    if (name === 'data*') dataDefault = entry;
  }
  return key.length > 4 && key.slice(0, 4).toLowerCase() === 'data' ? dataDefault : undefined;
}

/** Is the URL relative, or of a protocol the schema allows for this property? (hast-util-sanitize's rule) */
function safeProtocol(schema: Schema, key: string, value: string): boolean {
  const protocols = schema.protocols?.[key];
  if (!protocols || protocols.length === 0) return true;
  const colon = value.indexOf(':');
  const question = value.indexOf('?');
  const hash = value.indexOf('#');
  const slash = value.indexOf('/');
  if (colon < 0 || (slash > -1 && colon > slash) || (question > -1 && colon > question) || (hash > -1 && colon > hash)) return true;
  return protocols.some((p) => colon === p.length && value.slice(0, p.length) === p);
}

/** Is one value of a property allowed by its definition? */
function allowedValue(schema: Schema, entry: Definition, key: string, value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return false;
  if (!safeProtocol(schema, key, String(value))) return false;
  if (typeof entry === 'object' && entry.length > 1) {
    if (!entry.slice(1).some((allowed) => (allowed instanceof RegExp ? allowed.test(String(value)) : allowed === value))) return false;
  }
  // The page sanitiser prefixed every id and name (no DOM clobbering); one without it was not sanitised.
  if (schema.clobber?.includes(key) && schema.clobberPrefix && !String(value).startsWith(schema.clobberPrefix)) return false;
  return true;
}

/** What of an element's properties the schema would remove, as `tag[property]`. */
function badProperties(schema: Schema, tag: string, properties: Properties): string[] {
  const specific = schema.attributes?.[tag];
  const defaults = schema.attributes?.['*'];
  const bad: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null) continue;
    const own = definition(specific, key);
    const general = definition(defaults, key);
    // As hast-util-sanitize: a list is judged by the element's own definition when it has one,
    // a single value by the element's definition, then by the one for every element.
    const ok = Array.isArray(value)
      ? (own ?? general) !== undefined && value.every((v) => allowedValue(schema, (own ?? general)!, key, v))
      : [own, general].some((entry) => entry !== undefined && allowedValue(schema, entry, key, value));
    if (!ok) bad.push(`${tag}[${key}]`);
  }
  return bad;
}

/**
 * The elements (`<script>`), attributes (`img[onError]`), URLs (`a[href]` with javascript:) and
 * comments of `html` that the allow-list would remove; empty when all of it is allowed.
 */
export function outsideAllowList(html: string, schema: Schema = pageHtmlSchema): string[] {
  // Without `<` there is no element, comment or doctype: text only.
  if (!html.includes('<')) return [];
  const problems: string[] = [];
  const stack: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'comment' && !schema.allowComments) problems.push('<!-- comment -->');
    if (node.type === 'doctype' && !schema.allowDoctypes) problems.push('<!doctype>');
    if (node.type === 'element') {
      const element = node as Element;
      const tag = element.tagName;
      const allowedTag = !schema.tagNames || schema.tagNames.includes(tag);
      const ancestors = schema.ancestors?.[tag];
      if (!allowedTag || (ancestors && !ancestors.some((a) => stack.includes(a)))) problems.push(`<${tag}>`);
      problems.push(...badProperties(schema, tag, element.properties));
      stack.push(tag);
      for (const child of element.children) walk(child);
      stack.pop();
      // A template's content is a separate fragment in hast.
      if (element.content) walk(element.content);
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(fromHtml(html, { fragment: true }));
  return problems;
}
