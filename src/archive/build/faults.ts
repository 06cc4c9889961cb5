/**
 * Faults of the machine rather than of the content (a read-only folder, a full disk, a path
 * that is a file): the build reports each as one sentence of what happened and what to do,
 * without a stack trace, which is for bugs.
 */

import type { Bilingual, MessageLanguage } from '../diagnostics.ts';

/** An error the build stops on with a message for the user (in both languages), never a stack trace. */
export class BuildStop extends Error {
  readonly words: Bilingual;
  constructor(words: Bilingual) {
    super(words.en);
    this.name = 'BuildStop';
    this.words = words;
  }
}

/** What each system error code means to someone running the build, and what to do about it. */
const EXPLAINED: Record<string, (where: string) => Bilingual> = {
  EACCES: (where) => ({
    en: `permission denied on ${where}: give the user running the build write access to it, or choose another folder`,
    ar: `لا إذن بالكتابة في ${where}: امنح المستخدم الذي يشغّل البناء حق الكتابة فيه، أو اختر مجلدا آخر`,
  }),
  EPERM: (where) => ({
    en: `the operation is not permitted on ${where}: give the user running the build write access to it, or choose another folder`,
    ar: `العملية غير مسموح بها في ${where}: امنح المستخدم الذي يشغّل البناء حق الكتابة فيه، أو اختر مجلدا آخر`,
  }),
  EROFS: (where) => ({
    en: `${where} is on a read-only file system: choose a writable folder, or mount it read-write`,
    ar: `${where} على نظام ملفات للقراءة فقط: اختر مجلدا تمكن الكتابة فيه، أو اربطه للقراءة والكتابة`,
  }),
  ENOSPC: (where) => ({ en: `the disk is full (writing ${where}): free some space and build again`, ar: `القرص ممتلئ (عند كتابة ${where}): أفرغ بعض المساحة وأعد البناء` }),
  EDQUOT: (where) => ({
    en: `the disk quota is exhausted (writing ${where}): free some space and build again`,
    ar: `نفدت الحصة المسموحة على القرص (عند كتابة ${where}): أفرغ بعض المساحة وأعد البناء`,
  }),
  EEXIST: (where) => ({
    en: `${where} exists as a file where the build needs a folder: remove or rename the file, or choose another folder`,
    ar: `${where} ملف حيث يحتاج البناء إلى مجلد: احذف الملف أو غيّر اسمه، أو اختر مجلدا آخر`,
  }),
  ENOTDIR: (where) => ({
    en: `a part of ${where} is a file, not a folder: remove or rename that file, or choose another folder`,
    ar: `جزء من ${where} ملف لا مجلد: احذف ذلك الملف أو غيّر اسمه، أو اختر مجلدا آخر`,
  }),
  EISDIR: (where) => ({ en: `${where} is a folder where the build needs a file: remove or rename it`, ar: `${where} مجلد حيث يحتاج البناء إلى ملف: احذفه أو غيّر اسمه` }),
  ENAMETOOLONG: (where) => ({
    en: `the path ${where} is too long for the file system: choose a shorter folder path`,
    ar: `المسار ${where} أطول مما يقبله نظام الملفات: اختر مسار مجلد أقصر`,
  }),
  EMFILE: (where) => ({
    en: `too many open files (at ${where}): raise the limit (ulimit -n) and build again`,
    ar: `الملفات المفتوحة أكثر من الحد (عند ${where}): ارفع الحد (ulimit -n) وأعد البناء`,
  }),
  ENFILE: (where) => ({
    en: `the system has too many open files (at ${where}): close some programs and build again`,
    ar: `في النظام ملفات مفتوحة أكثر من الحد (عند ${where}): أغلق بعض البرامج وأعد البناء`,
  }),
  EIO: (where) => ({ en: `the disk reported an input/output error on ${where}: check the disk`, ar: `أبلغ القرص عن خطأ في القراءة أو الكتابة في ${where}: افحص القرص` }),
  EBUSY: (where) => ({
    en: `${where} is busy (in use by another program, or a mount point): stop that program, or choose another folder`,
    ar: `${where} مشغول (يستعمله برنامج آخر، أو هو نقطة ربط): أوقف ذلك البرنامج، أو اختر مجلدا آخر`,
  }),
};

/** How the system's own descriptions of some codes read, for tools that report only those. */
const DESCRIBED: Record<string, RegExp> = {
  ENOSPC: /no space left on device|StorageFull/i,
  EROFS: /read-only file system|ReadOnlyFilesystem/i,
  EACCES: /permission denied|PermissionDenied/i,
  EDQUOT: /disk quota exceeded|QuotaExceeded/i,
};

/** The system error code of an error, also when another library wrapped it. */
function systemError(error: unknown): NodeJS.ErrnoException | undefined {
  for (let e = error as (NodeJS.ErrnoException & { cause?: unknown }) | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e === 'object' && typeof e.code === 'string' && e.code in EXPLAINED) return e;
  }
  // Some tools pass the error on as text only: a code, or (Pagefind, in Rust) its description.
  const text = String((error as Error | undefined)?.message ?? error);
  const found = /\b(E[A-Z]{3,12})\b/.exec(text)?.[1] ?? Object.entries(DESCRIBED).find(([, pattern]) => pattern.test(text))?.[0];
  if (found && found in EXPLAINED) return Object.assign(new Error(text), { code: found });
  return undefined;
}

/**
 * The one sentence for a machine fault, naming the path (relative to `cwd` when inside it), or
 * `undefined` when the error is not one (a bug: the caller shows its stack).
 */
export function explainFault(error: unknown, cwd: string, fallbackPath: string, language: MessageLanguage = 'en'): string | undefined {
  if (error instanceof BuildStop) return error.words[language];
  const e = systemError(error);
  if (!e) return undefined;
  const raw = e.path ?? fallbackPath;
  const where = raw.startsWith(cwd + '/') ? raw.slice(cwd.length + 1) : raw;
  return `${EXPLAINED[e.code!]!(where)[language]} (${e.code}).`;
}
