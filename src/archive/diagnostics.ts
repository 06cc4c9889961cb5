/**
 * Every problem the build can report to an editor. Each has a permanent rule id (tests and
 * documentation refer to it), a place (file:line:column), what is wrong, and what to do.
 */
import { visible } from './text/control-characters.ts';

/** The rule ids, with the severity each is reported at. Never rename one: editors search for them. */
export const RULES = {
  'file/unreadable': 'error',
  'file/encoding': 'error',
  'file/ignored': 'warning',
  'file/name': 'error',
  'front-matter/missing': 'error',
  'front-matter/unclosed': 'error',
  'front-matter/yaml': 'error',
  'front-matter/not-a-map': 'error',
  'front-matter/required': 'error',
  'front-matter/type': 'error',
  'front-matter/empty': 'error',
  'front-matter/date': 'error',
  'front-matter/date-digits': 'warning',
  'front-matter/url': 'error',
  'front-matter/value': 'error',
  'front-matter/unknown-key': 'warning',
  'front-matter/too-large': 'error',
  'article/slug': 'error',
  'article/empty-body': 'warning',
  'article/placeholder': 'error',
  'article/duplicate-url': 'error',
  'reference/unknown': 'error',
  'reference/ambiguous': 'error',
  'reference/arabic-comma': 'warning',
  'registry/within-unknown': 'error',
  'registry/within-cycle': 'error',
  'registry/reference-unknown': 'error',
  'registry/parent-cycle': 'error',
  'image/not-found': 'error',
  'image/refused': 'error',
  'image/damaged': 'error',
  'image/no-alt': 'warning',
  'image/no-credit': 'warning',
  'image/unused': 'warning',
  'image/animated': 'warning',
  'markdown/unsafe-html': 'warning',
  'markdown/too-deep': 'error',
  'mention/ambiguous': 'warning',
  'text/near-miss-name': 'warning',
  'text/quotes-unbalanced': 'warning',
  'text/quotes-mixed': 'warning',
  'text/quote-styles': 'warning',
  'text/doubled-punctuation': 'warning',
  'text/space-before-punctuation': 'warning',
  'text/detached-conjunction': 'warning',
  'text/paragraph-per-line': 'warning',
  'article/missing-source': 'warning',
  'registry/unused': 'warning',
  'front-matter/control-character': 'error',
  'text/control-character': 'warning',
  'registry/alias-clash': 'warning',
  'registry/common-word': 'warning',
  'markdown/too-large': 'error',
  'markdown/too-complex': 'error',
} as const;

/** A permanent rule id. */
export type RuleId = keyof typeof RULES;

/** How bad a problem is: errors stop the build, warnings are printed and the build goes on. */
export type Severity = 'error' | 'warning';

/** One problem, located in one file. */
export interface Diagnostic {
  /** The permanent rule id, e.g. `reference/unknown`. */
  rule: RuleId;
  /** `error` stops the build; `warning` does not. */
  severity: Severity;
  /** Path of the file, relative to the working directory when printed. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the line (in UTF-16 code units, as editors count). */
  column: number;
  /** What is wrong, quoting the value. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** The same in Arabic: every message is written in both languages, under the same rule id. */
  ar: { message: string; hint?: string };
}

/** The language of the messages editors read: the settings' `messages`, or `--lang`. */
export type MessageLanguage = 'en' | 'ar';

/** A sentence an editor reads, in both languages. */
export interface Bilingual {
  en: string;
  ar: string;
}

/** A place in a file. */
export interface Position {
  line: number;
  column: number;
}

/** Builds a diagnostic with the severity its rule is registered at. */
export function diagnostic(
  rule: RuleId,
  file: string,
  at: Position,
  message: string,
  hint: string | undefined,
  ar: { message: string; hint?: string | undefined },
): Diagnostic {
  return {
    rule,
    severity: RULES[rule],
    file,
    line: at.line,
    column: at.column,
    message,
    ...(hint ? { hint } : {}),
    ar: { message: ar.message, ...(ar.hint ? { hint: ar.hint } : {}) },
  };
}

/** How a severity reads in each language. */
const SEVERITY_WORDS: Record<MessageLanguage, Record<Severity, string>> = {
  en: { error: 'error', warning: 'warning' },
  ar: { error: 'خطأ', warning: 'تنبيه' },
};

/** «error» or «خطأ»: how a severity reads in a language. */
export function severityWord(severity: Severity, language: MessageLanguage): string {
  return SEVERITY_WORDS[language][severity];
}

/** Quotes a value for a message the way Arabic typography does: «…». */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // A control character quoted raw would act on the editor's terminal (ESC starts a sequence).
  return `«${visible(text ?? String(value))}»`;
}

/**
 * Formats one diagnostic as `file:line:column: severity[rule]: message` plus an indented hint,
 * in English or in Arabic (the rule id is the same in both).
 */
export function formatDiagnostic(d: Diagnostic, relativeTo?: string, language: MessageLanguage = 'en'): string {
  const file = relativeTo && d.file.startsWith(relativeTo + '/') ? d.file.slice(relativeTo.length + 1) : d.file;
  const words = language === 'ar' ? d.ar : { message: d.message, hint: d.hint };
  const head = `${file}:${d.line}:${d.column}: ${SEVERITY_WORDS[language][d.severity]}[${d.rule}]: ${words.message}`;
  // The arrow points the way the text runs: to the fix.
  const arrow = language === 'ar' ? '←' : '→';
  return words.hint ? `${head}\n    ${arrow} ${words.hint}` : head;
}

/** Sorts diagnostics by file, then position, so a report reads top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/** Thrown when a build cannot go on; carries every problem found, not only the first. */
export class ArchiveBuildError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[], relativeTo?: string, language: MessageLanguage = 'en') {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `${language === 'ar' ? `في الأرشيف ${errors.length} خطأ:` : `The archive has ${errors.length} error(s):`}\n` +
        sortDiagnostics(errors)
          .map((d) => formatDiagnostic(d, relativeTo, language))
          .join('\n'),
    );
    this.name = 'ArchiveBuildError';
    this.diagnostics = diagnostics;
    // Where the dev server's error overlay points (Vite and Astro read `loc`, `id` and `hint`):
    // the editor's file, line and column, not the code that read it.
    const first = sortDiagnostics(errors)[0];
    if (first) {
      this.loc = { file: first.file, line: first.line, column: first.column };
      this.id = first.file;
      const hint = language === 'ar' ? first.ar.hint : first.hint;
      if (hint) this.hint = hint;
    }
  }
  readonly loc?: { file: string; line: number; column: number };
  readonly id?: string;
  readonly hint?: string;
}
