import { describe, expect, it } from 'vitest';
import { describeCharacter, findBadCharacters, isBadCodePoint, textBefore } from '../../../src/archive/text/control-characters.ts';

describe('characters no page or feed may contain', () => {
  it('refuses C0 controls but tab, LF and CR; DEL and C1; lone surrogates; noncharacters', () => {
    const refused = [0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0xd800, 0xdfff, 0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x10ffff];
    const allowed = [0x09, 0x0a, 0x0d, 0x20, 0x7e, 0xa0, 0x627, 0x200f, 0xfdcf, 0xfdf0, 0xfeff, 0xfffd, 0x1f600, 0x1fffd];
    expect(refused.filter((cp) => !isBadCodePoint(cp))).toEqual([]);
    expect(allowed.filter(isBadCodePoint)).toEqual([]);
  });

  it('finds each one with its offset, a surrogate pair counting as one character', () => {
    expect(findBadCharacters('نص عادي 😀')).toEqual([]);
    expect(findBadCharacters('a\vb\uD800c\u{10FFFF}')).toEqual([
      { index: 1, codePoint: 0x0b, length: 1 },
      { index: 3, codePoint: 0xd800, length: 1 },
      { index: 5, codePoint: 0x10ffff, length: 2 },
    ]);
  });

  it('names a character for an editor, and shows the text before it', () => {
    expect(describeCharacter(0x0b)).toBe('U+000B (vertical tab)');
    expect(describeCharacter(0x1b)).toBe('U+001B (escape)');
    expect(describeCharacter(0x02)).toBe('U+0002 (a control character)');
    expect(describeCharacter(0xd800)).toBe('U+D800 (a lone surrogate, half of a pair)');
    expect(describeCharacter(0xffff)).toBe('U+FFFF (a noncharacter)');
    expect(textBefore('وصل وزير الخارجية\v', 17)).toBe('…وزير الخارجية');
    expect(textBefore('قال وزير الخارجية الجزائري\v', 26)).toBe('…الجزائري');
    expect(textBefore('ab\x01c\vd', 5)).toBe('abc');
  });
});
