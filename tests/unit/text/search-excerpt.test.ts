/** The passage a search result quotes (src/archive/text/search-excerpt.ts; issue 15, item 3). */
import { describe, expect, it } from 'vitest';
import { searchExcerpt, type ExcerptPart } from '../../../src/archive/text/search-excerpt.ts';
import { isNameOf, queryParts } from '../../../src/archive/text/search-plan.ts';

const TEXT =
  'وصل وزير الخارجية الجزائري صبري بوقادوم إلى طرابلس، أمس الأحد، في زيارة رسمية التقى خلالها رئيس المجلس الرئاسي محمد المنفي. ' +
  'وقال بوقادوم إن الجزائر تدعم الحل السياسي في ليبيا، وإن بلاده لن تتخلى عن جارتها في هذه المرحلة الحساسة من تاريخها. ' +
  'وأضاف أن اللجنة المشتركة ستجتمع قريبا لبحث ملفات الحدود والتجارة والطاقة بين البلدين.';

const marked = (parts: ExcerptPart[] | undefined) => (parts ?? []).filter((p) => p.marked).map((p) => p.text);
const whole = (parts: ExcerptPart[] | undefined) => (parts ?? []).map((p) => p.text).join('');

describe('a search result’s passage', () => {
  it('quotes the article’s own words around the words found, marking them in any spelling', () => {
    const parts = searchExcerpt(TEXT, 'بالمنفي', 12);
    expect(marked(parts)).toEqual(['المنفي']);
    expect(whole(parts)).toMatch(/^… .*المنفي.* …$/);
    // The words quoted are the text's, as written, not search keys.
    expect(TEXT).toContain(whole(parts).replace(/^… | …$/g, ''));
  });

  it('goes where most of the query’s words are together', () => {
    const parts = searchExcerpt(TEXT, 'اللجنة الحدود', 14);
    expect(marked(parts)).toEqual(['اللجنة', 'الحدود']);
  });

  it('marks a word the reader is still typing, and nothing when no word is found', () => {
    expect(marked(searchExcerpt(TEXT, 'الطاق', 10))).toEqual(['والطاقة']);
    expect(searchExcerpt(TEXT, 'تونس')).toBeUndefined();
    expect(searchExcerpt(TEXT, '   ')).toBeUndefined();
  });
});

describe('a query, read for the entries’ index', () => {
  it('splits Arabic words from Latin names and asks the entries’ index for both as keys', () => {
    expect(queryParts('Dbeibeh طرابلس')).toEqual({ text: 'طرابلس', latin: ['dbab'], entryQuery: 'طرابلس dbab' });
    expect(queryParts('  ')).toEqual({ text: '', latin: [], entryQuery: '' });
  });

  it('finds an entry by its whole name, a word of it, or the start of the word being typed', () => {
    const names = 'صبري بوقادوم\nبوقادوم\nsabr bakadam';
    expect(isNameOf(names, ['bakadam'])).toBe(true);
    expect(isNameOf(names, ['sabr', 'bak'])).toBe(true);
    expect(isNameOf(names, ['صبري', 'بوقادوم'])).toBe(true);
    expect(isNameOf(names, ['bakadam', 'tripoli'])).toBe(false);
    expect(isNameOf(names, [])).toBe(false);
  });
});

describe('the readable text search results quote', () => {
  it('keeps punctuation against the word a link ends, and words of separate blocks apart', async () => {
    const { readableText } = await import('../../../src/archive/output/search-index.ts');
    expect(readableText('<p>ورئيس الحكومة <a class="mention" href="/p/">عبد الحميد الدبيبة</a>. وأفاد <strong>المكتب</strong>، أمس.</p><p>فقرة</p>')).toBe('ورئيس الحكومة عبد الحميد الدبيبة. وأفاد المكتب، أمس. فقرة');
  });
});
