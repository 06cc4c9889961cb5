/**
 * Search terms that match whatever the reader's spelling: every word folded (hamza forms,
 * ى/ي, ة/ه, tashkeel, tatweel) and cut to its shortest reading without proclitics and the
 * article (بالجزائر, والجزائر, الجزائر → جزائر; للمنفي, المنفي → منفي). The index gets the
 * article's words this way and the search page sends the query this way, so both sides meet.
 * Used by the build (index) and in the browser (query): keep it free of Node APIs.
 */
import { readings, tokenize, type Token } from './tokens.ts';

/** Hamza on its seat is spelled many ways (الجزائر, الجزاير): search drops the distinction. */
function looseHamza(word: string): string {
  return word.replace(/ئ/g, 'ي').replace(/ؤ/g, 'و').replace(/ء/g, '');
}

/** Keys already computed: the same words come back in every article. */
const keys = new Map<string, string>();

/** The search key of one folded word. */
function key(word: string): string {
  let found = keys.get(word);
  if (found === undefined) {
    const shortest = readings(word).reduce((best, r) => (r.stem.length < best.length ? r.stem : best), word);
    found = looseHamza(shortest);
    if (keys.size > 200_000) keys.clear();
    keys.set(word, found);
  }
  return found;
}

/** The words of a text with their search keys (where each is in the text, for quoting it). */
export function keyedTokens(text: string): (Token & { key: string })[] {
  return tokenize(text).map((t) => ({ ...t, key: key(t.folded) }));
}

/** A text as search keys, space-separated, in order. */
export function searchTerms(text: string): string {
  return tokenize(text)
    .map((t) => key(t.folded))
    .join(' ');
}

/** The query a reader typed, as the search keys the index holds. */
export function foldQuery(query: string): string {
  return searchTerms(query);
}
