/**
 * Shortens plain text to about `max` characters at a word boundary, ending with «…».
 * Used for summaries in lists; the full summary stays in meta tags and on the article page.
 */
export function excerpt(text: string, max = 240): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s،,.؛:]+$/u, '')}…`;
}

/** Moves a cut off the second half of a surrogate pair, so no character is split. */
function safe(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

/**
 * The text from `start` to `end`, at most `max` characters: when longer, its beginning and its
 * end joined by « … » (in messages the marks that matter are at both ends of a stretch). For
 * excerpts quoted in reports, which must stay short whatever the text.
 */
export function clipMiddle(text: string, max: number, start = 0, end = text.length): string {
  if (end - start <= max) return text.slice(start, end);
  const half = Math.floor((max - 3) / 2);
  return `${text.slice(start, safe(text, start + half)).trimEnd()} … ${text.slice(safe(text, end - half), end).trimStart()}`;
}
