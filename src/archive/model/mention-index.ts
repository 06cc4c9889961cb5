/**
 * Finding registry names in running text: every name, alias and demonym of every person and
 * place, matched on folded words with proclitics, whole words only, longest match first.
 * Pure functions over strings; the remark plugin only walks the tree and calls `findNames`.
 */
import { readings, tokenize, type Token } from '../text/tokens.ts';
import { FUNCTION_WORDS, hasNisbaShape, isFunctionWord, isNumberWord, isUnitNoun, nisbaBases } from '../text/words.ts';
import { kindIdOf } from '../kinds.ts';
import { demonymsOf, type Entity } from './registry.ts';

/** How strongly a form names its entry. */
export type FormKind =
  /** The display name or an alias: a mention wherever it appears. */
  | 'name'
  /** An alias that is also a common word or bare surname: a mention only after the entry was named. */
  | 'context'
  /** An adjective (الليبية): a weaker signal, used to tell places apart, not a mention. */
  | 'demonym';

/** One entry a form may stand for. */
export interface FormTarget {
  entity: Entity;
  kind: FormKind;
}

interface Form extends FormShape {
  targets: FormTarget[];
  /** A stop phrase: inside it, nothing is a mention (اتحاد المغرب العربي). */
  blocks: boolean;
}

/** What a registry form looks like as a word of the language. */
export interface FormShape {
  /** Its folded words. */
  tokens: string[];
  /**
   * It is also a word of a closed class of Arabic: a function word (folded «علي» is «على»,
   * «اي» is «أي») or a noun of number, measure, time or currency («الساعات», «الريال»).
   */
  functionWord: boolean;
  /** One word shaped like an adjective of relation: «سورية», «السورية», «الصليبي». */
  nisba: boolean;
  /** Its first word carries the article («الجزائر», «المنفي»). */
  definite: boolean;
  /**
   * One word that is the adjective of relation of another name of the registry: a place
   * («برتغالي» of «البرتغال») or a group named by its plural («صليبي» of «الصليبيين»); set by the index.
   */
  relationAdjective?: boolean;
}

/** The shape of a form given as folded words. */
export function formShape(tokens: string[]): FormShape {
  const single = tokens.length === 1 ? tokens[0]! : undefined;
  return {
    tokens,
    functionWord: single !== undefined && (isFunctionWord(single) || (single.startsWith('ال') && FUNCTION_WORDS.has(single.slice(2))) || isUnitNoun(single)),
    nisba: single !== undefined && hasNisbaShape(single),
    definite: tokens[0]!.startsWith('ال'),
  };
}

/** The words around a match, folded, nearest first; they stop at punctuation or the end of the text. */
export interface MatchContext {
  before: string[];
  after: string[];
  /** The word just before, as written, ends in «ة» or «ات» (a feminine or plural noun: «قوات سورية»). */
  beforeIsFeminine: boolean;
  /** The match stands alone between quotation marks («"سعيد"», «" ريال "»), with the word before the quote. */
  quoted: { before: string | undefined } | undefined;
  /**
   * The match begins a short quotation that goes on past it («" مايكروسوفت وورد "», «صحيفة
   * "نيويورك تايمز"», «" الحاوي في الطب "»): the title of a work, a paper or a product.
   */
  opensTitle: boolean;
}

/** A place in the text where a registry form was found, before deciding who it names. */
export interface NameMatch {
  /** Offset of the first character of the matched words, proclitics included. */
  start: number;
  /** Offset after the last matched character. */
  end: number;
  /** The entries the form belongs to (two for طرابلس), with how strongly. */
  targets: FormTarget[];
  /** The proclitic letters read off the first word ('' if none); ending in «ال» when the text adds an article the form does not have. */
  proclitic: string;
  /** The form found. */
  form: FormShape;
  /** The words around it. */
  context: MatchContext;
  /** Index of its first word among the text's words, and how many words it has (to see names side by side). */
  word: number;
  words: number;
  /** Which piece of the article (title, a paragraph…) it is in; set by the caller, for proximity. */
  segment?: number;
}

/** A stable key for an entry across kinds: `person:<id>`, `place:<id>`, `organisation:<id>`, `sections:<id>`. */
export function entityKey(entity: Entity): string {
  return `${kindIdOf(entity)}:${entity.id}`;
}

/** Every form of every entry, indexed by its first folded word. */
export class MentionIndex {
  readonly #byFirstWord = new Map<string, Form[]>();
  readonly entities: readonly Entity[];

