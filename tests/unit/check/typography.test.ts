import { describe, expect, it } from 'vitest';
import { detachedConjunction, doubledPunctuation, quotationMarks, spaceBeforePunctuation } from '../../../src/archive/check/typography.ts';

const rules = (findings: { rule: string; column: number }[]) => findings.map((f) => `${f.rule}@${f.column}`);

describe('typography checks', () => {
  it('finds doubled commas, not ellipses', () => {
    expect(rules(doubledPunctuation('رئيس المجلس، ، دعوة'))).toEqual(['text/doubled-punctuation@12']);
    expect(rules(doubledPunctuation('قال،، ثم'))).toEqual(['text/doubled-punctuation@4']);
    expect(doubledPunctuation('وهكذا... انتهى')).toEqual([]);
  });

  it('finds a space before punctuation, once per doubled comma', () => {
    expect(rules(spaceBeforePunctuation('عن الزيارة ، تجنب'))).toEqual(['text/space-before-punctuation@11']);
    expect(spaceBeforePunctuation('رئيس المجلس، ، دعوة')).toEqual([]);
    expect(spaceBeforePunctuation('قال: «نعم»، ثم ... انتهى')).toEqual([]);
  });

  it('finds a detached «و», not words that start with و', () => {
    expect(rules(detachedConjunction('الراهنة، و آفاق'))).toEqual(['text/detached-conjunction@10']);
    expect(rules(detachedConjunction('و معبر تنلكوم'))).toEqual(['text/detached-conjunction@1']);
    expect(detachedConjunction('وآفاق وزير ولد')).toEqual([]);
  });

  it('checks quotation marks pair by pair', () => {
    expect(quotationMarks('قال «نعم» ثم "لا" و“ربما”')).toEqual([]);
    expect(rules(quotationMarks('قال "أ" ثم ب".'))).toEqual(['text/quotes-unbalanced@13']);
    expect(rules(quotationMarks('أن "الجزائر بحاجة» ثم «الهدف".'))).toEqual(['text/quotes-mixed@18', 'text/quotes-mixed@29']);
    expect(rules(quotationMarks('نعم» فقط'))).toEqual(['text/quotes-unbalanced@4']);
  });
});
