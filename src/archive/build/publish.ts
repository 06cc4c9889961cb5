/**
 * Publishing a checked staging folder over the output folder, so that a build killed at any
 * moment (kill -9, a power cut) leaves a site the next build can finish.
 *
 * Before the output is touched, a journal (`dist.publish.json`, beside the output) records
 * the whole publication: where the new files are, which folders are replaced whole (search
 * shards), which pages are gone, and the manifest to record once done. Writing it (atomically)
 * is the commit point: a build killed before it leaves the output as it was and its staging
 * folder is deleted (rolled back); a build killed after it is rolled forward by the next build,
 * which finishes the same steps. Every step is a rename, so each file and shard is always
 * whole, and every step can be repeated.
 *
 * - A full build swaps folders: the old output is renamed aside, the staging folder renamed into
 *   its place, and the old one deleted; the site is missing only between two renames.
 * - An incremental build moves its files into the output one by one (assets first, pages after,
 *   the build stamp last), swaps each replaced search shard as a folder, and deletes gone pages.
 * - An output folder on another file system than its parent (a mounted volume) cannot be renamed
 *   and renames into it fail with EXDEV: files are then copied into a folder inside the output
 *   (the same file system) and renamed from there, and a full build is applied in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commitManifest, STAMP_FILE } from '../cache/build-manifest.ts';
import { filesUnder } from '../output/layout.ts';

/** A folder inside the output for files on their way in or out; never part of the site. */
export const PUBLISH_FOLDER = '.archive-publish';

const FORMAT = 1;

/** What a publication does, recorded before it starts. */
export interface Journal {
  format: number;
  /** `swap`: the staging folder becomes the output; `in-place`: its files are moved into it. */
  mode: 'swap' | 'in-place';
  /** The output folder (absolute, real path). */
  outDir: string;
  /** The checked staging folder (absolute). */
  staging: string;
  /** Swap only: where the old output is put aside. */
  retired: string;
  /** In place: folders (relative) replaced whole; `fresh` when staging holds the new one. */
  replacedFolders: { folder: string; fresh: boolean }[];
  /** In place: files (relative) of the output to delete. */
  removedFiles: string[];
  /** The cache folder whose staged manifest becomes current when done (see build-manifest.ts). */
  cacheDir: string;
}

/**
 * The tests' way to kill a build at a chosen point of publishing: with
 * `ARCHIVE_FAULT_KILL_AT_STEP=n`, the process kills itself (SIGKILL, as kill -9 would) just
 * before its n-th step. Unset, it only counts.
 */
const killAt = Number(process.env['ARCHIVE_FAULT_KILL_AT_STEP'] || 0);
let stepsTaken = 0;
export function step(): void {
  stepsTaken++;
  if (stepsTaken === killAt) process.kill(process.pid, 'SIGKILL');
}

/** How many publishing steps this process took (the tests choose kill points from it). */
export function stepsSoFar(): number {
  return stepsTaken;
}

/** The journal file of an output folder. */
export function journalFile(outDir: string): string {
  return `${outDir}.publish.json`;
}

/** Writes a file atomically (a temporary beside it, then a rename). */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Moves a file or folder to `target` (replacing a file there). Across file systems (EXDEV) it is
 * copied into `incoming`, a folder on the target's file system, and renamed from there, so the
 * target is still replaced whole by one rename.
 */
export function move(source: string, target: string, incoming: string): void {
  try {
    fs.renameSync(source, target);
    return;
  } catch (error) {
    if (code(error) !== 'EXDEV') throw error;
  }
  const temporary = path.join(incoming, `${process.pid}-${Math.random().toString(36).slice(2)}`);
  fs.mkdirSync(incoming, { recursive: true });
  fs.cpSync(source, temporary, { recursive: true, errorOnExist: false, force: true });
  step();
  fs.renameSync(temporary, target);
  step();
  fs.rmSync(source, { recursive: true, force: true });
}

/** Removes empty folders from `dir` up to (not including) `root`. */
function pruneEmpty(dir: string, root: string): void {
  for (let d = dir; d.startsWith(root + path.sep); d = path.dirname(d)) {
    try {
      fs.rmdirSync(d);
    } catch {
      return; // not empty (or already gone)
    }
  }
}

/** The order files are moved in: assets and search files, then pages, then the root's feeds and sitemaps, the stamp last. */
function moveOrder(file: string): number {
  if (file === STAMP_FILE) return 3;
  if (file.endsWith('.html')) return 1;
  if (!file.includes(path.sep)) return 2;
  return 0;
}

