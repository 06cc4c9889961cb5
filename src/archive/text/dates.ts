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

/**
 * The date as machine-readable ISO 8601: `2021-04-19`, or the date-time with the offset the
 * editor gave (`2021-04-19T10:30:00+02:00`), for `<time datetime>` and JSON-LD, whatever
 * digits, separator or offset form was written.
 */
export function isoDateTime(date: ArticleDate): string {
  if (!date.hasTime) return date.isoDate;
  return westernDigits(date.source.trim())
    .replace(' ', 'T')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
    .replace(/z$/, 'Z');
}

/** Zero-pads a number to two digits. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The Gregorian years `date` and `updated` may have. Inside them the Hijri dates are real
 * Umm al-Qura dates (ICU's Umm al-Qura table spans 1300–1600 AH, 1882–2174; outside it Intl
 * falls back to the arithmetic calendar, and before 622 to negative years), and every year has
 * four digits, as `<time datetime>` and the URLs need.
 */
export const SUPPORTED_YEARS = { first: 1900, last: 2100 } as const;

/** Years that are probably Hijri years written in `date` (1442 for 2021). */
const HIJRI_LOOKING = { first: 1300, last: 1500 } as const;

/** `YYYY-MM-DD` of a calendar date, the year always four digits (valid in `<time datetime>`). */
export function isoCalendarDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
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

/** Result of parsing a date: the date, or why it is not one (and, when it can say, what to write). */
/** A date's problem in Arabic, beside the English `problem` and `hint` (issue 15, item 16). */
export interface ArabicWords {
  problem: string;
  hint?: string;
}

export type DateParse = { ok: true; date: ArticleDate; notice?: { problem: string; hint: string } } | { ok: false; problem: string; hint?: string; ar: ArabicWords };

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits turned into 0–9. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String((c.charCodeAt(0) - 0x660) % 0x90));
}

/**
 * The Gregorian date of an Umm al-Qura date, or undefined when there is no such Hijri day (the
 * 30th of a 29-day month) or it is outside the Umm al-Qura table.
 */
export function gregorianFromHijri(year: number, month: number, day: number): CalendarDate | undefined {
  if (year < 1300 || year > 1600 || month < 1 || month > 12 || day < 1 || day > 30) return undefined;
  const target = (y: number, m: number, d: number) => (y * 12 + m - 1) * 29.530589 + d;
  // 1 Muharram 1 AH was 19 July 622 (proleptic Gregorian); then step by the difference found.
  let probe = Date.UTC(622, 6, 19, 12) + Math.round(target(year, month, day) - target(1, 1, 1)) * 86_400_000;
  for (let i = 0; i < 12; i++) {
    const g = calendarDateIn(probe, 'UTC');
    const h = hijriDate(g);
    const diff = Math.round(target(year, month, day) - target(h.year, h.month, h.day));
    if (h.year === year && h.month === month && h.day === day) return g;
    if (diff === 0) return undefined;
    probe += diff * 86_400_000;
  }
  return undefined;
}

/** Why a year cannot be a `date`'s, with what to write instead; undefined when it can. */
function yearProblem(year: number, month: number, day: number, text: string, field: string): DateParse | undefined {
  const { first, last } = SUPPORTED_YEARS;
  if (year >= first && year <= last) return undefined;
  if (year >= HIJRI_LOOKING.first && year <= HIJRI_LOOKING.last) {
    const g = gregorianFromHijri(year, month, day);
    return {
      ok: false,
      problem: `the year ${text.slice(0, 4)} looks like a Hijri year: “${field}” is the Gregorian date (the page shows the Hijri date beside it)`,
      hint: g
        ? `write the Gregorian date: ${text.slice(0, 10)} in the Hijri (Umm al-Qura) calendar is ${isoCalendarDate(g)}, so ${field}: ${isoCalendarDate(g)}${text.slice(10)}`
        : `write the Gregorian date, e.g. ${field}: 2021-04-19 for 7 Ramadan 1442`,
      ar: {
        problem: `السنة ${text.slice(0, 4)} تبدو هجرية: «${field}» هو التاريخ الميلادي (والصفحة تعرض الهجري بجانبه)`,
        hint: g ? `اكتب التاريخ الميلادي: ${text.slice(0, 10)} بتقويم أم القرى يوافق ${isoCalendarDate(g)}، فاكتب ${field}: ${isoCalendarDate(g)}${text.slice(10)}` : `اكتب التاريخ الميلادي، مثلا ${field}: 2021-04-19 ليوم 7 رمضان 1442`,
      },
    };
  }
  return {
    ok: false,
    problem: `the year ${text.slice(0, 4)} is outside the years the archive supports (${first}–${last})`,
    hint: `check the year: write ${field}: YYYY-MM-DD with a year from ${first} to ${last}`,
    ar: { problem: `السنة ${text.slice(0, 4)} خارج السنوات التي يقبلها الأرشيف (${first}–${last})`, hint: `راجع السنة: اكتب ${field}: YYYY-MM-DD بسنة بين ${first} و${last}` },
  };
}

