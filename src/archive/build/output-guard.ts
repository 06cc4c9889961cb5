/**
 * The output folder is replaced by every build, so a mistaken ARCHIVE_OUT_DIR could delete the
 * editors' content or the project itself. Before anything is written, the build refuses an
 * output folder that is, contains or lies inside a folder it must never touch, and a non-empty
 * folder that no build of ours wrote (it has no build stamp).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STAMP_FILE } from '../cache/build-manifest.ts';
import { journalFile } from './publish.ts';

/** The folders a build must never write into, and what each is called in a message. */
export interface ProtectedFolders {
  contentDir: string;
  cacheDir: string;
  projectRoot: string;
  /** Home folders (of this user, and `$HOME` when it differs). */
  homes?: readonly string[];
}

/**
 * The real path of a folder that may not exist yet: its nearest existing ancestor resolved
 * through symbolic links, with the rest appended. Comparisons are made on real paths, so a
 * link or `..` cannot disguise the content folder.
 */
export function realFolder(folder: string): string {
  const absolute = path.resolve(folder);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(fs.realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/** Is `inner` the folder `outer` or somewhere below it? */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Why the build must not write its site into `outDir`, as one sentence with what to do, or
 * `undefined` when the folder is safe: new or empty, or holding a previous build of ours.
 */
export function outputFolderProblem(outDir: string, folders: ProtectedFolders): string | undefined {
  const out = realFolder(outDir);
  const shown = `ARCHIVE_OUT_DIR (${outDir})`;
  const fix = 'set ARCHIVE_OUT_DIR to a folder of its own, such as dist';
  // Folders the output may neither be, contain, nor lie inside.
  const untouchable: [string, string][] = [
    [folders.contentDir, 'the content folder'],
    [folders.cacheDir, 'the cache folder (ARCHIVE_CACHE_DIR)'],
    [path.join(folders.projectRoot, 'src'), "the project's src/ folder"],
    [path.join(folders.projectRoot, 'public'), "the project's public/ folder"],
    [path.join(folders.projectRoot, 'node_modules'), "the project's node_modules/ folder"],
    [path.join(folders.projectRoot, '.git'), "the project's .git/ folder"],
  ];
  for (const [folder, name] of untouchable) {
    const real = realFolder(folder);
    if (out === real) return `${shown} is ${name}: the build replaces its output folder, so it would delete what is there; ${fix}.`;
    if (within(out, real)) return `${shown} is inside ${name} (${real}): the build replaces its output folder, so it would delete what is there; ${fix}.`;
    if (within(real, out)) return `${shown} contains ${name} (${real}): the build replaces its output folder, so it would delete it; ${fix}.`;
  }
  // Folders the output may lie inside (dist/ is inside the project) but neither be nor contain.
  const homes = folders.homes ?? [...new Set([os.homedir(), process.env['HOME']].filter((h): h is string => !!h))];
  const enclosing: [string, string][] = [
    [folders.projectRoot, 'the project folder'],
    ...homes.map((home): [string, string] => [home, 'a home folder']),
  ];
  for (const [folder, name] of enclosing) {
    const real = realFolder(folder);
    if (out === real) return `${shown} is ${name}: the build replaces its output folder, so it would delete it; ${fix}.`;
    if (within(real, out)) return `${shown} contains ${name} (${real}): the build replaces its output folder, so it would delete it; ${fix}.`;
  }
  let entries: string[];
  try {
    const stat = fs.statSync(out);
    if (!stat.isDirectory()) return `${shown} is a file, not a folder: ${fix}, or remove the file.`;
    entries = fs.readdirSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A folder a killed build was publishing into (its journal is beside it) is ours too: the
  // first build into a mounted volume moves its files in one by one, the stamp last.
  if (entries.length > 0 && !entries.includes(STAMP_FILE) && !fs.existsSync(journalFile(out))) {
    const sample = entries.slice(0, 3).join(', ');
    return (
      `${shown} is not empty (${sample}${entries.length > 3 ? ', …' : ''}) and holds no site built by this archive (no ${STAMP_FILE} file): ` +
      `the build replaces its output folder, so it would delete those files; empty or remove the folder if it is an old site, or ${fix}.`
    );
  }
  return undefined;
}

/**
 * Why the cache may not live in `cacheDir`, or `undefined`: the cache writes files of its own,
 * which must never land among the editors' files, the project's sources, or the output (which
 * each build replaces).
 */
export function cacheFolderProblem(cacheDir: string, folders: { contentDir: string; outDir: string; projectRoot: string }): string | undefined {
  const cache = realFolder(cacheDir);
  const places: [string, string][] = [
    [folders.contentDir, 'the content folder'],
    [folders.outDir, 'the output folder (ARCHIVE_OUT_DIR)'],
    [path.join(folders.projectRoot, 'src'), "the project's src/ folder"],
    [path.join(folders.projectRoot, 'public'), "the project's public/ folder"],
  ];
  for (const [folder, name] of places) {
    const real = realFolder(folder);
    if (within(cache, real)) {
      return `ARCHIVE_CACHE_DIR (${cacheDir}) is ${cache === real ? '' : 'inside '}${name}: the cache would write its files there; set ARCHIVE_CACHE_DIR to a folder of its own, such as .cache/archive.`;
    }
    if (within(real, cache)) return `ARCHIVE_CACHE_DIR (${cacheDir}) contains ${name}: set ARCHIVE_CACHE_DIR to a folder of its own, such as .cache/archive.`;
  }
  if (realFolder(folders.projectRoot) === cache) return `ARCHIVE_CACHE_DIR (${cacheDir}) is the project folder: set it to a folder of its own, such as .cache/archive.`;
  return undefined;
}
