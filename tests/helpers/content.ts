import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The project's root folder. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A fresh temporary folder, removed by the caller (or left for inspection on failure). */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `archive-${prefix}-`));
}

/**
 * A content folder for a case: the seed registry (content/people, content/places) with the
 * case's own files laid over it, and an articles/ folder even when the case has none.
 */
export function contentWithSeedRegistry(caseDir: string): string {
  const dir = tempDir('content');
  for (const folder of ['people', 'places']) {
    fs.cpSync(path.join(ROOT, 'content', folder), path.join(dir, folder), { recursive: true });
  }
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  for (const entry of fs.readdirSync(caseDir, { withFileTypes: true })) {
    // verbatimSymlinks: a case's links keep pointing where they point inside the case (symlink-loop).
    if (entry.isDirectory()) fs.cpSync(path.join(caseDir, entry.name), path.join(dir, entry.name), { recursive: true, verbatimSymlinks: true });
  }
  return dir;
}
