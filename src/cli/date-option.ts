import { today } from '../archive/authoring.ts';
import type { MessageLanguage } from '../archive/diagnostics.ts';
import { parseArticleDate, type CalendarDate } from '../archive/text/dates.ts';

/** The date a `--date` option gives (today in the site's time zone without one); exits 2 when it is not a date. */
export function dateOption(value: string | undefined, timeZone: string, language: MessageLanguage): CalendarDate {
  if (!value) return today(timeZone);
  const parsed = parseArticleDate(value, timeZone);
  if (parsed.ok) return parsed.date;
  console.error(`--date ${value}: ${language === 'ar' ? parsed.ar.problem : parsed.problem}`);
  process.exit(2);
}
