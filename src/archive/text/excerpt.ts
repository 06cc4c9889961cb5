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
