/**
 * Slugs and ids: the last segment of an article URL, and the file-name ids of people and places.
 */

/** A registry id: lower-case ASCII letters, digits and single hyphens (`sabri-boukadoum`). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An article slug: words of ASCII a-z, digits or Arabic letters, joined by single hyphens.
 * Arabic letters are the contract's; marks inside Arabic words (tashkeel) are not allowed in
 * URLs because they make two spellings of one address.
 */
export const SLUG_PATTERN = /^[a-z0-9\u0621-\u063A\u0641-\u064A]+(?:-[a-z0-9\u0621-\u063A\u0641-\u064A]+)*$/u;

/** Slugs that would collide with the site's own pages under `/YYYY/MM/`. */
export const RESERVED_SLUGS = new Set(['page', 'feed', 'index']);

/** Why a slug is not valid, or `undefined` when it is. */
export function slugProblem(slug: string): string | undefined {
  if (slug.length === 0) return 'it is empty';
  if (slug !== slug.normalize('NFC')) return 'it is not in Unicode NFC form';
  if (RESERVED_SLUGS.has(slug)) return `“${slug}” is reserved for the site's own pages`;
  if (slug.length > 200) return 'it is longer than 200 characters';
  if (!SLUG_PATTERN.test(slug)) {
    return 'it may contain only a-z, 0-9, Arabic letters and single hyphens between words';
  }
  return undefined;
}

/**
 * Turns any text (a file name, a title) into a slug that passes `slugProblem`: NFC, marks and
 * invisible characters dropped, Latin lower-cased, everything else between words → one hyphen.
 */
export function slugify(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '') // Latin accents
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, 'ا')
    .toLowerCase()
    .replace(/[^a-z0-9\u0621-\u063A\u0641-\u064A]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const slug = cleaned.slice(0, 200).replace(/-+$/, '');
  return RESERVED_SLUGS.has(slug) ? `${slug}-1` : slug;
}
