/**
 * Writing new content files for editors: an empty article from a title, or an article from a
 * plain-text file with one paragraph per line. Framework-free, so the commands and tests share it.
 */
import { Kinds } from './kinds.ts';
import { stringify } from 'yaml';
import { calendarDateIn, pad2, type CalendarDate } from './text/dates.ts';
import { slugify } from './text/slug.ts';

/** Today's date in the site's time zone. */
export function today(timeZone: string, now = Date.now()): CalendarDate {
  return calendarDateIn(now, timeZone);
}

/** `articles/YYYY/MM/<slug>.md`, relative to the content folder. */
export function articleFilePath(date: CalendarDate, slug: string): string {
  return `articles/${date.year}/${pad2(date.month)}/${slug}.md`;
}

/** Front matter written with the yaml package, so any title is quoted correctly. */
function frontMatter(fields: Record<string, unknown>, comments: string[] = []): string {
  return `---\n${stringify(fields, { lineWidth: 0 }).trimEnd()}\n${comments.map((c) => `# ${c}\n`).join('')}---\n`;
}

/** An empty list of references for each kind of entry (`people: []`, `places: []`, `organisations: []`…). */
function referenceFields(kinds: Kinds): Record<string, string[]> {
  return Object.fromEntries(kinds.all.map((kind) => [kind.field, []]));
}

/**
 * The text a new article starts with, in place of its own. Publishing it is an error
 * (`article/placeholder`, src/archive/load.ts), so an article published before it is written
 * never reaches readers.
 */
export const PLACEHOLDER_TEXT = 'اكتب نص المقال هنا.';

/**
 * The text of a new, empty article: a draft (the build leaves it out until the editor removes
 * `draft: true`), the fields to fill in as comments, and the placeholder text.
 */
export function newArticle(title: string, date: CalendarDate, kinds: Kinds = new Kinds()): string {
  const iso = `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
  return `${frontMatter({ title, date: iso, ...referenceFields(kinds), draft: true }, [
    'source: …      (the publication)',
    'sourceUrl: https://…   (the original, if online)',
    'write the text below, then remove “draft: true” to publish',
  ])}\n${PLACEHOLDER_TEXT} افصل بين الفقرات بسطر فارغ.\n`;
}

/**
 * Turns plain text with one paragraph per line into a Markdown body with a blank line between
 * paragraphs. The words are never changed: lines are only trimmed of surrounding white space,
 * blank lines dropped, and characters Markdown would read as syntax at a line start escaped.
 */
export function paragraphsToMarkdown(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.replace(/^([#>*+-])(?=\s)/, '\\$1').replace(/^(\d+)([.)])(?=\s)/, '$1\\$2'))
    .join('\n\n');
}

/** The longest first line read as the headline (a paragraph is longer). */
const HEADLINE_MAX = 140;

/**
 * The headline of a plain-text article: its first line, when it is short, does not end a
 * sentence and more text follows (a wire story starts with its headline); undefined otherwise.
 */
export function headlineOf(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/).map((l) => l.trim()).filter(Boolean);
  const first = lines[0];
  if (!first || lines.length < 2 || first.length > HEADLINE_MAX || /[.!؟?…]$/.test(first)) return undefined;
  return first;
}

/**
 * The text of an article imported from a plain-text file: a draft until the editor fills in its
 * metadata. Without a `title`, a short first line is the headline and leaves the body; else the
 * title is the first words, to be rewritten.
 */
export function importedArticle(text: string, options: { title?: string | undefined; date: CalendarDate; source?: string | undefined; kinds?: Kinds }): string {
  const headline = options.title === undefined ? headlineOf(text) : undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const body = paragraphsToMarkdown(headline ? lines.slice(lines.findIndex((l) => l.trim() !== '') + 1).join('\n') : text);
  const firstWords = body.split(/\s+/).slice(0, 8).join(' ');
  const iso = `${options.date.year}-${pad2(options.date.month)}-${pad2(options.date.day)}`;
  const fields: Record<string, unknown> = {
    title: options.title ?? headline ?? `${firstWords}…`,
    date: iso,
    ...(options.source ? { source: options.source } : {}),
    ...referenceFields(options.kinds ?? new Kinds()),
    draft: true,
  };
  return `${frontMatter(fields, [...(options.source ? [] : ['source: …      (the publication)']), 'sourceUrl: https://…   (the original, if online)', 'check the title and date, then remove “draft: true” to publish'])}\n${body}\n`;
}

/** A slug for a new file: from the given text, or a dated fallback when nothing usable is left. */
export function slugFor(text: string, date: CalendarDate): string {
  return slugify(text) || `article-${date.year}${pad2(date.month)}${pad2(date.day)}`;
}
