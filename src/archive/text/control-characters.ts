/**
 * Characters that must never reach a page or a feed: invisible controls that make `feed.xml`
 * ill-formed XML (C0 controls), that HTML counts as parse errors (DEL and the C1 controls), and
 * code points that are not characters at all (lone surrogates, noncharacters such as U+FFFF),
 * which crash tools that encode text as UTF-8 (Pagefind). Tab, line feed and carriage return are
 * allowed; so is every other character.
 */

/** One refused character in a text. */
export interface BadCharacter {
  /** Offset in the string (UTF-16 code units). */
  index: number;
  /** The code point (a lone surrogate is its own code unit). */
  codePoint: number;
  /** How long it is in the string: 1, or 2 for an astral noncharacter. */
  length: number;
}

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'bell',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'escape',
  0x7f: 'delete',
  0x85: 'next line',
};

/** Is this code point refused? */
export function isBadCodePoint(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return false;
  if (cp < 0x20) return true; // C0 controls
  if (cp >= 0x7f && cp <= 0x9f) return true; // DEL and C1 controls
  if (cp >= 0xd800 && cp <= 0xdfff) return true; // only ever seen alone: a pair is read as one code point
  if (cp >= 0xfdd0 && cp <= 0xfdef) return true; // noncharacters
  return (cp & 0xfffe) === 0xfffe; // U+FFFE, U+FFFF and their like in every plane
}

// A fast pre-test: most texts contain none of these.
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

/** Every refused character in a text, in order. */
export function findBadCharacters(text: string): BadCharacter[] {
  if (!SUSPECT.test(text) && !/[\u{1fffe}-\u{10ffff}]/u.test(text)) return [];
  const found: BadCharacter[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const length = cp > 0xffff ? 2 : 1;
    if (isBadCodePoint(cp)) found.push({ index: i, codePoint: cp, length });
    i += length;
  }
  return found;
}

const NAMES_AR: Record<number, string> = {
  0x00: 'الحرف الصفري NUL',
  0x07: 'الجرس',
  0x08: 'الرجوع خطوة',
  0x0b: 'الجدولة العمودية',
  0x0c: 'تغذية الصفحة',
  0x1b: 'الهروب ESC',
  0x7f: 'الحذف DEL',
  0x85: 'السطر التالي',
};

/** «U+000B (vertical tab)»: the character named for an editor, in English or Arabic. */
export function describeCharacter(cp: number, language: 'en' | 'ar' = 'en'): string {
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    language === 'ar'
      ? (NAMES_AR[cp] ?? (cp <= 0x9f ? 'حرف تحكم' : cp >= 0xd800 && cp <= 0xdfff ? 'نصف زوج بديل وحده' : 'رمز ليس حرفا'))
      : (NAMES[cp] ??
        (cp < 0x20 ? 'a control character' : cp <= 0x9f ? 'a C1 control character' : cp >= 0xd800 && cp <= 0xdfff ? 'a lone surrogate, half of a pair' : 'a noncharacter'));
  return `${code} (${name})`;
}

/** The words (up to `n` characters) before an offset, for saying where an invisible character is. */
export function textBefore(text: string, index: number, n = 16): string {
  const before = [...text.slice(0, index)].filter((c) => !isBadCodePoint(c.codePointAt(0)!) && c !== '\n');
  if (before.length <= n) return before.join('');
  const tail = before.slice(-n).join('');
  const space = tail.indexOf(' ');
  // Cut at a word boundary when the excerpt holds one, so no half word is quoted.
  return `…${space !== -1 && before.at(-n - 1) !== ' ' ? tail.slice(space + 1) : tail}`;
}

/** The text with every refused character shown as U+FFFD, safe to print in a terminal. */
export function visible(text: string): string {
  const bad = findBadCharacters(text);
  if (bad.length === 0) return text;
  let out = '';
  let from = 0;
  for (const b of bad) {
    out += `${text.slice(from, b.index)}\ufffd`;
    from = b.index + b.length;
  }
  return out + text.slice(from);
}
