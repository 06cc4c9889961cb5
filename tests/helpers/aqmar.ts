/**
 * The AQMAR measuring protocol (shared/realtext/aqmar/README.md, tests/fixtures/aqmar/):
 *
 * 1. A registry built from the gold PER / LOC / ORG labels as an editor would: one entry per
 *    distinct name, spellings that differ only by folding or by leading proclitics merged
 *    («بدمشق» is دمشق), names the text mostly uses as ordinary words left out (see
 *    `ORDINARY_WORD_RULE`). MISC is not registered.
 * 2. Each item rendered as one article (its sentences as paragraphs, no front matter tags)
 *    through the build's own renderer and remark plugin, so what is scored is what the build links.
 * 3. (article, entity) pairs scored: linked and in the item's gold, a true positive; linked and
 *    not in gold, a false positive; in gold and not linked, a miss. False positives are sorted
 *    by cause, from where the link was put. A link over a longer registered name whose words
 *    the gold labels only in part is not scored either way (see `PART_LABEL_RULE`).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { createRenderer, type Renderer } from '../../src/archive/markdown/pipeline.ts';
import { MentionIndex } from '../../src/archive/model/mention-index.ts';
import type { Organisation } from '../../src/archive/model/organisation.ts';
import type { Person } from '../../src/archive/model/person.ts';
import type { Place } from '../../src/archive/model/place.ts';
import type { Entity } from '../../src/archive/model/registry.ts';
import { readings, tokenize } from '../../src/archive/text/tokens.ts';
import { isHeadOf } from '../../src/archive/text/words.ts';
import { settings } from '../../src/settings.ts';
import { ROOT } from './content.ts';

export const AQMAR_ITEMS = path.join(ROOT, 'tests/fixtures/aqmar/items.jsonl');

export type LabelType = 'PER' | 'LOC' | 'ORG' | 'MISC';

export interface Label {
  type: LabelType;
  text: string;
  start: number;
  end: number;
}

export interface Paragraph {
  text: string;
  entities: Label[];
}

export interface Item {
  id: string;
  article: string;
  paragraphs: Paragraph[];
}

export function loadItems(file = AQMAR_ITEMS): Item[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Item);
}

/** The kinds of entry the gold labels become. */
export type Kind = 'person' | 'place' | 'organisation';
export const KINDS: readonly Kind[] = ['person', 'place', 'organisation'];
const KIND_OF: Record<Exclude<LabelType, 'MISC'>, Kind> = { PER: 'person', LOC: 'place', ORG: 'organisation' };

/** The folded words of a text, joined by spaces: the key two spellings share when they fold alike. */
export function formKey(text: string): string {
  return tokenize(text)
    .map((t) => t.folded)
    .join(' ');
}

/** One distinct name of the gold, with how the corpus uses it. */
export interface GoldName {
  /** The folded form, proclitics read off. */
  key: string;
  /** What it is registered as: the type most of its labels carry (ties: LOC, ORG, PER before MISC). */
  type: LabelType;
  /** Labels of each type that this name carries (any spelling, with or without proclitics). */
  labels: Record<LabelType, number>;
  /** Times the form occurs where no label covers it (see `ORDINARY_WORD_RULE`). */
  unlabelled: number;
  /** The spellings written in the labels, most frequent first. */
  spellings: string[];
  /** The entry, when registered. */
  entity?: Entity;
  /** The name this one is another form of: a title or head noun before it («الإمام الحسين» → «الحسين», «نادي ريال مدريد» → «ريال مدريد»). */
  aliasOf?: GoldName;
  /** Why it was left out, when it was. */
  leftOut?: string;
}

/**
 * The rule for leaving out names the text mostly uses as ordinary words: a name is not
 * registered when its form (any folded spelling, a proclitic allowed, but no article «ال»
 * added that the name does not have) occurs in the corpus outside every label more often than
 * it occurs labelled as a person, place or organisation. It is a rule about the form in this
 * text, not a list: «آي» (IBM's first letters, also «أي» "which") goes, «المسلمين» stays.
 */
export const ORDINARY_WORD_RULE =
  'a name is left out when its form occurs outside every label more often than labelled PER/LOC/ORG (proclitics read off, no article added)';

