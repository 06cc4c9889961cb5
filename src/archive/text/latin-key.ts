/**
 * A Latin spelling of an Arabic name as a key that its other spellings share: Dbeibah,
 * Dbeibeh and Dbaiba; Menfi and Manfi; Boukadoum, Bouqadoum and Boukadum; Chaabane and
 * Shaaban; Abdelmadjid and Abdulmajeed. Newswires transliterate the same name in English,
 * French and local ways; what differs is mostly the vowels, doubled letters, a final -h or -e,
 * the article (al-, el-) and a few consonant spellings (q/k, dj/j, ch/sh, ou/u).
 *
 * The key keeps the consonants (spellings of the same sound made one) and where vowels are,
 * not which vowels: every run of vowels becomes «a». That is loose enough for the spellings
 * above and strict enough that Said and Saad meet but Samir and Sami do not.
 *
 * Used by the build (the entries' search records) and in the browser (the reader's query):
 * keep it free of Node APIs.
 */

/** Consonant spellings that stand for one sound, longest first (applied left to right). */
const SOUNDS: readonly (readonly [RegExp, string])[] = [
  [/sch|ch/g, 'sh'],
  [/kh/g, 'k'],
  [/gh/g, 'g'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/ph/g, 'f'],
  [/dj|dz/g, 'j'],
  [/ck|q|c/g, 'k'],
  [/ou|oo|w(?=[aeiouy])/g, 'u'],
  [/ee/g, 'i'],
];

/** The Arabic article as Latin spellings write it, joined to its name (al-, el-, ad-, ash-, El). */
const ARTICLE = /(?<![\p{L}])(?:[ae][lrnstdz]|a[sd]h|ul)[-‐]/giu;

/** The article written as a word of its own («Al Thani», «El Sisi»). */
const ARTICLE_WORD = /^(?:al|el)$/i;

/** The key of one Latin word (lower case letters only; empty for a word with none). */
export function latinKey(word: string): string {
  let w = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`ʿʾ‘]/g, '');
  w = w.replace(ARTICLE, '').replace(/[^a-z]/g, '');
  for (const [spelling, sound] of SOUNDS) w = w.replace(spelling, sound);
  w = w
    // A doubled consonant is one (Tebboune, Youssef, Muhammad).
    .replace(/([^aeiouy])\1+/g, '$1')
    // y before a vowel is a consonant (Youssef, Yahia); elsewhere a vowel (Aly, Husayn).
    .replace(/y(?=[aeiou])/g, 'ý')
    // Where a vowel is, not which: every run of vowels is one «a».
    .replace(/[aeiouy]+/g, 'a')
    .replace(/ý/g, 'y')
    // A final -h or -e after a vowel is the spelling of a vowel (Dbeibah, Tebboune): dropped, with that vowel.
    .replace(/ah$/, 'a')
    .replace(/(?<=.[^a])a$/, '');
  return w;
}

/** Does this text have Latin letters? */
export function hasLatin(text: string): boolean {
  return /[A-Za-z\u00C0-\u024F]/.test(text);
}

/** The keys of a Latin text, word by word («Abdul Hamid Dbeibah» → «abdal hamad dbab»), each once. */
export function latinKeys(text: string): string[] {
  const keys: string[] = [];
  for (const word of text.replace(ARTICLE, '').split(/[\s\-–—,،.;:()/]+/)) {
    if (!hasLatin(word) || ARTICLE_WORD.test(word)) continue;
    const key = latinKey(word);
    if (key.length >= 2 && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
