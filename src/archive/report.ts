/**
 * Problems as the terminal shows them: every problem located, but never a flood. One article can
 * hold thousands of stray quotation marks, and one rule can fire in thousands of files (an
 * import with empty bodies); the report keeps the first of each and says how many more there
 * are. `npm run check -- --json` (and `--all`) give every problem.
 */
import { formatDiagnostic, severityWord, sortDiagnostics, type Diagnostic, type MessageLanguage, type RuleId } from './diagnostics.ts';
import { clipMiddle } from './text/excerpt.ts';

/** The longest message or hint printed, in characters: a message quoting a 1 MB value is cut in the middle. */
export const MAX_MESSAGE = 500;

/** One problem as printed: `file:line:column: severity[rule]: message`, the hint below, both bounded. */
export function formatBounded(d: Diagnostic, relativeTo?: string, language: MessageLanguage = 'en'): string {
  const clip = (words: { message: string; hint?: string }) => ({ message: clipMiddle(words.message, MAX_MESSAGE), ...(words.hint ? { hint: clipMiddle(words.hint, MAX_MESSAGE) } : {}) });
  const bounded: Diagnostic = { ...d, ...clip(d), ar: clip(d.ar) };
  return formatDiagnostic(bounded, relativeTo, language);
}

/** How much of a long report is shown. */
export interface GroupOptions {
  /** File paths are printed relative to this folder (the working directory). */
  relativeTo?: string;
  /** The language of the messages (default English). */
  language?: MessageLanguage;
  /** Problems of one rule shown per file; the rest is one line. Default 20. */
  perFile?: number;
  /** A rule firing in more files than this is grouped. Default 10. */
  maxFiles?: number;
  /** How many files a grouped rule is shown in. Default 5. */
  shownFiles?: number;
}

const count = (n: number) => n.toLocaleString('en');

/**
 * The lines to print for `diagnostics` (each a formatted problem, with its hint line, messages
 * cut at MAX_MESSAGE characters), sorted by file and position, with:
 * - after `perFile` problems of one rule in one file, one line
 *   `<file>: … and 2,980 more warning[text/quotes-mixed] in this file`;
 * - a rule firing in more than `maxFiles` files shown in its first `shownFiles` files only, and
 *   at the end one line `… and 4,995 more files with warning[article/empty-body] (…)`.
 */
export function groupForTerminal(diagnostics: readonly Diagnostic[], options: GroupOptions = {}): string[] {
  const perFile = options.perFile ?? 20;
  const maxFiles = options.maxFiles ?? 10;
  const shownFiles = options.shownFiles ?? 5;
  const ar = options.language === 'ar';
  const label = (severity: string, rule: RuleId) => `${severityWord(severity as 'error' | 'warning', options.language ?? 'en')}[${rule}]`;
  const sorted = sortDiagnostics(diagnostics);
  // As formatDiagnostic prints a file.
  const relativeTo = options.relativeTo;
  const shown = (file: string) => (relativeTo && file.startsWith(relativeTo + '/') ? file.slice(relativeTo.length + 1) : file);

  // The files each rule fires in, in report order.
  const filesOf = new Map<RuleId, string[]>();
  for (const d of sorted) {
    const files = filesOf.get(d.rule) ?? [];
    if (files.at(-1) !== d.file) files.push(d.file);
    filesOf.set(d.rule, files);
  }
  const grouped = new Map<RuleId, { shown: Set<string>; hiddenFiles: number; hidden: number; severity: string }>();
  for (const [rule, files] of filesOf) {
    if (files.length > maxFiles) grouped.set(rule, { shown: new Set(files.slice(0, shownFiles)), hiddenFiles: files.length - shownFiles, hidden: 0, severity: '' });
  }

  const lines: string[] = [];
  let file: string | undefined;
  let inFile = new Map<RuleId, { severity: string; n: number }>();
  const closeFile = () => {
    for (const [rule, { severity, n }] of inFile) {
      if (n > perFile) {
        lines.push(ar ? `${shown(file!)}: … و${count(n - perFile)} غيرها من ${label(severity, rule)} في هذا الملف` : `${shown(file!)}: … and ${count(n - perFile)} more ${label(severity, rule)} in this file`);
      }
    }
    inFile = new Map();
  };
  for (const d of sorted) {
    if (d.file !== file) {
      if (file !== undefined) closeFile();
      file = d.file;
    }
    const group = grouped.get(d.rule);
    if (group && !group.shown.has(d.file)) {
      group.hidden++;
      group.severity = d.severity;
      continue;
    }
    const seen = inFile.get(d.rule) ?? { severity: d.severity, n: 0 };
    seen.n++;
    inFile.set(d.rule, seen);
    if (seen.n <= perFile) lines.push(formatBounded(d, options.relativeTo, options.language));
  }
  if (file !== undefined) closeFile();
  for (const [rule, g] of grouped) {
    lines.push(
      ar
        ? `… و${count(g.hiddenFiles)} ملفا آخر فيها ${label(g.severity, rule)} (${count(g.hidden)} غيرها؛ npm run check -- --all يذكرها كلها)`
        : `… and ${count(g.hiddenFiles)} more files with ${label(g.severity, rule)} (${count(g.hidden)} more ${g.severity}(s); npm run check -- --all lists every one)`,
    );
  }
  return lines;
}
