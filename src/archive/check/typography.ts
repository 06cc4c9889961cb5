/**
 * Typography checks on article text, line by line, as pure functions: each returns the
 * problems of one line with their columns. Arabic punctuation conventions: no space before
 * «، ؛ ؟ .», one comma at a time, «و» attached to the next word, quotation marks in pairs.
 */
import { clipMiddle } from '../text/excerpt.ts';

/** A problem in one line. */
export interface LineFinding {
  rule:
    | 'text/quotes-unbalanced'
    | 'text/quotes-mixed'
    | 'text/doubled-punctuation'
    | 'text/space-before-punctuation'
    | 'text/detached-conjunction';
  /** 1-based column. */
  column: number;
  message: string;
  hint: string;
  /** The same in Arabic. */
  ar: { message: string; hint: string };
}

/** The longest excerpt a message quotes, in characters: a 66 KB quotation must not be quoted whole. */
export const MAX_EXCERPT = 60;

/**
 * Quotes a short stretch of a line around a column, for messages: 12 characters either side,
 * and at most MAX_EXCERPT in all (a longer stretch shows its beginning and its end).
 */
export function around(line: string, index: number, length = 1): string {
  const start = Math.max(0, index - 12);
  const end = Math.min(line.length, index + length + 12);
  return `«${start > 0 ? '…' : ''}${clipMiddle(line, MAX_EXCERPT, start, end).trim()}${end < line.length ? '…' : ''}»`;
}

/** «، ،», «،،», «,,», «؛ ؛»: a comma or semicolon doubled, usually where a word was dropped. */
export function doubledPunctuation(line: string): LineFinding[] {
  return [...line.matchAll(/([،,؛;])\s*\1/g)].map((m) => ({
    rule: 'text/doubled-punctuation',
    column: m.index + 1,
    message: `doubled punctuation ${around(line, m.index, m[0].length)}`,
    hint: 'remove one mark, or restore the word that was dropped between them',
    ar: { message: `علامة ترقيم مكررة ${around(line, m.index, m[0].length)}`, hint: 'احذف إحدى العلامتين، أو أعد الكلمة التي سقطت بينهما' },
  }));
}

/** A space before «، ؛ ؟ ! . : ,» (Arabic and Latin typography agree: none). */
export function spaceBeforePunctuation(line: string): LineFinding[] {
  const findings: LineFinding[] = [];
  for (const m of line.matchAll(/(\S)([ \t\u00A0]+)([،؛؟!,;:]|\.(?!\.))/g)) {
    // «، ،» is reported once, as doubled punctuation.
    if (/[،,؛;]/.test(m[1]!) && m[1] === m[3]) continue;
    const at = m.index + m[1]!.length;
    findings.push({
      rule: 'text/space-before-punctuation',
      column: at + 1,
      message: `space before «${m[3]}» in ${around(line, at, m[2]!.length + 1)}`,
      hint: `remove the space: «${m[1]}${m[3]}»`,
      ar: { message: `مسافة قبل «${m[3]}» في ${around(line, at, m[2]!.length + 1)}`, hint: `احذف المسافة: «${m[1]}${m[3]}»` },
    });
  }
  return findings;
}

/** «و» standing alone before a word: the conjunction is written attached («وآفاق», not «و آفاق»). */
export function detachedConjunction(line: string): LineFinding[] {
  return [...line.matchAll(/(^|[\s،,؛(«"])و[ \t\u00A0]+(?=[\u0621-\u064A])/g)].map((m) => {
    const at = m.index + m[1]!.length;
    return {
      rule: 'text/detached-conjunction',
      column: at + 1,
      message: `the conjunction «و» stands apart from its word in ${around(line, at, 3)}`,
      hint: 'attach it: remove the space after «و»',
      ar: { message: `واو العطف منفصلة عن كلمتها في ${around(line, at, 3)}`, hint: 'صِلها بها: احذف المسافة بعد «و»' },
    };
  });
}

const OPENERS: Record<string, string> = { '«': '»', '“': '”', '"': '"' };
const CLOSERS = new Set(['»', '”']);

/**
 * Quotation marks in one paragraph: every opening mark closed by its own pair. Reports a
 * pair closed by a different mark («"… »», «« … "») and marks left open or closed unopened.
 */
export function quotationMarks(line: string): LineFinding[] {
  const findings: LineFinding[] = [];
  const stack: { mark: string; index: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    const top = stack.at(-1);
    if (c === '"' && top?.mark === '"') {
      stack.pop();
    } else if (c === '"' && top && top.mark !== '"') {
      findings.push({
        rule: 'text/quotes-mixed',
        column: i + 1,
        message: `a quotation opened with «${top.mark}» is closed with «"» in ${around(line, top.index, i - top.index + 1)}`,
        hint: `close it with «${OPENERS[top.mark]}», or open it with «"»`,
        ar: { message: `اقتباس فُتح بـ«${top.mark}» وأُغلق بـ«"» في ${around(line, top.index, i - top.index + 1)}`, hint: `أغلقه بـ«${OPENERS[top.mark]}»، أو افتحه بـ«"»` },
      });
      stack.pop();
    } else if (c in OPENERS) {
      stack.push({ mark: c, index: i });
    } else if (CLOSERS.has(c)) {
      if (top && OPENERS[top.mark] === c) stack.pop();
      else if (top) {
        findings.push({
          rule: 'text/quotes-mixed',
          column: i + 1,
          message: `a quotation opened with «${top.mark}» is closed with «${c}» in ${around(line, top.index, i - top.index + 1)}`,
          hint: `use one pair: «…» or "…"`,
          ar: { message: `اقتباس فُتح بـ«${top.mark}» وأُغلق بـ«${c}» في ${around(line, top.index, i - top.index + 1)}`, hint: 'استعمل زوجا واحدا: «…» أو "…"' },
        });
        stack.pop();
      } else {
        findings.push({
          rule: 'text/quotes-unbalanced',
          column: i + 1,
          message: `«${c}» closes a quotation that was never opened, in ${around(line, i)}`,
          hint: 'add the opening mark where the quotation starts, or remove this one',
          ar: { message: `«${c}» تغلق اقتباسا لم يُفتح، في ${around(line, i)}`, hint: 'أضف علامة الفتح حيث يبدأ الاقتباس، أو احذف هذه' },
        });
      }
    }
  }
  for (const open of stack) {
    findings.push({
      rule: 'text/quotes-unbalanced',
      column: open.index + 1,
      message: `the quotation opened here is never closed: ${around(line, open.index, 20)}`,
      hint: `add the closing «${OPENERS[open.mark]}» where the quotation ends, or remove this mark`,
      ar: { message: `الاقتباس المفتوح هنا لا يُغلق: ${around(line, open.index, 20)}`, hint: `أضف «${OPENERS[open.mark]}» حيث ينتهي الاقتباس، أو احذف هذه العلامة` },
    });
  }
  return findings.sort((a, b) => a.column - b.column);
}

/** Every typography check of one line. */
export function checkLine(line: string): LineFinding[] {
  return [...doubledPunctuation(line), ...spaceBeforePunctuation(line), ...detachedConjunction(line), ...quotationMarks(line)].sort(
    (a, b) => a.column - b.column,
  );
}