/**
 * Parses `YYYY-MM-DD` or an ISO 8601 date-time with an offset (`2021-04-19T10:30:00+02:00`).
 * A date-time is placed on the calendar of `timeZone`; a date is taken as written. Years must be
 * in SUPPORTED_YEARS. `field` names the front-matter field in hints.
 */
export function parseArticleDate(value: string, timeZone: string, field = 'date'): DateParse {
  const text = value.trim();
  if (/[\u0660-\u0669\u06f0-\u06f9]/.test(text)) {
    // Arabic keyboards type these digits: the date is read, with a warning.
    const western = westernDigits(text);
    const digits = /[\u06f0-\u06f9]/.test(text) ? 'Persian digits (۰–۹)' : 'Arabic-Indic digits (٠–٩)';
    const again = parseArticleDate(western, timeZone, field);
    if (again.ok) {
      return { ...again, date: { ...again.date, source: value }, notice: { problem: `the date is written with ${digits}; it is read as ${western}`, hint: `write it with the digits 0–9: ${field}: ${western}` } };
    }
    return {
      ok: false,
      problem: `${again.problem} (read with the digits 0–9 for the ${digits}: ${western})`,
      ...(again.hint ? { hint: again.hint } : {}),
      ar: { problem: `${again.ar.problem} (بعد قراءته بالأرقام 0–9: ${western})`, ...(again.ar.hint ? { hint: again.ar.hint } : {}) },
    };
  }
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const outside = yearProblem(year, month, day, text, field);
    if (outside) return outside;
    if (!isRealDate(year, month, day)) return { ok: false, problem: `there is no day ${text} in the calendar`, ar: { problem: `لا يوجد يوم ${text} في التقويم` } };
    return {
      ok: true,
      date: { source: value, year, month, day, instant: Date.UTC(year, month - 1, day), hasTime: false, isoDate: text },
    };
  }
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [year, month, day] = [Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3])];
    const outside = yearProblem(year, month, day, text, field);
    if (outside) return outside;
    if (!isRealDate(year, month, day)) {
      return { ok: false, problem: `there is no day ${text.slice(0, 10)} in the calendar`, ar: { problem: `لا يوجد يوم ${text.slice(0, 10)} في التقويم` } };
    }
    const [hour, minute, second] = [Number(dateTime[4]), Number(dateTime[5]), Number(dateTime[6] ?? 0)];
    if (hour > 23 || minute > 59 || second > 59) return { ok: false, problem: `${text.slice(11)} is not a time of day`, ar: { problem: `${text.slice(11)} ليس وقتا من اليوم` } };
    const instant = Date.parse(text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isNaN(instant)) return { ok: false, problem: `${text} is not a date-time`, ar: { problem: `${text} ليس تاريخا ووقتا` } };
    const cal = calendarDateIn(instant, timeZone);
    // 2100-12-31T23:00:00-05:00 is already 2101 in the site's time zone.
    const shifted = yearProblem(cal.year, cal.month, cal.day, isoCalendarDate(cal), field);
    if (shifted) return shifted;
    return { ok: true, date: { source: value, ...cal, instant, hasTime: true, isoDate: isoCalendarDate(cal) } };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/i.test(text)) {
    return { ok: false, problem: 'a date-time needs an offset such as +02:00 or Z, so it names one moment', ar: { problem: 'التاريخ مع الوقت يحتاج إلى فارق التوقيت، مثل +02:00 أو Z، ليدل على لحظة واحدة' } };
  }
  const meant = reshaped(text, timeZone, field);
  if (meant.length === 0) return { ok: false, problem: 'a date is written YYYY-MM-DD, e.g. 2021-04-19', ar: { problem: 'يُكتب التاريخ YYYY-MM-DD، مثلا 2021-04-19' } };
  const options = meant.map((m) => `${m.iso}${meant.length > 1 ? ` (${m.reading})` : ''}`).join(' or ');
  const readings: Record<string, string> = { 'year, month, day': 'السنة ثم الشهر ثم اليوم', 'day, month, year': 'اليوم ثم الشهر ثم السنة', 'month, day, year': 'الشهر ثم اليوم ثم السنة' };
  return {
    ok: false,
    problem: `${JSON.stringify(text)} is not written YYYY-MM-DD; did you mean ${options}?`,
    hint: `write ${field}: ${meant[0]!.iso}${meant.length > 1 ? `, or ${field}: ${meant[1]!.iso}` : ''}`,
    ar: {
      problem: `${JSON.stringify(text)} ليس مكتوبا YYYY-MM-DD؛ هل تقصد ${meant.map((m) => `${m.iso}${meant.length > 1 ? ` (${readings[m.reading]})` : ''}`).join(' أو ')}؟`,
      hint: `اكتب ${field}: ${meant[0]!.iso}${meant.length > 1 ? `، أو ${field}: ${meant[1]!.iso}` : ''}`,
    },
  };
}

