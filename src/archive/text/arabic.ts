/**
 * Arabic text helpers for matching, sorting and grouping. They never change what is
 * displayed: callers keep the original string and use these keys only to compare.
 */

/** Harakat, Quranic marks and the superscript alef: dropped for matching. */
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;
/** Tatweel (kashida), a purely typographic stretch. */
const TATWEEL = /\u0640/g;
/** Invisible formatting marks that editors paste in from word processors and wire feeds. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/** Alef with hamza above or below, with madda, and alef wasla: all fold to bare alef. */
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g;
/** Arabic-Indic and Eastern Arabic-Indic digits. */
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Folds Arabic text for matching: NFC; invisible marks, tashkeel and tatweel removed; alef
 * forms → ا; ى → ي; ة → ه; Arabic-Indic digits → ASCII; Latin lower-cased; «عبد ال…» joined
 * (عبد المجيد = عبدالمجيد); runs of white space → one space.
 */
export function foldArabic(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(TASHKEEL, '')
    .replace(TATWEEL, '')
    .replace(ALEF_FORMS, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(ARABIC_DIGITS, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90 % 10))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(^| )عبد ال/g, '$1عبدال')
    .trim();
}

/** The definite article at the start of a word, when enough of the word is left after it. */
const LEADING_ARTICLE = /^ال(?=\S{2,})/;

/** Removes a leading «ال» so that الجزائر sorts and groups under ج. */
export function stripDefiniteArticle(text: string): string {
  return text.replace(LEADING_ARTICLE, '');
}

/** Keys already computed: sorting compares the same registry names over and over. */
const collationKeys = new Map<string, string>();

/** The key a name sorts by: folded, without a leading «ال». */
export function collationKey(name: string): string {
  let key = collationKeys.get(name);
  if (key === undefined) {
    key = stripDefiniteArticle(foldArabic(name));
    if (collationKeys.size > 100_000) collationKeys.clear();
    collationKeys.set(name, key);
  }
  return key;
}

const collator = new Intl.Collator('ar', { sensitivity: 'base', numeric: true });

/** Compares two display names in Arabic alphabetical order, ignoring «ال», hamza forms and marks. */
export function compareArabic(a: string, b: string): number {
  return collator.compare(collationKey(a), collationKey(b)) || collator.compare(a, b);
}

/** Is the character an Arabic letter (the basic Arabic block's letters)? */
export function isArabicLetter(char: string): boolean {
  return /^[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]$/.test(char);
}

/**
 * The letter a name is listed under in an alphabetical index: the first letter of its
 * collation key (so أحمد and إبراهيم go under ا, الجزائر under ج); a Latin letter upper-cased;
 * anything else under «#».
 */
export function indexLetter(name: string): string {
  const first = [...collationKey(name)][0] ?? '';
  if (isArabicLetter(first)) return first;
  if (/^\p{L}$/u.test(first)) return first.toUpperCase();
  return '#';
}
