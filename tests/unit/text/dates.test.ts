import { describe, expect, it } from 'vitest';
import { formatFullDate, formatGregorian, formatHijri, formatMonth, formatNumber, parseArticleDate } from '../../../src/archive/text/dates.ts';

const latn = { locale: 'ar', numberingSystem: 'latn' };

describe('parseArticleDate', () => {
  it('takes YYYY-MM-DD as a calendar date', () => {
    const r = parseArticleDate('2021-04-19', 'Africa/Tripoli');
    expect(r.ok && r.date).toMatchObject({ year: 2021, month: 4, day: 19, hasTime: false, isoDate: '2021-04-19' });
  });

  it('refuses impossible days', () => {
    const r = parseArticleDate('2021-02-30', 'UTC');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toContain('2021-02-30');
    expect(parseArticleDate('2021-13-01', 'UTC').ok).toBe(false);
    expect(parseArticleDate('2024-02-29', 'UTC').ok).toBe(true);
  });

  it('places a date-time with offset on the calendar of the site time zone', () => {
    const r = parseArticleDate('2021-04-30T23:30:00Z', 'Africa/Tripoli'); // UTC+2: already 1 May
    expect(r.ok && [r.date.year, r.date.month, r.date.day]).toEqual([2021, 5, 1]);
    expect(r.ok && r.date.instant).toBe(Date.UTC(2021, 3, 30, 23, 30));
    const same = parseArticleDate('2021-04-30T23:30:00Z', 'UTC');
    expect(same.ok && same.date.month).toBe(4);
  });

  it('refuses a date-time without offset and other shapes, saying how to write it', () => {
    const noOffset = parseArticleDate('2021-04-19T10:00:00', 'UTC');
    expect(!noOffset.ok && noOffset.problem).toContain('offset');
    const words = parseArticleDate('19 April 2021', 'UTC');
    expect(!words.ok && words.problem).toContain('YYYY-MM-DD');
    expect(parseArticleDate('2021-04-19T25:00:00Z', 'UTC').ok).toBe(false);
  });
});

describe('formatting', () => {
  const seedDay = { year: 2021, month: 4, day: 19 };

  it('writes the seed date in Gregorian and Umm al-Qura Hijri with the weekday', () => {
    expect(formatGregorian(seedDay, latn)).toBe('الاثنين 19 أبريل 2021');
    expect(formatHijri(seedDay, latn)).toBe('7 رمضان 1442 هـ');
    expect(formatFullDate(seedDay, latn)).toBe('الاثنين 19 أبريل 2021 · 7 رمضان 1442 هـ');
  });

  it('follows the numbering system and locale settings', () => {
    expect(formatGregorian(seedDay, { locale: 'ar', numberingSystem: 'arab' }, false)).toBe('١٩ أبريل ٢٠٢١');
    expect(formatMonth(2021, 4, { locale: 'ar-SY', numberingSystem: 'latn' })).toBe('نيسان 2021');
  });

  it('knows Hijri month boundaries (1 Shawwal 1442 = 13 May 2021)', () => {
    expect(formatHijri({ year: 2021, month: 5, day: 13 }, latn)).toBe('1 شوال 1442 هـ');
    expect(formatHijri({ year: 2021, month: 5, day: 12 }, latn)).toBe('30 رمضان 1442 هـ');
  });

  it('groups counts but never years', () => {
    expect(formatNumber(12345, latn)).toBe('12,345');
    expect(formatNumber(2021, latn, false)).toBe('2021');
  });
});
