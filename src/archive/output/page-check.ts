/**
 * What the output check reads in every page written: the URLs its tags point to (to prove each
 * same-site one leads to a page or file of the finished output) and the machine-readable dates
 * of its `<time>`, `<ins>` and `<del>` elements (valid HTML date/time strings, HTML §2.3.5).
 *
 * Pages are scanned, not parsed: the check runs over every page of a cold build, and a regular
 * expression over the attributes Astro and hast-util-to-html write (always in double quotes) is
 * linear and about a hundred times cheaper than an HTML parser. A match counts only inside a
 * tag (the nearest `<` before it is after the nearest `>`): text never holds a raw `<`, so text
 * that looks like `href="…"` is never taken for a link.
 */

/** The attributes that hold a URL, a list of image candidates, or a machine-readable date. */
const ATTRIBUTE = /\s(href|src|srcset|xlink:href|datetime)="([^"]*)"/gi;

/** The character references our pages' attribute values can hold. */
const REFERENCE = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value with its character references decoded. */
function decode(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(REFERENCE, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : _;
  });
}

/** The URLs and dates a page's tags carry. */
export interface PageReferences {
  /** Every href, src, xlink:href and srcset candidate, decoded, in document order. */
  urls: string[];
  /** Every datetime attribute, with the element it is on. */
  dates: { element: string; value: string }[];
}

/** Reads the URLs and machine-readable dates out of a page's tags. */
export function pageReferences(html: string): PageReferences {
  const urls: string[] = [];
  const dates: PageReferences['dates'] = [];
  for (const match of html.matchAll(ATTRIBUTE)) {
    const at = match.index;
    const open = html.lastIndexOf('<', at);
    if (open < 0 || html.lastIndexOf('>', at) > open) continue; // not inside a tag
    const name = match[1]!.toLowerCase();
    const value = decode(match[2]!);
    if (name === 'datetime') {
      const element = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(open, open + 40))?.[1]?.toLowerCase() ?? '';
      dates.push({ element, value });
    } else if (name === 'srcset') {
      for (const candidate of value.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) urls.push(url);
      }
    } else urls.push(value);
  }
  return { urls, dates };
}

function isLeap(year: bigint): boolean {
  return (year % 4n === 0n && year % 100n !== 0n) || year % 400n === 0n;
}

function daysInMonth(year: bigint, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Day of the week of 1 January of a (proleptic Gregorian) year: 0 = Sunday … 6 = Saturday. */
function newYearWeekday(year: bigint): number {
  const y = year - 1n;
  return Number((1n + 5n * (y % 4n) + 4n * (y % 100n) + 6n * (y % 400n)) % 7n);
}

/** Weeks in an ISO week-numbering year: 53 when it starts on a Thursday, or on a Wednesday in a leap year. */
function weeksInYear(year: bigint): number {
  const day = newYearWeekday(year);
  return day === 4 || (day === 3 && isLeap(year)) ? 53 : 52;
}

const YEAR = '(\\d{4,})';
const MONTH = new RegExp(`^${YEAR}-(\\d{2})$`);
const DATE = new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})$`);
const YEARLESS = /^(?:--)?(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const OFFSET = /^(?:Z|[+-](\d{2}):?(\d{2}))$/;
const WEEK = new RegExp(`^${YEAR}-W(\\d{2})$`);
const ISO_DURATION = /^P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,3})?S)?)?$/;
const DURATION_PART = /\s*(\d+)(\.\d{1,3})?\s*([WwDdHhMmSs])\s*/y;

function validYear(digits: string): boolean {
  return BigInt(digits) > 0n;
}

function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m || !validYear(m[1]!)) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(BigInt(m[1]!), month);
}

function validTime(value: string): boolean {
  const m = TIME.exec(value);
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59 && (m[3] === undefined || Number(m[3]) <= 59);
}

function validOffset(value: string): boolean {
  const m = OFFSET.exec(value);
  return !!m && (m[1] === undefined || (Number(m[1]) <= 23 && Number(m[2]) <= 59));
}

/** A date, `T` or a space, a time, and (global date and time) an offset. */
function validDateTime(value: string, offset: 'none' | 'required'): boolean {
  const m = /^([^T ]+)[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(.*)$/.exec(value);
  if (!m || !validDate(m[1]!) || !validTime(m[2]!)) return false;
  return offset === 'none' ? m[3] === '' : validOffset(m[3]!);
}

function validDuration(value: string): boolean {
  if (ISO_DURATION.test(value)) return true;
  const scales = new Set<string>();
  DURATION_PART.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (DURATION_PART.lastIndex < value.length && (m = DURATION_PART.exec(value))) {
    const scale = m[3]!.toLowerCase();
    if (scales.has(scale) || (m[2] && scale !== 's')) return false;
    scales.add(scale);
  }
  return scales.size > 0 && DURATION_PART.lastIndex === value.length;
}

/**
 * Is this a valid value of `<time datetime>`? A month, a date, a yearless date, a time, a local
 * or global date and time, a time-zone offset, a week, a year (four or more digits, above 0) or
 * a duration, as HTML defines them (HTML §2.3.5; `-0538-08` or `1-01-01` are not).
 */
export function isValidTimeDatetime(value: string): boolean {
  const month = MONTH.exec(value);
  if (month) return validYear(month[1]!) && Number(month[2]) >= 1 && Number(month[2]) <= 12;
  if (DATE.test(value)) return validDate(value);
  const yearless = YEARLESS.exec(value);
  if (yearless) {
    const m = Number(yearless[1]);
    return m >= 1 && m <= 12 && Number(yearless[2]) >= 1 && Number(yearless[2]) <= daysInMonth(4n, m);
  }
  if (TIME.test(value)) return validTime(value);
  if (validDateTime(value, 'none') || validDateTime(value, 'required')) return true;
  if (OFFSET.test(value)) return validOffset(value);
  const week = WEEK.exec(value);
  if (week) return validYear(week[1]!) && Number(week[2]) >= 1 && Number(week[2]) <= weeksInYear(BigInt(week[1]!));
  if (/^\d{4,}$/.test(value)) return validYear(value);
  return validDuration(value);
}

/** Is this a valid value of `<ins datetime>` / `<del datetime>`: a date, or a global date and time? */
export function isValidDateWithOptionalTime(value: string): boolean {
  return validDate(value) || validDateTime(value, 'required');
}

/** Is the `datetime` attribute of this element valid? (Other elements have none to judge.) */
export function isValidDatetimeOf(element: string, value: string): boolean {
  if (element === 'time') return isValidTimeDatetime(value);
  if (element === 'ins' || element === 'del') return isValidDateWithOptionalTime(value);
  return true;
}
