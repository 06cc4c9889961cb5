import { describe, expect, it } from 'vitest';
import {
  formatFullDate,
  formatGregorian,
  formatHijri,
  formatMonth,
  formatNumber,
  gregorianFromHijri,
  hijriDate,
  isoCalendarDate,
  parseArticleDate,
  SUPPORTED_YEARS,
} from '../../../src/archive/text/dates.ts';
import { formatTime, isoDateTime } from '../../../src/archive/text/dates.ts';

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

describe('supported years (issue 12, item 11)', () => {
  const refused = (value: string, field = 'date') => {
    const r = parseArticleDate(value, 'Africa/Tripoli', field);
    if (r.ok) throw new Error(`${value} was accepted`);
    return `${r.problem} → ${r.hint}`;
  };

  it('accepts 1900 to 2100, where every Hijri date is a real Umm al-Qura date', () => {
    expect(SUPPORTED_YEARS).toEqual({ first: 1900, last: 2100 });
    for (const value of ['1900-01-01', '2100-12-31', '2100-12-31T20:00:00Z']) expect(parseArticleDate(value, 'UTC').ok, value).toBe(true);
    // The Hijri years of the range stay inside ICU's Umm al-Qura table (1300–1600 AH).
    expect(hijriDate({ year: 1900, month: 1, day: 1 }).year).toBe(1317);
    expect(hijriDate({ year: 2100, month: 12, day: 31 }).year).toBe(1524);
  });

  it('says a year from 1300 to 1500 looks Hijri, and gives the Gregorian date', () => {
    expect(refused('1442-09-07')).toBe(
      'the year 1442 looks like a Hijri year: “date” is the Gregorian date (the page shows the Hijri date beside it) → ' +
        'write the Gregorian date: 1442-09-07 in the Hijri (Umm al-Qura) calendar is 2021-04-19, so date: 2021-04-19',
    );
    expect(refused('1442-09-07T10:30:00+02:00', 'updated')).toContain('so updated: 2021-04-19T10:30:00+02:00');
    // 30 Ramadan 1442 exists (12 May 2021); 30 Shawwal 1442 does not: no conversion is offered.
    expect(refused('1442-09-30')).toContain('is 2021-05-12');
    expect(refused('1442-10-30')).toContain('write the Gregorian date, e.g. date: 2021-04-19 for 7 Ramadan 1442');
    // Written as Gregorian, 1442-02-30 is no day at all; as Hijri it is 30 Safar.
    expect(refused('1442-02-30')).toContain('looks like a Hijri year');
  });

  it('refuses other years outside the range, instead of publishing /hijri/-538/ and datetime="100-03-01"', () => {
    expect(refused('0100-03-01', 'updated')).toBe(
      'the year 0100 is outside the years the archive supports (1900–2100) → check the year: write updated: YYYY-MM-DD with a year from 1900 to 2100',
    );
    expect(refused('1899-12-31')).toContain('outside the years the archive supports');
    expect(refused('2101-01-01')).toContain('outside the years the archive supports');
    expect(refused('2150-01-01T10:00:00+02:00')).toContain('the year 2150 is outside');
    // The last evening of 2100 in New York is already 2101 in Tripoli.
    expect(refused('2100-12-31T23:00:00-05:00')).toContain('the year 2101 is outside');
  });

  it('converts dates to and from Umm al-Qura', () => {
    expect(gregorianFromHijri(1442, 9, 7)).toEqual({ year: 2021, month: 4, day: 19 });
    expect(gregorianFromHijri(1442, 10, 1)).toEqual({ year: 2021, month: 5, day: 13 });
    expect(gregorianFromHijri(1300, 1, 1)).toEqual({ year: 1882, month: 11, day: 12 });
    expect(gregorianFromHijri(1442, 10, 30)).toBeUndefined();
    expect(gregorianFromHijri(100, 1, 1)).toBeUndefined();
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2101, 0, 1); t += 97 * 86_400_000) {
      const d = new Date(t);
      const g = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      const h = hijriDate(g);
      expect(gregorianFromHijri(h.year, h.month, h.day)).toEqual(g);
    }
  });

  it('writes every year with four digits in ISO dates', () => {
    expect(isoCalendarDate({ year: 100, month: 3, day: 1 })).toBe('0100-03-01');
    expect(isoCalendarDate({ year: 2021, month: 4, day: 19 })).toBe('2021-04-19');
    const r = parseArticleDate('1900-01-01T00:30:00+01:00', 'Africa/Tripoli');
    expect(r.ok && r.date.isoDate).toBe('1900-01-01');
  });
});

