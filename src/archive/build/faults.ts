/**
 * Faults of the machine rather than of the content (a read-only folder, a full disk, a path
 * that is a file): the build reports each as one sentence of what happened and what to do,
 * without a stack trace, which is for bugs.
 */

/** An error the build stops on with a message for the user, never a stack trace. */
export class BuildStop extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildStop';
  }
}

/** What each system error code means to someone running the build, and what to do about it. */
const EXPLAINED: Record<string, (where: string) => string> = {
  EACCES: (where) => `permission denied on ${where}: give the user running the build write access to it, or choose another folder`,
  EPERM: (where) => `the operation is not permitted on ${where}: give the user running the build write access to it, or choose another folder`,
  EROFS: (where) => `${where} is on a read-only file system: choose a writable folder, or mount it read-write`,
  ENOSPC: (where) => `the disk is full (writing ${where}): free some space and build again`,
  EDQUOT: (where) => `the disk quota is exhausted (writing ${where}): free some space and build again`,
  EEXIST: (where) => `${where} exists as a file where the build needs a folder: remove or rename the file, or choose another folder`,
  ENOTDIR: (where) => `a part of ${where} is a file, not a folder: remove or rename that file, or choose another folder`,
  EISDIR: (where) => `${where} is a folder where the build needs a file: remove or rename it`,
  ENAMETOOLONG: (where) => `the path ${where} is too long for the file system: choose a shorter folder path`,
  EMFILE: (where) => `too many open files (at ${where}): raise the limit (ulimit -n) and build again`,
  ENFILE: (where) => `the system has too many open files (at ${where}): close some programs and build again`,
  EIO: (where) => `the disk reported an input/output error on ${where}: check the disk`,
  EBUSY: (where) => `${where} is busy (in use by another program, or a mount point): stop that program, or choose another folder`,
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
export function explainFault(error: unknown, cwd: string, fallbackPath: string): string | undefined {
  if (error instanceof BuildStop) return error.message;
  const e = systemError(error);
  if (!e) return undefined;
  const raw = e.path ?? fallbackPath;
  const where = raw.startsWith(cwd + '/') ? raw.slice(cwd.length + 1) : raw;
  return `${EXPLAINED[e.code!]!(where)} (${e.code}).`;
}