/** Month names as Arabic newsrooms write them (Egypt and the Gulf, the Levant, the Maghreb) and in English, folded. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['يناير', 'جانفي', 'كانون الثاني', 'january', 'jan'],
  ['فبراير', 'فيفري', 'شباط', 'february', 'feb'],
  ['مارس', 'اذار', 'march', 'mar'],
  ['ابريل', 'افريل', 'نيسان', 'april', 'apr'],
  ['مايو', 'ماي', 'ايار', 'may'],
  ['يونيو', 'يونيه', 'جوان', 'حزيران', 'june', 'jun'],
  ['يوليو', 'يوليه', 'يوليوز', 'جويليه', 'تموز', 'july', 'jul'],
  ['اغسطس', 'غشت', 'اوت', 'اب', 'august', 'aug'],
  ['سبتمبر', 'شتنبر', 'ايلول', 'september', 'sept', 'sep'],
  ['اكتوبر', 'تشرين الاول', 'october', 'oct'],
  ['نوفمبر', 'نونبر', 'تشرين الثاني', 'november', 'nov'],
  ['ديسمبر', 'دجنبر', 'كانون الاول', 'december', 'dec'],
];

/** Folded for month names: hamza seats, ة, ى, tatweel and case do not matter. */
function foldMonth(text: string): string {
  return text.toLowerCase().replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي').replace(/\u0640/g, '').replace(/\s+/g, ' ').trim();
}

/** The number of a month written by name, or undefined. */
function monthNumber(name: string): number | undefined {
  const folded = foldMonth(name).replace(/\.$/, '');
  const i = MONTH_NAMES.findIndex((names) => names.includes(folded));
  return i === -1 ? undefined : i + 1;
}

/**
 * The first date a text's opening lines give (a dateline: «طرابلس - 19 أبريل 2021»,
 * «2021/04/19», «الاثنين، 19 نيسان 2021»), as `YYYY-MM-DD`, for importing an article; day
 * first when day and month could swap. Undefined when none is there.
 */