/**
 * The rule for names the annotators labelled inconsistently by their length: where the build
 * links a registered name (so one labelled whole elsewhere in the corpus) over words of which
 * the gold labels only a part as another person, place or organisation («دمشق القديمة» with
 * only «دمشق» labelled, «منتخب العراق» with «العراق», «المختار بن أبي عبيد الثقفي» with «بن أبي
 * عبيد الثقفي»), the annotators disagree with themselves about that span: neither the link nor
 * the shorter label there is scored. A link shorter than its label, or inside a MISC label
 * («مايكروسوفت» in «مايكروسوفت ويندوز»), is scored as usual.
 */
export const PART_LABEL_RULE =
  'a link over a registered (so elsewhere labelled) longer name whose words are labelled here only in part as another PER/LOC/ORG is not scored, nor is that shorter label';

/** The registry an editor would make from the gold labels. */
export interface GoldRegistry {
  names: GoldName[];
  entities: Entity[];
  /** The registered entry of a label (by its folded, proclitic-free form), if any. */
  entryOf(label: Label): Entity | undefined;
  /** The gold name an entry was made from. */
  nameOf(entity: Entity): GoldName;
}

/** The folded key a label's form merges into: proclitics read off while the rest is a name of the gold too. */
function rootKey(key: string, keys: Set<string>, seen = new Set<string>()): string {
  if (seen.has(key)) return key;
  seen.add(key);
  const [first, ...rest] = key.split(' ');
  const stripped = readings(first!)
    // Proclitics only: «ال» is part of a name, not a clitic («الريال» is not «ريال»).
    .filter((r) => r.proclitic !== '' && !r.proclitic.endsWith('ال'))
    .sort((a, b) => a.proclitic.length - b.proclitic.length)
    .map((r) => [r.stem, ...rest].join(' '))
    .find((candidate) => keys.has(candidate));
  return stripped ? rootKey(stripped, keys, seen) : key;
}

/** Does the form `key` start at token `i`, proclitics allowed on its first word but no added article? */
function formAt(tokens: ReturnType<typeof tokenize>, i: number, words: string[]): boolean {
  if (i + words.length > tokens.length) return false;
  const first = readings(tokens[i]!.folded).some((r) => r.stem === words[0] && !r.proclitic.endsWith('ال'));
  if (!first) return false;
  for (let k = 1; k < words.length; k++) if (tokens[i + k]!.folded !== words[k] || !tokens[i + k]!.joinedToPrevious) return false;
  return true;
}