  constructor(entities: readonly Entity[], stopPhrases: readonly string[] = []) {
    this.entities = entities;
    const forms = new Map<string, Form>();
    const add = (text: string, target: FormTarget | undefined) => {
      const tokens = tokenize(text).map((t) => t.folded);
      if (tokens.length === 0) return;
      const key = tokens.join(' ');
      let form = forms.get(key);
      if (!form) {
        form = { ...formShape(tokens), targets: [], blocks: false };
        forms.set(key, form);
        const list = this.#byFirstWord.get(tokens[0]!) ?? [];
        list.push(form);
        this.#byFirstWord.set(tokens[0]!, list);
      }
      if (!target) form.blocks = true;
      else if (!form.targets.some((t) => t.entity === target.entity && t.kind === target.kind)) {
        // A name and a context alias of one entry that fold alike: the stronger wins.
        const same = form.targets.find((t) => t.entity === target.entity);
        if (!same) form.targets.push(target);
        else if (rank(target.kind) < rank(same.kind)) same.kind = target.kind;
      }
    };
    for (const entity of entities) {
      add(entity.name, { entity, kind: 'name' });
      for (const alias of entity.aliases) add(alias, { entity, kind: 'name' });
      for (const alias of entity.contextAliases) add(alias, { entity, kind: 'context' });
      for (const demonym of demonymsOf(entity)) add(demonym, { entity, kind: 'demonym' });
      for (const phrase of entity.stopPhrases) add(phrase, undefined);
    }
    for (const phrase of stopPhrases) add(phrase, undefined);
    // One-word forms that are the adjective of a registered place («برتغالي» beside «البرتغال»)
    // or of a group registered by its plural («صليبي» beside «الصليبيين»).
    const places = new Set<string>();
    for (const [key, form] of forms) if (form.targets.some((t) => t.kind === 'name' && t.entity.entity === 'place')) places.add(key);
    for (const form of forms.values()) {
      if (form.tokens.length !== 1 || form.targets.every((t) => t.entity.entity === 'place')) continue;
      const bases = nisbaBases(form.tokens[0]!);
      if (bases.places.some((b) => places.has(b)) || bases.groups.some((b) => forms.get(b)?.targets.some((t) => t.kind === 'name'))) form.relationAdjective = true;
    }
  }

  /**
   * Finds every registry form in a text: whole words, a proclitic allowed on the first word,
   * the longest form winning where forms overlap (عبد المجيد تبون over تبون). Stop phrases are
   * consumed and yield nothing.
   */
  findNames(text: string): NameMatch[] {
    const tokens = tokenize(text);
    const matches: NameMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      const best = this.#longestAt(tokens, i);
      if (!best) {
        i++;
        continue;
      }
      // A stop phrase that is also another entry's name (الجزائر العاصمة) names that entry.
      if (best.form.targets.length > 0) {
        const n = best.form.tokens.length;
        matches.push({
          start: tokens[i]!.start,
          end: tokens[i + n - 1]!.end,
          targets: best.form.targets,
          proclitic: best.proclitic,
          form: best.form,
          context: contextOf(text, tokens, i, n),
          word: i,
          words: n,
        });
      }
      i += best.form.tokens.length;
    }
    return matches;
  }

  #longestAt(tokens: Token[], i: number): { form: Form; proclitic: string } | undefined {
    let best: { form: Form; proclitic: string } | undefined;
    const word = tokens[i]!.folded;
    // A function word or number word as written is that word, not a proclitic and a name
    // («بليون» is a billion, not «ب» + «ليون»).
    const whole = FUNCTION_WORDS.has(word) || isNumberWord(word);
    for (const reading of readings(word)) {
      if (whole && reading.proclitic !== '') continue;
      for (const form of this.#byFirstWord.get(reading.stem) ?? []) {
        const n = form.tokens.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) {
          const t = tokens[i + k]!;
          ok = t.joinedToPrevious && t.folded === form.tokens[k];
        }
        if (!ok) continue;
        // Longer forms win; for equal length, fewer letters read off as proclitics.
        if (
          !best ||
          n > best.form.tokens.length ||
          (n === best.form.tokens.length && reading.proclitic.length < best.proclitic.length) ||
          (n === best.form.tokens.length && reading.proclitic.length === best.proclitic.length && form.blocks)
        ) {
          best = { form, proclitic: reading.proclitic };
        }
      }
    }
    return best;
  }
}

/** Up to three words on each side of tokens[i, i + n), not across punctuation. */
function contextOf(text: string, tokens: Token[], i: number, n: number): MatchContext {
  const before: string[] = [];
  for (let k = i; k > 0 && before.length < 3 && tokens[k]!.joinedToPrevious; k--) before.push(tokens[k - 1]!.folded);
  const after: string[] = [];
  for (let k = i + n; k < tokens.length && after.length < 3 && tokens[k]!.joinedToPrevious; k++) after.push(tokens[k]!.folded);
  const previous = before.length > 0 ? tokens[i - 1]! : undefined;
  const written = previous ? text.slice(previous.start, previous.end).replace(/[\u064B-\u065F\u0670\u0640]/g, '') : '';
  const first = tokens[i]!;
  const last = tokens[i + n - 1]!;
  const opening = /["«“„]\s*$/.test(text.slice(i > 0 ? tokens[i - 1]!.end : 0, first.start));
  const closing = /^\s*["»”]/.test(text.slice(last.end, i + n < tokens.length ? tokens[i + n]!.start : text.length));
  const quoted = opening && closing ? { before: i > 0 && /^\s*["«“„]\s*$/.test(text.slice(tokens[i - 1]!.end, first.start)) ? tokens[i - 1]!.folded : undefined } : undefined;
  return { before, after, beforeIsFeminine: /(ة|ات)$/.test(written) && written.length >= 4, quoted, opensTitle: opening && !closing && closesWithin(text, tokens, i + n, TITLE_WORDS) };
}

/** The most words a quoted title goes on after the name it begins. */
const TITLE_WORDS = 3;

/** Does a quotation close after one of the next `words` tokens from tokens[k], with nothing but words and spaces before it? */
function closesWithin(text: string, tokens: Token[], k: number, words: number): boolean {
  for (let j = k; j < tokens.length && j < k + words; j++) {
    if (!tokens[j]!.joinedToPrevious) return false;
    const gap = text.slice(tokens[j]!.end, j + 1 < tokens.length ? tokens[j + 1]!.start : text.length);
    if (/^\s*["»”]/.test(gap)) return true;
    if (!/^\s*$/.test(gap)) return false;
  }
  return false;
}

function rank(kind: FormKind): number {
  return kind === 'name' ? 0 : kind === 'context' ? 1 : 2;
}