export function dateInText(text: string, lines = 5): string | undefined {
  const months = MONTH_NAMES.flat()
    .map((m) => m.replace(/ /g, '\\s+'))
    .sort((a, b) => b.length - a.length)
    .join('|');
  const shapes = [
    /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/,
    /(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/,
    new RegExp(`(?<!\\d)(\\d{1,2})\\s+(?:${months})\\.?،?,?\\s+(\\d{4})(?!\\d)`, 'iu'),
    new RegExp(`(?<![\\p{L}])(?:${months})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)`, 'iu'),
  ];
  const opening = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, lines);
  for (const line of opening) {
    const folded = foldMonth(westernDigits(line));
    for (const shape of shapes) {
      const m = shape.exec(folded);
      if (!m) continue;
      const meant = reshaped(m[0].replace(/،/g, ' ').trim(), 'UTC', 'date');
      if (meant[0]) return meant[0].iso;
      if (/^\d{4}-\d{2}-\d{2}$/.test(m[0]) && parseArticleDate(m[0], 'UTC').ok) return m[0];
    }
  }
  return undefined;
}

/**
 * The days a date written in another shape may mean: 2021/4/19, 2021-4-20, 19/04/2021,
 * 04/19/2021, «20 أبريل 2021», «الثلاثاء 20 نيسان 2021», «April 20, 2021». With day and month
 * both 12 or less (03/04/2021), both readings, day first (as Arabic newsrooms write).
 */
function reshaped(text: string, timeZone: string, field: string): { iso: string; reading: string }[] {
  const candidates: { year: string; month: string; day: string; reading: string }[] = [];
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  // A weekday before the date, a comma, «م» (Gregorian) after it: not part of the day.
  const words = text.replace(/\s*م\.?$/, '').replace(/[،,]/g, ' ').trim();
  const named = /^(?:[\p{L}]+\s+)?(\d{1,2})\s+([\p{L} ]+?)\s+(\d{4})$/u.exec(words);
  const english = /^([\p{L}.]+)\s+(\d{1,2})\s+(\d{4})$/u.exec(words);
  if (ymd) candidates.push({ year: ymd[1]!, month: ymd[2]!, day: ymd[3]!, reading: 'year, month, day' });
  if (dmy) {
    candidates.push({ year: dmy[3]!, month: dmy[2]!, day: dmy[1]!, reading: 'day, month, year' });
    candidates.push({ year: dmy[3]!, month: dmy[1]!, day: dmy[2]!, reading: 'month, day, year' });
  }
  if (named && monthNumber(named[2]!)) candidates.push({ year: named[3]!, month: String(monthNumber(named[2]!)), day: named[1]!, reading: 'day, month, year' });
  if (english && monthNumber(english[1]!)) candidates.push({ year: english[3]!, month: String(monthNumber(english[1]!)), day: english[2]!, reading: 'month, day, year' });
  const meant: { iso: string; reading: string }[] = [];
  for (const c of candidates) {
    const iso = `${c.year}-${c.month.padStart(2, '0')}-${c.day.padStart(2, '0')}`;
    if (parseArticleDate(iso, timeZone, field).ok && !meant.some((m) => m.iso === iso)) meant.push({ iso, reading: c.reading });
  }
  return meant;
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

/** «رمضان»: a Hijri month's name alone. */
export function hijriMonthName(year: number, month: number, style: DateStyle): string {
  return formatHijriMonth(year, month, style).replace(/ \S+ هـ$/, '');
}

/** «1442 هـ»: a Hijri year. */
export function formatHijriYear(year: number, style: DateStyle): string {
  return `${formatNumber(year, style, false)} هـ`;
}

/** «الاثنين 19 أبريل 2021» (weekday optional). Built from parts so no locale comma slips in. */
export function formatGregorian(date: CalendarDate, style: DateStyle, withWeekday = true): string {
  const p = partsOf(date, style, 'gregory', withWeekday);
  return [withWeekday ? p.weekday : '', p.day, p.month, p.year].filter(Boolean).join(' ');
}

/**
 * «10:30 غرينتش+2»: the time of a moment on the site's clock, with its offset (a reader
 * elsewhere knows which 10:30 it is). Only a date-time has one: a date alone is a day.
 */
export function formatTime(instant: number, style: DateStyle, timeZone: string): string {
  const key = `time ${style.locale} ${style.numberingSystem} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(style.locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short', timeZone, numberingSystem: style.numberingSystem });
    formatters.set(key, f);
  }
  return f.format(instant);
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
