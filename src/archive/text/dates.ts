/**
 * Article dates: parsing what editors write, and showing it in Gregorian and Hijri
 * (Umm al-Qura) through Intl with an explicit calendar, time zone and numbering system.
 */

/** A calendar date in the site's time zone: what an article's URL and heading use. */
export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** A parsed `date`/`updated` value. */
export interface ArticleDate extends CalendarDate {
  /** The value as the editor wrote it. */
  source: string;
  /** Milliseconds since the epoch, for ordering (a date-only value counts as 00:00 UTC). */
  instant: number;
  /** Was a time of day given? */
  hasTime: boolean;
  /** `YYYY-MM-DD` of the calendar date, for `<time datetime>` and sorting keys. */
  isoDate: string;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Zero-pads a number to two digits. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The calendar date of an instant in a time zone. */
export function calendarDateIn(instant: number, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    calendar: 'gregory',
    numberingSystem: 'latn',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Result of parsing a date: the date, or why it is not one. */
export type DateParse = { ok: true; date: ArticleDate } | { ok: false; problem: string };

/**
 * Parses `YYYY-MM-DD` or an ISO 8601 date-time with an offset (`2021-04-19T10:30:00+02:00`).
 * A date-time is placed on the calendar of `timeZone`; a date is taken as written.
 */
export function parseArticleDate(value: string, timeZone: string): DateParse {
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (!isRealDate(year, month, day)) return { ok: false, problem: `there is no day ${text} in the calendar` };
    return {
      ok: true,
      date: { source: value, year, month, day, instant: Date.UTC(year, month - 1, day), hasTime: false, isoDate: text },
    };
  }
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [year, month, day] = [Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3])];
    if (!isRealDate(year, month, day)) {
      return { ok: false, problem: `there is no day ${text.slice(0, 10)} in the calendar` };
    }
    const [hour, minute, second] = [Number(dateTime[4]), Number(dateTime[5]), Number(dateTime[6] ?? 0)];
    if (hour > 23 || minute > 59 || second > 59) return { ok: false, problem: `${text.slice(11)} is not a time of day` };
    const instant = Date.parse(text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isNaN(instant)) return { ok: false, problem: `${text} is not a date-time` };
    const cal = calendarDateIn(instant, timeZone);
    return {
      ok: true,
      date: { source: value, ...cal, instant, hasTime: true, isoDate: `${cal.year}-${pad2(cal.month)}-${pad2(cal.day)}` },
    };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/i.test(text)) {
    return { ok: false, problem: 'a date-time needs an offset such as +02:00 or Z, so it names one moment' };
  }
  return { ok: false, problem: 'a date is written YYYY-MM-DD, e.g. 2021-04-19' };
}

/** How dates are written on the site. */
export interface DateStyle {
  locale: string;
  numberingSystem: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

function partsOf(date: CalendarDate, style: DateStyle, calendar: string, withWeekday: boolean) {
  const f = formatter(`${style.locale}|${style.numberingSystem}|${calendar}|${withWeekday}`, style.locale, {
    calendar,
    numberingSystem: style.numberingSystem,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withWeekday ? { weekday: 'long' as const } : {}),
    ...(calendar === 'gregory' ? {} : { era: 'short' as const }),
  });
  const parts = f.formatToParts(new Date(Date.UTC(date.year, date.month - 1, date.day, 12)));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), day: get('day'), month: get('month'), year: get('year'), era: get('era') };
}

/** The Umm al-Qura year, month (1–12) and day of a calendar date. */
export function hijriDate(date: CalendarDate): CalendarDate {
  const parts = formatter('hijri-numeric', 'en', {
    calendar: 'islamic-umalqura',
    numberingSystem: 'latn',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(new Date(Date.UTC(date.year, date.month - 1, date.day, 12)));
  const get = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** «رمضان 1442 هـ»: a Hijri month for titles. */
export function formatHijriMonth(year: number, month: number, style: DateStyle): string {
  const f = formatter(`${style.locale}|${style.numberingSystem}|hijri-month`, style.locale, {
    calendar: 'islamic-umalqura',
    numberingSystem: style.numberingSystem,
    month: 'long',
  });
  // The 15th of a Hijri month, found from the Gregorian side: Umm al-Qura months are 29–30 days.
  let probe = Date.UTC(2021, 0, 1, 12);
  const target = year * 12 + month;
  for (let i = 0; i < 40; i++) {
    const h = hijriDate(calendarDateIn(probe, 'UTC'));
    const diff = target - (h.year * 12 + h.month);
    if (diff === 0) break;
    probe += Math.round(diff * 29.53) * 86_400_000;
  }
  const name = f.formatToParts(new Date(probe)).find((p) => p.type === 'month')?.value ?? String(month);
  return `${name} ${formatNumber(year, style, false)} هـ`;
}

/** «الاثنين 19 أبريل 2021» (weekday optional). Built from parts so no locale comma slips in. */
export function formatGregorian(date: CalendarDate, style: DateStyle, withWeekday = true): string {
  const p = partsOf(date, style, 'gregory', withWeekday);
  return [withWeekday ? p.weekday : '', p.day, p.month, p.year].filter(Boolean).join(' ');
}

/** «7 رمضان 1442 هـ»: the Umm al-Qura date of a calendar date. */
export function formatHijri(date: CalendarDate, style: DateStyle): string {
  const p = partsOf(date, style, 'islamic-umalqura', false);
  return [p.day, p.month, p.year, p.era || 'هـ'].join(' ');
}

/** «الاثنين 19 أبريل 2021 · 7 رمضان 1442 هـ». */
export function formatFullDate(date: CalendarDate, style: DateStyle): string {
  return `${formatGregorian(date, style)} · ${formatHijri(date, style)}`;
}

/** «أبريل 2021». */
export function formatMonth(year: number, month: number, style: DateStyle): string {
  const p = partsOf({ year, month, day: 1 }, style, 'gregory', false);
  return `${p.month} ${p.year}`;
}

/** The month's name alone: «أبريل». */
export function monthName(month: number, style: DateStyle): string {
  return partsOf({ year: 2001, month, day: 1 }, style, 'gregory', false).month;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number written in the site's digits; `grouping: false` for years and page numbers (2021, not 2,021). */
export function formatNumber(n: number, style: DateStyle, grouping = true): string {
  const key = `${style.locale}|${style.numberingSystem}|${grouping}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(style.locale, { numberingSystem: style.numberingSystem, useGrouping: grouping });
    numberFormats.set(key, f);
  }
  return f.format(n);
}
