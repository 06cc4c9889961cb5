/**
 * Applying an incremental build: the staging folder holds only what changed (pages whose props
 * changed, the always-rendered pages, assets, sitemap, rebuilt search shards). Its files are
 * moved over the output folder one by one (a rename: each file is replaced whole), replaced
 * search shards are swapped as folders, and pages that no longer exist are removed.
 *
 * The caller forgets the build manifest first, so a build killed in the middle of this is
 * never trusted: the next build rebuilds everything.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Changes {
  /** Folders (relative) replaced whole: search shards rebuilt or gone. */
  replacedFolders: readonly string[];
  /** Site-relative paths of dynamic pages that no longer exist (`/2021/04/x/`, `/people/y/feed.xml`). */
  removedPages: readonly string[];
}

/** The file of a site-relative page path, relative to the output root. */
export function pageFile(sitePath: string): string {
  return sitePath.endsWith('/') ? `${sitePath.slice(1)}index.html` : sitePath.slice(1);
}

/** Every file under a folder, relative to it. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
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

/** Moves the staging folder's files into the output folder and removes what is gone; returns files written. */
export function applyChanges(staging: string, outDir: string, changes: Changes): number {
  for (const folder of changes.replacedFolders) fs.rmSync(path.join(outDir, folder), { recursive: true, force: true });
  const files = filesUnder(staging);
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(outDir, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.renameSync(path.join(staging, file), target);
  }
  for (const page of changes.removedPages) {
    const target = path.join(outDir, pageFile(page));
    fs.rmSync(target, { force: true });
    pruneEmpty(path.dirname(target), outDir);
  }
  fs.rmSync(staging, { recursive: true, force: true });
  return files.length;
}