/** Builds the protocol's registry from the items' labels. */
export function buildRegistry(items: readonly Item[]): GoldRegistry {
  const labels = items.flatMap((item) => item.paragraphs.flatMap((p) => p.entities));
  const keys = new Set(labels.map((l) => formKey(l.text)).filter((k) => k !== ''));
  const roots = new Map([...keys].map((k) => [k, rootKey(k, keys)]));
  const byKey = new Map<string, GoldName>();
  const spellings = new Map<string, Map<string, number>>();
  for (const label of labels) {
    const key = roots.get(formKey(label.text));
    if (!key) continue;
    const name = byKey.get(key) ?? { key, type: 'MISC', labels: { PER: 0, LOC: 0, ORG: 0, MISC: 0 }, unlabelled: 0, spellings: [] };
    name.labels[label.type]++;
    byKey.set(key, name);
    // A spelling without a proclitic is what the entry is called («دمشق», not «بدمشق»).
    if (formKey(label.text) === key) {
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(label.text, (counts.get(label.text) ?? 0) + 1);
      spellings.set(key, counts);
    }
  }
  const order: LabelType[] = ['LOC', 'ORG', 'PER', 'MISC'];
  for (const name of byKey.values()) {
    name.type = order.reduce((best, t) => (name.labels[t] > name.labels[best] ? t : best), order[0]!);
    name.spellings = [...(spellings.get(name.key) ?? new Map([[name.key, 1]]))].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    if (name.spellings.length === 0) name.spellings = [name.key];
  }

  // How often each name's form stands where no label is.
  const byFirstWord = new Map<string, GoldName[]>();
  for (const name of byKey.values()) {
    const first = name.key.split(' ')[0]!;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), name]);
  }
  for (const item of items) {
    for (const p of item.paragraphs) {
      const tokens = tokenize(p.text);
      tokens.forEach((token, i) => {
        const candidates = new Set(readings(token.folded).flatMap((r) => byFirstWord.get(r.stem) ?? []));
        for (const name of candidates) {
          const words = name.key.split(' ');
          if (!formAt(tokens, i, words)) continue;
          const start = token.start;
          const end = tokens[i + words.length - 1]!.end;
          if (!p.entities.some((l) => l.start < end && start < l.end)) name.unlabelled++;
        }
      });
    }
  }

  // A title or head noun before another name of the same type names the same entry, as an
  // editor would record it: an alias, not a second entry.
  for (const name of byKey.values()) {
    const [first, ...rest] = name.key.split(' ');
    const bare = byKey.get(rest.join(' '));
    if (bare && bare.type === name.type && name.type !== 'MISC' && isHeadOf(KIND_OF[name.type], first!)) name.aliasOf = bare;
  }
  const labelled = (name: GoldName) =>
    [name, ...[...byKey.values()].filter((n) => n.aliasOf === name)].reduce((sum, n) => sum + n.labels.PER + n.labels.LOC + n.labels.ORG, 0);

  const entities: Entity[] = [];
  const entityOf = new Map<string, Entity>();
  const nameOfEntity = new Map<Entity, GoldName>();
  const counters: Record<Kind, number> = { person: 0, place: 0, organisation: 0 };
  for (const name of [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (name.type === 'MISC' || name.aliasOf) continue;
    const count = labelled(name);
    if (name.unlabelled > count) {
      name.leftOut = `occurs ${name.unlabelled} times unlabelled, ${count} labelled`;
      continue;
    }
    const kind = KIND_OF[name.type];
    const id = `${kind}-${++counters[kind]}`;
    const aliases = [...byKey.values()].filter((n) => n.aliasOf === name).map((n) => n.spellings[0]!);
    const entity = makeEntity(kind, id, name.spellings[0]!, aliases);
    name.entity = entity;
    entities.push(entity);
    entityOf.set(name.key, entity);
    nameOfEntity.set(entity, name);
  }
  for (const name of byKey.values()) {
    if (!name.aliasOf?.entity) continue;
    name.entity = name.aliasOf.entity;
    entityOf.set(name.key, name.entity);
  }
  return {
    names: [...byKey.values()],
    entities,
    entryOf: (label) => (label.type === 'MISC' ? undefined : entityOf.get(roots.get(formKey(label.text)) ?? '')),
    nameOf: (entity) => nameOfEntity.get(entity)!,
  };
}

/** An entry of the protocol's registry: a name and nothing else an editor would add. */
function makeEntity(kind: Kind, id: string, name: string, aliases: string[]): Entity {
  const common = { id, name, latin: undefined, description: undefined, aliases, contextAliases: [], stopPhrases: [], sourcePath: `${kind}/${id}.md`, html: '' };
  if (kind === 'person') return { entity: 'person', ...common } satisfies Person;
  if (kind === 'place') return { entity: 'place', kind: 'other', within: undefined, demonyms: [], ...common } satisfies Place;
  return { entity: 'organisation', kind: 'other', country: undefined, parent: undefined, ...common } satisfies Organisation;
}