/** Can the output folder be swapped whole (renamed), rather than changed in place? */
function swappable(outDir: string): boolean {
  try {
    // A mount point (a volume, another disk) lives on another device than its parent.
    return fs.statSync(outDir).dev === fs.statSync(path.dirname(outDir)).dev;
  } catch {
    return true; // no output yet
  }
}

/** Records a publication: the commit point. */
export function writeJournal(journal: Omit<Journal, 'format'>): Journal {
  const full: Journal = { format: FORMAT, ...journal };
  if (full.mode === 'swap' && !swappable(full.outDir)) Object.assign(full, inPlaceOfSwap(full));
  step();
  writeAtomically(journalFile(full.outDir), JSON.stringify(full));
  return full;
}

/** A full build applied in place: every file of the output that staging does not replace is removed. */
function inPlaceOfSwap(journal: Journal): Pick<Journal, 'mode' | 'removedFiles' | 'replacedFolders'> {
  const fresh = new Set(filesUnder(journal.staging));
  const removedFiles = exists(journal.outDir)
    ? filesUnder(journal.outDir).filter((f) => !fresh.has(f) && f.split(path.sep)[0] !== PUBLISH_FOLDER)
    : [];
  return { mode: 'in-place', removedFiles, replacedFolders: [] };
}

/** Carries a publication out, from wherever a killed build left it; returns the files moved. */
export function rollForward(journal: Journal): number {
  const { outDir, staging } = journal;
  const work = path.join(outDir, PUBLISH_FOLDER);
  let moved = 0;
  if (journal.mode === 'swap') {
    if (exists(staging)) {
      if (exists(outDir)) {
        step();
        try {
          fs.renameSync(outDir, journal.retired);
        } catch (error) {
          // A folder that cannot be renamed (a mount point, EBUSY): apply the build in place.
          if (!['EBUSY', 'EXDEV', 'EPERM', 'EACCES'].includes(code(error) ?? '')) throw error;
          const inPlace = { ...journal, ...inPlaceOfSwap(journal) };
          writeAtomically(journalFile(outDir), JSON.stringify(inPlace));
          return rollForward(inPlace);
        }
      }
      step();
      fs.renameSync(staging, outDir);
      moved = 1;
    }
    step();
    fs.rmSync(journal.retired, { recursive: true, force: true });
  } else {
    const incoming = path.join(work, 'incoming');
    fs.mkdirSync(outDir, { recursive: true });
    for (const { folder, fresh } of journal.replacedFolders) {
      const target = path.join(outDir, folder);
      if (!fresh) {
        step();
        fs.rmSync(target, { recursive: true, force: true });
        continue;
      }
      // The new folder goes first to `ready` on the output's file system, then the old one is
      // put aside and the new one renamed into place: the shard is missing only between two
      // renames. A killed build resumes from whichever of these steps it reached.
      const next = path.join(staging, folder);
      const ready = path.join(work, 'ready', folder);
      if (exists(next)) {
        fs.rmSync(ready, { recursive: true, force: true });
        fs.mkdirSync(path.dirname(ready), { recursive: true });
        step();
        move(next, ready, incoming);
      }
      if (!exists(ready)) continue; // in place already
      if (exists(target)) {
        const aside = path.join(work, 'retired', folder);
        fs.rmSync(aside, { recursive: true, force: true });
        fs.mkdirSync(path.dirname(aside), { recursive: true });
        step();
        fs.renameSync(target, aside);
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      step();
      fs.renameSync(ready, target);
      moved++;
    }
    if (exists(staging)) {
      const files = filesUnder(staging).sort((a, b) => moveOrder(a) - moveOrder(b));
      const made = new Set<string>();
      for (const file of files) {
        const target = path.join(outDir, file);
        const dir = path.dirname(target);
        if (!made.has(dir)) {
          fs.mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        step();
        move(path.join(staging, file), target, incoming);
        moved++;
      }
    }
    for (const file of journal.removedFiles) {
      const target = path.join(outDir, file);
      step();
      fs.rmSync(target, { force: true });
      pruneEmpty(path.dirname(target), outDir);
    }
    step();
    fs.rmSync(work, { recursive: true, force: true });
  }
  step();
  commitManifest(journal.cacheDir);
  step();
  fs.rmSync(journalFile(outDir), { force: true });
  step();
  fs.rmSync(staging, { recursive: true, force: true });
  return moved;
}

/** The journal of an interrupted publication of `outDir`, if there is one. */
export function pendingJournal(outDir: string): Journal | undefined {
  let text: string;
  try {
    text = fs.readFileSync(journalFile(outDir), 'utf8');
  } catch {
    return undefined;
  }
  const journal = JSON.parse(text) as Journal;
  return journal.format === FORMAT ? journal : undefined;
}
