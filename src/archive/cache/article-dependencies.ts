/**
 * What a parsed article depends on in the registry, so that editing an entry re-parses only
 * the articles it can change instead of all of them.
 *
 * An article's outcome depends on a registry entry when the article tags it or names it, or
 * when one of the entry's forms (name, alias, context alias, demonym, stop phrase) could be
 * found in its text. The name matcher looks a form up by its first folded word, read off each
 * word of the text with its proclitics removed (src/archive/text/tokens.ts `readings`), and
 * then its further words, so an article records the hashes of the folded words of its title,
 * summary and body, and a form can match in it only if it holds a surface form of each of the
 * form's words (`surfaceForms`: the word with any proclitic, with or without the article; only
 * the first takes one, but allowing it for all is simpler and only ever errs towards a
 * re-parse). Checking every word, not only the first, matters: a popular person's new alias
 * begins with a common first name that thousands of articles hold. The record is a sorted array of
 * 32-bit hashes, a few KB per article, exact up to hash collisions (which only cost a needless
 * re-parse).
 *
 * The registry side is a snapshot, kept with the parse cache: for each entry, a signature of
 * everything about it that parsing reads (its forms, its kind, the places containing it), the
 * words of its forms, and the names a front-matter reference can use. Comparing two
 * snapshots gives the change; `isAffected` says whether a cached outcome survives it.
 */
import { kindIdOf } from '../kinds.ts';
import { entityKey } from '../model/mention-index.ts';
import { demonymsOf, type Entity } from '../model/registry.ts';
import { foldArabic } from '../text/arabic.ts';
import { surfaceForms, tokenize } from '../text/tokens.ts';
import { digest } from './digest.ts';

/** What one article's outcome depends on. */
export interface ArticleDependencies {
  /** Sorted, distinct hashes of the folded words of the title, summary and body. */
  words: Uint32Array;
  /** Its front-matter references, folded as the names index folds them. */
  references: string[];
}

/** FNV-1a, 32 bits: fast and well spread for short strings. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The dependencies of an article with these texts (title, summary, body as written) and references. */
export function articleDependencies(texts: readonly string[], references: readonly string[]): ArticleDependencies {
  const seen = new Set<number>();
  for (const text of texts) for (const token of tokenize(text)) seen.add(hash(token.folded));
  return { words: Uint32Array.from(seen).sort(), references: [...new Set(references.map((r) => foldArabic(r)))] };
}