/** The item as one Markdown article: one paragraph per sentence, Markdown punctuation escaped. */
export function itemMarkdown(item: Item): string {
  return item.paragraphs.map((p) => p.text.replace(/[!-/:-@[-`{-~]/g, '\\$&')).join('\n\n');
}

/** Where the build linked an entry. */
export interface Link {
  entity: Entity;
  paragraph: number;
  start: number;
  end: number;
}

/** The renderer of the build, over the protocol's registry and the site's stop phrases. */
export function aqmarRenderer(registry: GoldRegistry): Renderer {
  return createRenderer({
    index: new MentionIndex(registry.entities, settings.stopPhrases),
    ancestors: () => [],
    hrefFor: (e) => `/${e.entity}/${e.id}/`,
    countDemonyms: settings.countDemonyms,
  });
}

/** Renders an item and reads back the links the build put in it, located in the item's sentences. */
export function linksOf(renderer: Renderer, registry: GoldRegistry, item: Item): Link[] {
  const byId = new Map(registry.entities.map((e) => [`${e.entity}:${e.id}`, e]));
  const { html } = renderer(itemMarkdown(item), { mentionInput: { tagged: [], leading: [] } });
  const $ = cheerio.load(html);
  const links: Link[] = [];
  $('p').each((paragraph, p) => {
    let offset = 0;
    const walk = (node: Element) => {
      for (const child of node.children) {
        if (child.type === 'text') offset += child.data.length;
        else if (child.type === 'tag') {
          const entity = child.name === 'a' ? byId.get(`${child.attribs['data-entity']}:${child.attribs['data-id']}`) : undefined;
          const start = offset;
          walk(child);
          if (entity) links.push({ entity, paragraph, start, end: offset });
        }
      }
    };
    walk(p);
  });
  return links;
}

/** Why a link that is not in the gold was put. */
export type Cause =
  | "inside an organisation's name"
  | 'inside the name of an event, work or product (MISC)'
  | 'a longer or shorter name than the label (another entry)'
  | 'feminine adjective of a country'
  | 'ordinary word or adjective'
  | 'other (mostly names the annotators left unlabelled)';

export const CAUSES: readonly Cause[] = [
  "inside an organisation's name",
  'inside the name of an event, work or product (MISC)',
  'a longer or shorter name than the label (another entry)',
  'feminine adjective of a country',
  'ordinary word or adjective',
  'other (mostly names the annotators left unlabelled)',
];

/** One (article, entity) pair linked but not in gold. */
export interface FalseLink {
  item: string;
  entity: Entity;
  cause: Cause;
  /** The linked words with a few words around them. */
  excerpt: string;
  /** The label the link fell inside, if any. */
  inside?: Label;
}

/** Sorts a false link by cause, from where it was put. */
function causeOf(registry: GoldRegistry, item: Item, link: Link): { cause: Cause; inside?: Label } {
  const p = item.paragraphs[link.paragraph]!;
  const inside = p.entities.find((l) => l.start < link.end && link.start < l.end);
  if (inside) {
    const cause: Cause =
      inside.type === 'ORG' ? "inside an organisation's name" : inside.type === 'MISC' ? 'inside the name of an event, work or product (MISC)' : 'a longer or shorter name than the label (another entry)';
    return { cause, inside };
  }
  const name = registry.nameOf(link.entity);
  const linked = formKey(p.text.slice(link.start, link.end));
  // «سورية» after a noun: «قوات سورية» is Syrian forces.
  if (link.entity.entity === 'place' && /يه$/.test(name.key) && !/ /.test(name.key)) return { cause: 'feminine adjective of a country' };
  // The text uses the form unlabelled elsewhere too, or the link came from a different word
  // (an article the name does not have: «الإسلام» for «اسلام»).
  const [first] = linked.split(' ');
  const viaArticle = !readings(first!).some((r) => r.stem === name.key.split(' ')[0] && !r.proclitic.endsWith('ال'));
  if (viaArticle || name.unlabelled > 1) return { cause: 'ordinary word or adjective' };
  return { cause: 'other (mostly names the annotators left unlabelled)' };
}

function excerpt(text: string, start: number, end: number): string {
  const before = text.slice(0, start).split(' ').slice(-4).join(' ');
  const after = text.slice(end).split(' ').slice(0, 4).join(' ');
  return `…${before}[${text.slice(start, end)}]${after}…`;
}

export interface Figures {
  tp: number;
  fp: number;
  missed: number;
  precision: number;
  recall: number;
}

export interface Measurement {
  overall: Figures;
  byKind: Record<Kind, Figures>;
  falseLinks: FalseLink[];
  /** Links over a longer registered name whose words the gold labels only in part there (`PART_LABEL_RULE`): not scored. */
  unscored: FalseLink[];
  misses: { item: string; entity: Entity }[];
  registry: GoldRegistry;
}

function figures(tp: number, fp: number, missed: number): Figures {
  return { tp, fp, missed, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + missed === 0 ? 1 : tp / (tp + missed) };
}

/** Runs the protocol over the items. */
export function measure(items: readonly Item[] = loadItems()): Measurement {
  const registry = buildRegistry(items);
  const renderer = aqmarRenderer(registry);
  const counts = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, missed: 0 }])) as Record<Kind, { tp: number; fp: number; missed: number }>;
  const falseLinks: FalseLink[] = [];
  const unscored: FalseLink[] = [];
  const misses: Measurement['misses'] = [];
  for (const item of items) {
    // A link over a longer registered name whose words the annotators labelled only in part
    // here («دمشق القديمة» with «دمشق» labelled, «منتخب العراق» with «العراق»): see `PART_LABEL_RULE`.
    const covered = new Set<Label>();
    const labelled = new Set(item.paragraphs.flatMap((p) => p.entities.map((l) => registry.entryOf(l))));
    const links = linksOf(renderer, registry, item).filter((link) => {
      if (labelled.has(link.entity)) return true;
      const inside = item.paragraphs[link.paragraph]!.entities.filter(
        (l) => link.start <= l.start && l.end <= link.end && (l.end - l.start < link.end - link.start) && registry.entryOf(l) !== link.entity && l.type !== 'MISC',
      );
      if (inside.length === 0) return true;
      for (const l of inside) covered.add(l);
      const p = item.paragraphs[link.paragraph]!;
      unscored.push({ item: item.id, entity: link.entity, cause: 'a longer or shorter name than the label (another entry)', excerpt: excerpt(p.text, link.start, link.end), inside: inside[0]! });
      return false;
    });
    const gold = new Set(
      item.paragraphs.flatMap((p) => p.entities.filter((l) => !covered.has(l)).map((l) => registry.entryOf(l)).filter((e) => e !== undefined)),
    );
    const linked = new Set<Entity>();
    for (const link of links) {
      if (linked.has(link.entity)) continue;
      linked.add(link.entity);
      const kind = link.entity.entity as Kind;
      if (gold.has(link.entity)) counts[kind].tp++;
      else {
        counts[kind].fp++;
        const p = item.paragraphs[link.paragraph]!;
        falseLinks.push({ item: item.id, entity: link.entity, ...causeOf(registry, item, link), excerpt: excerpt(p.text, link.start, link.end) });
      }
    }
    for (const entity of gold) {
      if (linked.has(entity)) continue;
      counts[entity.entity as Kind].missed++;
      misses.push({ item: item.id, entity });
    }
  }
  const byKind = Object.fromEntries(KINDS.map((k) => [k, figures(counts[k].tp, counts[k].fp, counts[k].missed)])) as Record<Kind, Figures>;
  const sum = (f: keyof (typeof counts)[Kind]) => KINDS.reduce((n, k) => n + counts[k][f], 0);
  return { overall: figures(sum('tp'), sum('fp'), sum('missed')), byKind, falseLinks, unscored, misses, registry };
}

/** The figures, the false links by cause (a few examples each) and the misses, for the console. */
export function report(m: Measurement, examples = 6): string {
  const line = (label: string, f: Figures) => `${label.padEnd(13)} precision ${f.precision.toFixed(3)}  recall ${f.recall.toFixed(3)}  (${f.tp} right, ${f.fp} false, ${f.missed} missed)`;
  const out = [line('all kinds', m.overall), ...KINDS.map((k) => line(k, m.byKind[k]))];
  const leftOut = m.registry.names.filter((n) => n.leftOut);
  out.push(`registry: ${m.registry.entities.length} entries; ${leftOut.length} names left out as ordinary words (${ORDINARY_WORD_RULE}), e.g. ${leftOut.slice(0, 8).map((n) => `«${n.spellings[0]}»`).join(' ')}`);
  out.push(`false links by cause (${m.falseLinks.length}):`);
  for (const cause of CAUSES) {
    const list = m.falseLinks.filter((f) => f.cause === cause);
    if (list.length === 0) continue;
    out.push(`  ${cause}: ${list.length}`);
    for (const f of list.slice(0, examples)) out.push(`    ${f.item} «${f.entity.name}» (${f.entity.entity}) ${f.excerpt}${f.inside ? ` in ${f.inside.type} «${f.inside.text}»` : ''}`);
  }
  out.push(`not scored (${m.unscored.length}; ${PART_LABEL_RULE}):`);
  for (const f of m.unscored.slice(0, examples)) out.push(`    ${f.item} «${f.entity.name}» (${f.entity.entity}) ${f.excerpt}${f.inside ? ` over ${f.inside.type} «${f.inside.text}»` : ''}`);
  out.push(`misses (${m.misses.length}): ${m.misses.slice(0, 12).map((x) => `${x.item} «${x.entity.name}»`).join(', ')}`);
  return out.join('\n');
}
