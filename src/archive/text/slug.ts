/**
 * Slugs and ids: the last segment of an article URL, and the file-name ids of people and places.
 */

/**
 * The longest slug or id, in UTF-8 bytes. It becomes a folder name in the output, and Linux
 * file systems limit a name to 255 bytes (ext4, btrfs, XFS; eCryptfs 143), not characters: an
 * Arabic letter is two bytes, so this is 100 Arabic letters or 200 Latin ones.
 */
export const MAX_SLUG_BYTES = 200;

/** The length of a text in UTF-8 bytes, as a file system counts a name. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A registry id: lower-case ASCII letters, digits and single hyphens (`sabri-boukadoum`), at most MAX_SLUG_BYTES long. */
export const ID_PATTERN = /^(?=.{1,200}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
  const bytes = utf8Length(slug);
  if (bytes > MAX_SLUG_BYTES) {
    return `it is ${bytes} bytes long (${[...slug].length} letters); a URL segment becomes a folder name and may be at most ${MAX_SLUG_BYTES} bytes: 100 Arabic letters or 200 Latin ones`;
  }
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
  const slug = truncateToBytes(cleaned, MAX_SLUG_BYTES);
  return RESERVED_SLUGS.has(slug) ? `${slug}-1` : slug;
}

/**
 * A slug cut to at most `max` UTF-8 bytes: at the last hyphen when one is in the second half,
 * else after the last whole letter that fits; never ending with a hyphen.
 */
export function truncateToBytes(slug: string, max: number): string {
  if (utf8Length(slug) <= max) return slug;
  let bytes = 0;
  let end = 0;
  for (const c of slug) {
    const size = utf8Length(c);
    if (bytes + size > max) break;
    bytes += size;
    end += c.length;
  }
  const cut = slug.slice(0, end);
  const hyphen = slug[end] === '-' ? end : cut.lastIndexOf('-');
  return (hyphen > end / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}