describe('dates written another way (issue 12, item 13)', () => {
  const hint = (value: string, field = 'date') => {
    const r = parseArticleDate(value, 'UTC', field);
    return r.ok ? 'accepted' : `${r.problem} → ${r.hint}`;
  };

  it('reads a date written with Arabic-Indic or Persian digits, with a notice saying to use 0–9 (issue 15, item 12)', () => {
    const notice = (value: string, field = 'date') => {
      const r = parseArticleDate(value, 'UTC', field);
      return r.ok ? `${r.date.isoDate}: ${r.notice?.problem} → ${r.notice?.hint}` : `refused: ${r.problem}`;
    };
    expect(notice('٢٠٢١-٠٤-١٩')).toBe('2021-04-19: the date is written with Arabic-Indic digits (٠–٩); it is read as 2021-04-19 → write it with the digits 0–9: date: 2021-04-19');
    expect(notice('۲۰۲۱-۰۴-۲۰', 'updated')).toBe('2021-04-20: the date is written with Persian digits (۰–۹); it is read as 2021-04-20 → write it with the digits 0–9: updated: 2021-04-20');
    expect(notice('٢٠٢١-٠٤-١٩T١٠:٣٠:٠٠+٠٢:٠٠')).toContain('date: 2021-04-19T10:30:00+02:00');
    // Converted, but still wrong: both things are said.
    expect(hint('١٤٤٢-٠٩-٠٧')).toContain('write the Gregorian date: 1442-09-07 in the Hijri (Umm al-Qura) calendar is 2021-04-19');
    expect(hint('١٤٤٢-٠٩-٠٧')).toContain('read with the digits 0–9 for the Arabic-Indic digits');
  });

  it('offers the date another shape means: other separators, unpadded, day first, month names (issue 15, item 12)', () => {
    expect(hint('2021/4/19')).toBe('"2021/4/19" is not written YYYY-MM-DD; did you mean 2021-04-19? → write date: 2021-04-19');
    expect(hint('2021-4-20')).toContain('did you mean 2021-04-20?');
    expect(hint('19.04.2021')).toContain('did you mean 2021-04-19?');
    expect(hint('04/19/2021')).toContain('did you mean 2021-04-19?');
    // Day and month could swap: both, day first as Arabic newsrooms write.
    expect(hint('03/04/2021')).toBe('"03/04/2021" is not written YYYY-MM-DD; did you mean 2021-04-03 (day, month, year) or 2021-03-04 (month, day, year)? → write date: 2021-04-03, or date: 2021-03-04');
    for (const [written, iso] of [
      ['20 أبريل 2021', '2021-04-20'],
      ['20 ابريل 2021م', '2021-04-20'],
      ['الثلاثاء 20 نيسان 2021', '2021-04-20'],
      ['الثلاثاء، 20 أفريل 2021', '2021-04-20'],
      ['5 تشرين الأول 2020', '2020-10-05'],
      ['1 جويلية 2019', '2019-07-01'],
      ['19 April 2021', '2021-04-19'],
      ['April 19, 2021', '2021-04-19'],
    ]) {
      expect(hint(written!), written).toContain(`did you mean ${iso}?`);
    }
    expect(hint('31 فبراير 2021')).toBe('a date is written YYYY-MM-DD, e.g. 2021-04-19 → undefined');
    expect(hint('أمس')).toBe('a date is written YYYY-MM-DD, e.g. 2021-04-19 → undefined');
  });
});

describe('a date-time’s time (issue 15, item 12)', () => {
  it('is shown on the site’s clock with its offset, and kept machine-readable as the editor gave it', () => {
    const r = parseArticleDate('2021-04-19 10:30+0200', 'Africa/Tripoli');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(isoDateTime(r.date)).toBe('2021-04-19T10:30+02:00');
    expect(formatTime(r.date.instant, { locale: 'ar', numberingSystem: 'latn' }, 'Africa/Tripoli')).toBe('10:30 غرينتش+2');
    expect(formatTime(r.date.instant, { locale: 'ar', numberingSystem: 'arab' }, 'Africa/Tripoli')).toMatch(/^١٠:٣٠/);
    const digits = parseArticleDate('٢٠٢١-٠٤-١٩T١٠:٣٠:٠٠Z', 'UTC');
    expect(digits.ok && isoDateTime(digits.date)).toBe('2021-04-19T10:30:00Z');
    const day = parseArticleDate('2021-04-19', 'UTC');
    expect(day.ok && isoDateTime(day.date)).toBe('2021-04-19');
  });
});
