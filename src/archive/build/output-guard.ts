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
import type { Bilingual } from '../diagnostics.ts';

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
export function outputFolderProblem(outDir: string, folders: ProtectedFolders): Bilingual | undefined {
  const out = realFolder(outDir);
  const shown = `ARCHIVE_OUT_DIR (${outDir})`;
  const fix = { en: 'set ARCHIVE_OUT_DIR to a folder of its own, such as dist', ar: 'اجعل ARCHIVE_OUT_DIR مجلدا خاصا به، مثل dist' };
  const replaces = { en: 'the build replaces its output folder, so it would delete', ar: 'البناء يستبدل مجلد الموقع كله، فسيحذف' };
  // Folders the output may neither be, contain, nor lie inside.
  const untouchable: [string, Bilingual][] = [
    [folders.contentDir, { en: 'the content folder', ar: 'مجلد المحتوى' }],
    [folders.cacheDir, { en: 'the cache folder (ARCHIVE_CACHE_DIR)', ar: 'مجلد الذاكرة المؤقتة (ARCHIVE_CACHE_DIR)' }],
    [path.join(folders.projectRoot, 'src'), { en: "the project's src/ folder", ar: 'مجلد src/ في المشروع' }],
    [path.join(folders.projectRoot, 'public'), { en: "the project's public/ folder", ar: 'مجلد public/ في المشروع' }],
    [path.join(folders.projectRoot, 'node_modules'), { en: "the project's node_modules/ folder", ar: 'مجلد node_modules/ في المشروع' }],
    [path.join(folders.projectRoot, '.git'), { en: "the project's .git/ folder", ar: 'مجلد .git/ في المشروع' }],
  ];
  for (const [folder, name] of untouchable) {
    const real = realFolder(folder);
    if (out === real) return { en: `${shown} is ${name.en}: ${replaces.en} what is there; ${fix.en}.`, ar: `${shown} هو ${name.ar}: ${replaces.ar} ما فيه؛ ${fix.ar}.` };
    if (within(out, real)) {
      return { en: `${shown} is inside ${name.en} (${real}): ${replaces.en} what is there; ${fix.en}.`, ar: `${shown} داخل ${name.ar} (${real}): ${replaces.ar} ما فيه؛ ${fix.ar}.` };
    }
    if (within(real, out)) return { en: `${shown} contains ${name.en} (${real}): ${replaces.en} it; ${fix.en}.`, ar: `${shown} يضم ${name.ar} (${real}): ${replaces.ar}ه؛ ${fix.ar}.` };
  }
  // Folders the output may lie inside (dist/ is inside the project) but neither be nor contain.
  const homes = folders.homes ?? [...new Set([os.homedir(), process.env['HOME']].filter((h): h is string => !!h))];
  const enclosing: [string, Bilingual][] = [
    [folders.projectRoot, { en: 'the project folder', ar: 'مجلد المشروع' }],
    ...homes.map((home): [string, Bilingual] => [home, { en: 'a home folder', ar: 'مجلد منزل مستخدم' }]),
  ];
  for (const [folder, name] of enclosing) {
    const real = realFolder(folder);
    if (out === real) return { en: `${shown} is ${name.en}: ${replaces.en} it; ${fix.en}.`, ar: `${shown} هو ${name.ar}: ${replaces.ar}ه؛ ${fix.ar}.` };
    if (within(real, out)) return { en: `${shown} contains ${name.en} (${real}): ${replaces.en} it; ${fix.en}.`, ar: `${shown} يضم ${name.ar} (${real}): ${replaces.ar}ه؛ ${fix.ar}.` };
  }
  let entries: string[];
  try {
    const stat = fs.statSync(out);
    if (!stat.isDirectory()) return { en: `${shown} is a file, not a folder: ${fix.en}, or remove the file.`, ar: `${shown} ملف لا مجلد: ${fix.ar}، أو احذف الملف.` };
    entries = fs.readdirSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A folder a killed build was publishing into (its journal is beside it) is ours too: the
  // first build into a mounted volume moves its files in one by one, the stamp last.
  if (entries.length > 0 && !entries.includes(STAMP_FILE) && !fs.existsSync(journalFile(out))) {
    const sample = entries.slice(0, 3).join(', ');
    const more = entries.length > 3 ? ', …' : '';
    return {
      en:
        `${shown} is not empty (${sample}${more}) and holds no site built by this archive (no ${STAMP_FILE} file): ` +
        `${replaces.en} those files; empty or remove the folder if it is an old site, or ${fix.en}.`,
      ar:
        `${shown} ليس فارغا (${sample}${more}) وليس فيه موقع بناه هذا الأرشيف (لا ملف ${STAMP_FILE}): ` +
        `${replaces.ar} تلك الملفات؛ أفرغ المجلد أو احذفه إن كان موقعا قديما، أو ${fix.ar}.`,
    };
  }
  return undefined;
}

/**
 * Why the cache may not live in `cacheDir`, or `undefined`: the cache writes files of its own,
 * which must never land among the editors' files, the project's sources, or the output (which
 * each build replaces).
 */
export function cacheFolderProblem(cacheDir: string, folders: { contentDir: string; outDir: string; projectRoot: string }): Bilingual | undefined {
  const cache = realFolder(cacheDir);
  const shown = `ARCHIVE_CACHE_DIR (${cacheDir})`;
  const fix = { en: 'set ARCHIVE_CACHE_DIR to a folder of its own, such as .cache/archive', ar: 'اجعل ARCHIVE_CACHE_DIR مجلدا خاصا به، مثل .cache/archive' };
  const places: [string, Bilingual][] = [
    [folders.contentDir, { en: 'the content folder', ar: 'مجلد المحتوى' }],
    [folders.outDir, { en: 'the output folder (ARCHIVE_OUT_DIR)', ar: 'مجلد الموقع (ARCHIVE_OUT_DIR)' }],
    [path.join(folders.projectRoot, 'src'), { en: "the project's src/ folder", ar: 'مجلد src/ في المشروع' }],
    [path.join(folders.projectRoot, 'public'), { en: "the project's public/ folder", ar: 'مجلد public/ في المشروع' }],
  ];
  for (const [folder, name] of places) {
    const real = realFolder(folder);
    if (within(cache, real)) {
      return {
        en: `${shown} is ${cache === real ? '' : 'inside '}${name.en}: the cache would write its files there; ${fix.en}.`,
        ar: `${shown} ${cache === real ? 'هو' : 'داخل'} ${name.ar}: ستكتب الذاكرة المؤقتة ملفاتها هناك؛ ${fix.ar}.`,
      };
    }
    if (within(real, cache)) return { en: `${shown} contains ${name.en}: ${fix.en}.`, ar: `${shown} يضم ${name.ar}: ${fix.ar}.` };
  }
  if (realFolder(folders.projectRoot) === cache) return { en: `${shown} is the project folder: ${fix.en}.`, ar: `${shown} هو مجلد المشروع: ${fix.ar}.` };
  return undefined;
}
