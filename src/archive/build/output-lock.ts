/**
 * One build at a time per output folder. Two builds writing one output would interleave their
 * files and journals; the second one refuses with a message instead. The lock is a file beside
 * the output folder (`dist.lock`), created exclusively and naming the process that holds it; a
 * lock left by a process that no longer runs (a build killed with -9) is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Bilingual } from '../diagnostics.ts';

/** A held lock; `release` is idempotent. */
export interface OutputLock {
  file: string;
  release(): void;
}

/** What the lock file records. */
interface LockRecord {
  pid: number;
  host: string;
  started: string;
}

/** Is a process of this machine still running? */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock file of an output folder. */
export function lockFile(outDir: string): string {
  return `${outDir}.lock`;
}

/**
 * Takes the lock of `outDir`, or returns why not (another build holds it) as one sentence.
 * Errors other than "the lock exists" (a read-only parent) are thrown for the caller to report.
 */
export function lockOutput(outDir: string): OutputLock | Bilingual {
  const file = lockFile(outDir);
  const record: LockRecord = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(record), { flag: 'wx' });
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        try {
          // Only our own lock: a lock taken over after ours went stale is not ours to remove.
          if ((JSON.parse(fs.readFileSync(file, 'utf8')) as LockRecord).pid === process.pid) fs.rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      };
      process.once('exit', release);
      return { file, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: LockRecord | undefined;
    try {
      holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockRecord;
    } catch {
      holder = undefined; // half-written or unreadable: a build died while taking it
    }
    if (holder && holder.host === os.hostname() && processAlive(holder.pid) && holder.pid !== process.pid) {
      return {
        en: `another build (process ${holder.pid}, started ${holder.started}) is writing ${outDir}: wait for it to finish and build again; if no build is running, delete ${file}.`,
        ar: `بناء آخر (العملية ${holder.pid}، بدأ ${holder.started}) يكتب في ${outDir}: انتظر حتى ينتهي ثم أعد البناء؛ وإن لم يكن بناء يعمل فاحذف ${file}.`,
      };
    }
    if (holder && holder.host !== os.hostname()) {
      return {
        en: `a build on another machine (${holder.host}, process ${holder.pid}) holds ${file}: wait for it, or delete the file if no build is running there.`,
        ar: `بناء على جهاز آخر (${holder.host}، العملية ${holder.pid}) يمسك ${file}: انتظره، أو احذف الملف إن لم يكن بناء يعمل هناك.`,
      };
    }
    fs.rmSync(file, { force: true }); // stale: its build no longer runs
  }
  return {
    en: `could not take the lock ${file}: another build took it at the same moment; build again.`,
    ar: `تعذّر أخذ القفل ${file}: أخذه بناء آخر في اللحظة نفسها؛ أعد البناء.`,
  };
}
