/**
 * The one module that names output files: where a site-relative page path is written, and the
 * files an output (or staging) folder holds.
 */
import fs from 'node:fs';
import path from 'node:path';

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
