/**
 * How the Markdown plugins report a problem: a vfile message located in the body, with what to
 * do (`note`) and the same words in Arabic, which travel with the message (as a plain property,
 * so they survive the copy between worker threads) until src/archive/load.ts makes it a diagnostic.
 */
import type { VFile } from 'vfile';

type VFileMessage = VFile['messages'][number];

/** A place in the body: a point, or a node's start and end. */
type Point = { line: number; column: number; offset?: number | undefined };
type Place = Point | { start: Point; end: Point };

/** What is wrong and what to do, in one language. */
export interface Words {
  message: string;
  hint: string;
}

/** A message of the Markdown pipeline, with its Arabic words. */
export type ReportedMessage = VFileMessage & { ar?: Words };

/** Reports a problem at a place of the body, in English and Arabic. */
export function report(file: VFile, source: 'markdown' | 'image', ruleId: string, place: Place | undefined, en: Words, ar: Words): void {
  const message = file.message(en.message, { ...(place ? { place } : {}), ruleId, source }) as ReportedMessage;
  message.note = en.hint;
  message.ar = ar;
}

/** The Arabic words of a message, if it was reported with them. */
export function arabicWords(message: VFileMessage): Words | undefined {
  return (message as ReportedMessage).ar;
}
