/**
 * The passage of an article a search result quotes: the words around where the reader's words
 * are found, those words marked. Pagefind's own excerpt would quote the index's search keys
 * (the words folded and cut to their stems, src/archive/text/search-query.ts), which no one
 * reads; this quotes the article's text, found with the same keys.
 *
 * Used in the browser (the search page): keep it free of Node APIs.
 */
import { foldQuery, keyedTokens } from './search-query.ts';

/** A piece of the passage: marked where it is one of the reader's words. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * The passage of `text` around the words of `query`: about `words` words, starting a few words
 * before the place where most of the query's words are found close together. A query word
 * matches a word of the text with the same key, or (the last one, which the reader may still
 * be typing) a key it begins. Undefined when none is found.
 */
export function searchExcerpt(text: string, query: string, words = 30): ExcerptPart[] | undefined {
  const wanted = foldQuery(query).split(' ').filter(Boolean);
  if (wanted.length === 0) return undefined;
  const last = wanted.at(-1)!;
  const exact = new Set(wanted);
  const tokens = keyedTokens(text);
  const hits = tokens.flatMap((t, i) => (exact.has(t.key) || (last.length >= 2 && t.key.startsWith(last)) ? [i] : []));
  if (hits.length === 0) return undefined;
  // The window holding the most different query words (then the earliest).
  let best = hits[0]!;
  let bestScore = -1;
  for (const start of hits) {
    const inWindow = new Set(hits.filter((h) => h >= start && h < start + words).map((h) => tokens[h]!.key));
    if (inWindow.size > bestScore) {
      best = start;
      bestScore = inWindow.size;
    }
  }
  const first = Math.max(0, best - 6);
  const lastToken = Math.min(tokens.length - 1, first + words - 1);
  const marked = new Set(hits.filter((h) => h >= first && h <= lastToken));
  const parts: ExcerptPart[] = [];
  const push = (piece: string, isMarked: boolean) => {
    if (piece === '') return;
    const previous = parts.at(-1);
    if (previous && previous.marked === isMarked) previous.text += piece;
    else parts.push({ text: piece, marked: isMarked });
  };
  if (first > 0) push('… ', false);
  let at = tokens[first]!.start;
  for (let i = first; i <= lastToken; i++) {
    const t = tokens[i]!;
    push(text.slice(at, t.start), false);
    push(text.slice(t.start, t.end), marked.has(i));
    at = t.end;
  }
  // The sentence's punctuation right after the last word, then an ellipsis if the text goes on.
  const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(at))![0];
  push(tail, false);
  if (at + tail.length < text.length) push(' …', false);
  return parts;
}
