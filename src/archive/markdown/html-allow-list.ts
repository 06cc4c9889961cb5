/**
 * What HTML editors may write inside Markdown: GitHub's allow-list (hast-util-sanitize's
 * default schema: <sup>, <sub>, <abbr>, <kbd>, <del>, <ins>, <details>, tables, images and links
 * with http(s) addresses…) plus <abbr title>, <mark>, <small>, <cite>, <q>, <bdi>, <bdo>, <time>
 * and `dir`/`lang` on any element, for Latin names inside Arabic text. It drops <script>, <style>, <iframe>, <form>, event-handler
 * attributes and javascript:/data: URLs. Plus the classes and data attributes our own plugins
 * put on mention links and table cells.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

const tagAttributes = defaultSchema.attributes ?? {};

/** The class values GitHub's list allows on an element, plus ours (one className rule per tag counts). */
function classes(tag: string, ours: string[]) {
  const rules = tagAttributes[tag] ?? [];
  const theirs = rules.flatMap((r) => (Array.isArray(r) && r[0] === 'className' ? r.slice(1) : []));
  return [...rules.filter((r) => !(Array.isArray(r) && r[0] === 'className')), ['className', ...theirs, ...ours] as [string, ...string[]]];
}

/** Inline elements news text uses that GitHub's list leaves out, with direction for mixed scripts. */
const extraTags = ['abbr', 'mark', 'small', 'cite', 'q', 'bdi', 'bdo', 'time'];

/** The allow-list used on every article body. */
export const htmlAllowList: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...extraTags],
  attributes: {
    ...tagAttributes,
    '*': [...(tagAttributes['*'] ?? []), 'dir', 'lang'],
    abbr: ['title'],
    q: ['cite'],
    time: ['dateTime'],
    // A mention's class names its family (a fixed set, for styles); data-entity names its kind.
    a: [...classes('a', ['mention', 'mention--person', 'mention--place', 'mention--organisation', 'mention--term']), 'dataEntity', 'dataId'],
    td: [...(tagAttributes['td'] ?? []), 'align'],
    th: [...(tagAttributes['th'] ?? []), 'align'],
  },
};
