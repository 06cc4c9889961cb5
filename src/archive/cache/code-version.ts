/**
 * A digest of everything besides the content that decides what a build writes: the project's
 * code, templates, styles and public files, the locked dependency versions, and the Node.js
 * running it. Caches and the previous output are reused only under the same digest, so an
 * upgrade or any edit to a template rebuilds everything.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What is hashed, relative to the project root (folders are walked). */
const INPUTS = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

export function codeVersion(root: string, extra: unknown = null): string {
  const hash = createHash('sha1');
  hash.update(`${process.version}\0${JSON.stringify(extra)}\0`);
  const add = (relative: string) => {
    const absolute = path.join(root, relative);
    if (!fs.existsSync(absolute)) return;
    if (fs.statSync(absolute).isDirectory()) {
      for (const name of fs.readdirSync(absolute).sort()) add(path.join(relative, name));
      return;
    }
    hash.update(`${relative}\0`);
    hash.update(fs.readFileSync(absolute));
    hash.update('\0');
  };
  for (const input of INPUTS) add(input);
  return hash.digest('base64url');
}
