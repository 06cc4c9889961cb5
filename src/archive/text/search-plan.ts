/**
 * How the search page reads a query (src/pages/search.astro): its Arabic words go to the
 * articles' index as search keys; its Latin words are names (Boukadoum, Dbeibeh), looked up in
 * the entries' index by the keys their spellings share (src/archive/text/latin-key.ts), and an
 * entry whose name they are stands for the articles that name it.
 *
 * Used in the browser: keep it free of Node APIs.
 */
import { hasLatin, latinKeys } from './latin-key.ts';
import { foldQuery } from './search-query.ts';

/** A query, split. */
export interface QueryParts {
  /** The words that are not in Latin letters, as they were typed. */
  text: string;
  /** The Latin words' keys. */
  latin: string[];
  /** What the entries' index is asked: the Arabic words' search keys and the Latin words' keys. */
  entryQuery: string;
}

export function queryParts(query: string): QueryParts {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const text = words.filter((w) => !hasLatin(w)).join(' ');
  const latin = latinKeys(words.filter(hasLatin).join(' '));
  return { text, latin, entryQuery: [foldQuery(text), ...latin].filter(Boolean).join(' ') };
}

/**
 * Is one of an entry's names (one name's keys per line, as its record's meta holds them) made
 * of these keys? Every key must be a word of the name, the last one possibly its beginning
 * (the reader may still be typing it); a name may have more words than the query (a surname
 * alone finds the person).
 */
export function isNameOf(names: string, keys: readonly string[]): boolean {
  if (keys.length === 0) return false;
  return names.split('\n').some((line) => {
    const words = line.split(' ').filter(Boolean);
    return keys.every((key, i) => (i === keys.length - 1 ? words.some((w) => w.startsWith(key)) : words.includes(key)));
  });
}
