/**
 * Where the parse cache keeps the registry its article outcomes were made with
 * (`<cache>/articles-registry.v8`), so the next build can tell which articles a registry edit
 * can change (src/archive/cache/article-dependencies.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { RegistrySnapshot } from './article-dependencies.ts';

const FORMAT = 1;

interface Stored {
  format: number;
  key: string;
  snapshot: RegistrySnapshot;
}

function fileOf(cacheDir: string): string {
  return path.join(cacheDir, 'articles-registry.v8');
}

/** The snapshot saved for this key (code, settings, base), if there is a readable one. */
export function readRegistrySnapshot(cacheDir: string, key: string): RegistrySnapshot | undefined {
  try {
    const stored = v8.deserialize(fs.readFileSync(fileOf(cacheDir))) as Partial<Stored>;
    if (stored.format === FORMAT && stored.key === key && stored.snapshot?.entries instanceof Map) return stored.snapshot;
  } catch {
    // None yet, or unreadable: every article is parsed.
  }
  return undefined;
}

/** Saves the snapshot atomically. */
export function writeRegistrySnapshot(cacheDir: string, key: string, snapshot: RegistrySnapshot): void {
  const file = fileOf(cacheDir);
  fs.mkdirSync(cacheDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, v8.serialize({ format: FORMAT, key, snapshot } satisfies Stored));
  fs.renameSync(temporary, file);
}
