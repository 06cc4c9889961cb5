/**
 * Word tokens of Arabic (or mixed) text for name matching: where each word is in the original
 * string, and its folded form. The displayed text is never changed; matching uses `folded`.
 */
import { foldArabic } from './arabic.ts';

/** One word of a text. */
export interface Token {
  /** Offset of the word's first character in the text. */
  start: number;
  /** Offset after the word's last character. */
  end: number;
  /** The word folded for matching (see `foldArabic`); «عبد» and a following «ال…» are one token. */
  folded: string;
  /** Is the text between this token and the previous one only white space? */
  joinedToPrevious: boolean;
}

/**
 * A word: letters, combining marks (tashkeel), digits, tatweel and the invisible joiners and
 * direction marks that editors' tools leave inside words.
 */
const WORD = /[\p{L}\p{M}\p{Nd}\u0640\u200B-\u200F\u2060\uFEFF]+/gu;

/** Words already folded: a corpus repeats the same few thousand words over and over. */
const foldedWords = new Map<string, string>();

/** `foldArabic` of one word, remembered. */
function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldArabic(word);
    if (foldedWords.size > 200_000) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}

/** Splits text into word tokens, joining «عبد ال…» (with or without a proclitic) into one. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const folded = foldWord(match[0]);
    if (folded === '') continue;
    const gap = text.slice(previousEnd, start);
    const joinedToPrevious = tokens.length > 0 && /^\s+$/.test(gap);
    const last = tokens.at(-1);
    // «عبد المجيد» is one first name written as two words: match it as «عبدالمجيد».
    if (last && joinedToPrevious && /عبد$/.test(last.folded) && folded.startsWith('ال') && folded.length > 2) {
      last.end = end;
      last.folded += folded;
    } else {
      tokens.push({ start, end, folded, joinedToPrevious });
    }
    previousEnd = end;
  }
  return tokens;
}

/**
 * Proclitics that attach to a name: the conjunctions و ف, the prepositions ب ك ل, and their
 * combinations. Longest first, so «وب» is tried before «و».
 */
const PROCLITICS = ['وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ك', 'ل'];

/** A reading of a word as (proclitic +) a stem that a name's first word could equal. */
export interface Reading {
  /** The folded stem to look up. */
  stem: string;
  /** The letters taken as proclitics ('' for the word as written). */
  proclitic: string;
}

/**
 * The ways a folded word can be read as a name's first word: as written; without a proclitic
 * (والجزائر → الجزائر, بليبيا → ليبيا); with ل + ال written لل (للمنفي → المنفي, لليبيا → ليبيا);
 * and without the article «ال» for names written without it (الدبيبة → دبيبة).
 */
export function readings(word: string): Reading[] {
  const found: Reading[] = [{ stem: word, proclitic: '' }];
  const add = (stem: string, proclitic: string) => {
    if (stem.length >= 2 && !found.some((r) => r.stem === stem)) found.push({ stem, proclitic });
  };
  for (const p of ['', ...PROCLITICS]) {
    if (!word.startsWith(p)) continue;
    const rest = word.slice(p.length);
    if (rest.length < 2) continue;
    if (p !== '') add(rest, p);
    // ل + ال is written لل: «للمنفي» is ل + «المنفي», «لليبيا» is ل + «ليبيا».
    if (p.endsWith('ل') && rest.startsWith('ل')) {
      add(`ا${rest}`, p);
      add(rest.slice(1), p);
    }
    // The article before a name registered without it: «الدبيبة» for «دبيبة», «بالجزائر» via p = ب.
    if (rest.startsWith('ال') && rest.length >= 5) add(rest.slice(2), `${p}ال`);
  }
  return found;
}

/**
 * The inverse of `readings`: every folded word that has `stem` among its readings (الجزائر is
 * read off والجزائر, بالجزائر, للجزائر…). What a text must contain for a name starting with
 * `stem` to be found in it; the parse cache uses it to tell which articles a new name can reach.
 */
export function surfaceForms(stem: string): string[] {
  const candidates = new Set<string>();
  for (const p of ['', ...PROCLITICS]) {
    candidates.add(p + stem);
    candidates.add(`${p}ال${stem}`);
    if (p.endsWith('ل')) {
      candidates.add(`${p}ل${stem}`);
      if (stem.startsWith('ال')) candidates.add(p + stem.slice(1));
    }
  }
  return [...candidates].filter((word) => readings(word).some((r) => r.stem === stem));
}
