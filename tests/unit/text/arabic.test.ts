import { describe, expect, it } from 'vitest';
import { collationKey, compareArabic, foldArabic, indexLetter, stripDefiniteArticle } from '../../../src/archive/text/arabic.ts';

describe('foldArabic', () => {
  it('folds hamza forms of alef, alef maqsura and taa marbuta', () => {
    expect(foldArabic('أحمد')).toBe('احمد');
    expect(foldArabic('إبراهيم')).toBe('ابراهيم');
    expect(foldArabic('آمنة')).toBe('امنه');
    expect(foldArabic('مصطفى')).toBe('مصطفي');
    expect(foldArabic('الدبيبة')).toBe(foldArabic('الدبيبه'));
  });

  it('removes tashkeel, tatweel and invisible marks', () => {
    expect(foldArabic('تَبُّون')).toBe('تبون');
    expect(foldArabic('الجـــزائر')).toBe('الجزائر');
    expect(foldArabic('ليبيا\u200f')).toBe('ليبيا');
    expect(foldArabic('عبد\u200cالمجيد')).toBe(foldArabic('عبدالمجيد'));
  });

  it('treats NFD and NFC forms alike', () => {
    const nfc = 'آمنة';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldArabic(nfd)).toBe(foldArabic(nfc));
  });

  it('joins «عبد ال…» written with or without the space, only at a word start', () => {
    expect(foldArabic('عبد المجيد تبون')).toBe(foldArabic('عبدالمجيد تبون'));
    expect(foldArabic('عبد  المجيد')).toBe('عبدالمجيد');
    expect(foldArabic('محمد عبد الحميد')).toBe('محمد عبدالحميد');
  });

  it('folds Arabic-Indic digits and Latin case', () => {
    expect(foldArabic('الدورة ١٤')).toBe('الدوره 14');
    expect(foldArabic('۲۰۲۱')).toBe('2021');
    expect(foldArabic('Sabri Boukadoum')).toBe('sabri boukadoum');
  });
});

describe('collation', () => {
  it('ignores the definite article «ال» for sorting and grouping', () => {
    expect(stripDefiniteArticle('الجزائر')).toBe('جزائر');
    expect(collationKey('الجزائر')).toBe('جزائر');
    expect(indexLetter('الجزائر')).toBe('ج');
    expect(indexLetter('الدبداب')).toBe('د');
  });

  it('does not strip «ال» when too little is left (short words)', () => {
    expect(stripDefiniteArticle('الل')).toBe('الل');
  });

  it('groups every alef form under ا', () => {
    expect(indexLetter('أحمد')).toBe('ا');
    expect(indexLetter('إبراهيم')).toBe('ا');
    expect(indexLetter('آمنة')).toBe('ا');
  });

  it('puts Latin names under their capital letter and others under #', () => {
    expect(indexLetter('bob')).toBe('B');
    expect(indexLetter('2020 Group')).toBe('#');
  });

  it('sorts in Arabic alphabetical order, ignoring «ال»', () => {
    const names = ['ليبيا', 'الجزائر', 'تونس', 'غدامس', 'الدبداب', 'أسوان', 'طرابلس'];
    expect([...names].sort(compareArabic)).toEqual(['أسوان', 'تونس', 'الجزائر', 'الدبداب', 'طرابلس', 'غدامس', 'ليبيا']);
  });
});
