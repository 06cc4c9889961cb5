import fs from 'node:fs';
import path from 'node:path';

const STAMP = '.archive-build';

/** Every file of a folder (relative path → bytes), the build stamp left out. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === STAMP) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), fs.readFileSync(full));
  }
  return files;
}

/** What differs between a folder and an expected snapshot, as readable lines (empty when identical). */
export function differences(dir: string, expected: Map<string, Buffer>): string[] {
  const got = snapshot(dir);
  const out: string[] = [];
  for (const [file, bytes] of expected) {
    if (!got.has(file)) out.push(`missing: ${file}`);
    else if (!got.get(file)!.equals(bytes)) out.push(`differs: ${file}`);
  }
  for (const file of got.keys()) if (!expected.has(file)) out.push(`extra: ${file}`);
  return out;
}