/** Whether a sorted hash array holds a hash. */
function holds(stems: Uint32Array, value: number): boolean {
  let low = 0;
  let high = stems.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = stems[middle]!;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** What the snapshot keeps of one entry. */
interface EntrySnapshot {
  /** Changes whenever anything parsing reads of the entry changes, besides its forms. */
  rest: string;
  /** Its forms in the text, each with its role: `alias|<folded form>`. */
  forms: string[];
  /** What a front-matter reference can write for it: its id, and its names folded. */
  names: string[];
}

/** The registry as the parse cache saw it. */
export interface RegistrySnapshot {
  digest: string;
  entries: Map<string, EntrySnapshot>;
}

/** The forms of an entry the matcher looks for in the text, with their roles (a form's role decides how it counts). */
function textForms(entry: Entity): string[] {
  const role = (name: string, forms: readonly string[]) => forms.map((f) => `${name}|${tokenize(f).map((t) => t.folded).join(' ')}`);
  return [
    ...role('name', [entry.name]),
    ...role('alias', entry.aliases),
    ...role('context', entry.contextAliases),
    ...role('demonym', demonymsOf(entry)),
    ...role('stop', entry.stopPhrases),
  ];
}

/** The folded words of a form as `textForms` writes it. */
function wordsOf(form: string): string[] {
  return form.slice(form.indexOf('|') + 1).split(' ');
}

/**
 * A snapshot of a registry. `ancestors` gives the entries containing an entry (a place's
 * country): telling two places with one name apart reads them, so they are part of the entry.
 */
export function registrySnapshot(entries: readonly Entity[], ancestors: (entry: Entity) => readonly Entity[]): RegistrySnapshot {
  const snapshot = new Map<string, EntrySnapshot>();
  for (const entry of entries) {
    // Everything but what parsing never reads (the description, the rendered biography, links
    // out, the picture) and the forms, which are compared one by one.
    const { html: _h, description: _d, wikidata: _w, sourcePath: _s, image: _i, figures: _f, name: _n, aliases: _a, contextAliases: _c, stopPhrases: _p, ...read } = entry;
    const { demonyms: _demonyms, ...rest } = read as typeof read & { demonyms?: unknown };
    snapshot.set(entityKey(entry), {
      rest: digest(JSON.stringify([kindIdOf(entry), rest, ancestors(entry).map((a) => entityKey(a))])),
      forms: [...new Set(textForms(entry))].filter((f) => !f.endsWith('|')),
      names: [...new Set([entry.id, ...[entry.name, ...entry.aliases, ...entry.contextAliases, ...(entry.latin ? [entry.latin] : [])].map((n) => foldArabic(n))])],
    });
  }
  return { digest: digest(JSON.stringify([...snapshot].sort(([a], [b]) => (a < b ? -1 : 1)))), entries: snapshot };
}

/** What changed between two snapshots: the entries, and the words and names an affected article would hold. */
export interface RegistryChange {
  /** Whether anything changed. */
  any: boolean;
  /** Keys of the entries added, removed, or changed in more than their forms (an article naming them is affected). */
  keys: Set<string>;
  /**
   * The forms that changed (all of an entry's forms when more than its forms changed), each as
   * its words, each word as the hashes of its surface forms.
   */
  forms: number[][][];
  /** Ids and folded names a front-matter reference could have meant, that changed. */
  names: Set<string>;
}

/** The items of one list that the other does not have. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((x) => !other.has(x));
}

/** The change from one snapshot to the next (empty when they are the same). */
export function registryChange(before: RegistrySnapshot, after: RegistrySnapshot): RegistryChange {
  const change: RegistryChange = { any: before.digest !== after.digest, keys: new Set(), forms: [], names: new Set() };
  if (!change.any) return change;
  const seen = new Set<string>();
  const forms = (list: readonly string[]) => {
    for (const f of list) {
      const words = wordsOf(f);
      const key = words.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      change.forms.push(words.map((word) => surfaceForms(word).map(hash)));
    }
  };
  const names = (list: readonly string[]) => list.forEach((n) => change.names.add(n));
  /** An entry added, removed, or changed in more than its forms: everything about it counts. */
  const whole = (key: string, entry: EntrySnapshot | undefined) => {
    change.keys.add(key);
    if (!entry) return;
    forms(entry.forms);
    names(entry.names);
  };
  for (const [key, entry] of after.entries) {
    const old = before.entries.get(key);
    if (!old || old.rest !== entry.rest) {
      whole(key, entry);
      whole(key, old);
      continue;
    }
    // Only forms changed: what an article writes of the others is read as before.
    forms([...without(entry.forms, old.forms), ...without(old.forms, entry.forms)]);
    names([...without(entry.names, old.names), ...without(old.names, entry.names)]);
  }
  for (const [key, entry] of before.entries) if (!after.entries.has(key)) whole(key, entry);
  return change;
}

/** What `isAffected` reads of a cached outcome. */
export interface DependentOutcome {
  draft: boolean;
  problems: readonly { rule: string }[];
  article?: { tagged: readonly string[]; entries: Partial<Record<string, string[]>> } | undefined;
  dependencies?: ArticleDependencies | undefined;
}

/** Whether a change of the registry can change what parsing an article gives. */
export function isAffected(outcome: DependentOutcome, change: RegistryChange): boolean {
  if (!change.any) return false;
  // A draft is left out before anything is looked up in the registry.
  if (outcome.draft) return false;
  const { article, dependencies } = outcome;
  // No article (an error), no record, or a reference that did not resolve: its message (a
  // “did you mean”) reads the whole registry.
  if (!article || !dependencies || outcome.problems.some((p) => p.rule.startsWith('reference/'))) return true;
  for (const key of article.tagged) if (change.keys.has(key)) return true;
  for (const [kind, ids] of Object.entries(article.entries)) for (const id of ids ?? []) if (change.keys.has(`${kind}:${id}`)) return true;
  for (const reference of dependencies.references) if (change.names.has(reference) || change.names.has(reference.trim())) return true;
  return change.forms.some((words) => words.every((surfaces) => surfaces.some((h) => holds(dependencies.words, h))));
}
