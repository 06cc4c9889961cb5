/**
 * What the last build wrote, kept in the cache folder: the fingerprint of every dynamic page
 * and of every search shard, under the code version and configuration it was built with. The
 * next build renders only what changed, but only when it can prove the output folder is the
 * one this manifest describes: the folder holds the manifest's stamp, and the last build
 * finished applying its changes. Otherwise it builds everything.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A file in the output folder naming the build that wrote it. */
export const STAMP_FILE = '.archive-build';

const FORMAT = 2;

export interface BuildManifest {
  format: number;
  /** Code version and configuration digest. */
  key: string;
  /** The stamp written into the output folder. */
  stamp: string;
  /** A digest of the whole Archive: when it is unchanged, nothing needs building. */
  content: string;
  /** Site-relative path of each dynamic page → fingerprint of its props. */
  pages: Record<string, string>;
  /** Search shard id → fingerprint of its records. */
  search: Record<string, string>;
  /** The files made from pictures (`_media/…`, relative to the output root): named by their content, so a list is enough. */
  media: string[];
}

function manifestFile(cacheDir: string): string {
  return path.join(cacheDir, 'build-manifest.json');
}

/** A new stamp for a build. */
export function newStamp(): string {
  return randomUUID();
}

/**
 * The manifest of the output folder, when it can be trusted for this build: same key, and the
 * folder carries its stamp. Anything else means a full build.
 */
export function trustedManifest(cacheDir: string, outDir: string, key: string): BuildManifest | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestFile(cacheDir), 'utf8')) as BuildManifest;
    const stamp = fs.readFileSync(path.join(outDir, STAMP_FILE), 'utf8').trim();
    if (manifest.format === FORMAT && manifest.key === key && manifest.stamp === stamp) return manifest;
  } catch {
    // No manifest, no output, or either unreadable: nothing to trust.
  }
  return undefined;
}

/** Forgets the manifest: done before the output folder is changed in place, so a build killed midway is never trusted. */
export function forgetManifest(cacheDir: string): void {
  fs.rmSync(manifestFile(cacheDir), { force: true });
  fs.rmSync(`${manifestFile(cacheDir)}.next`, { force: true });
}

/** Records the manifest of a finished build (atomically). */
export function saveManifest(cacheDir: string, manifest: Omit<BuildManifest, 'format'>): void {
  stageManifest(cacheDir, manifest);
  commitManifest(cacheDir);
}

/**
 * Writes the manifest a publication will leave behind, without making it current: the
 * publication's journal (src/archive/build/publish.ts) makes it current once the output holds
 * what it describes, even when a later build finishes a killed one's publication.
 */
export function stageManifest(cacheDir: string, manifest: Omit<BuildManifest, 'format'>): void {
  fs.mkdirSync(cacheDir, { recursive: true });
  const temporary = `${manifestFile(cacheDir)}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ format: FORMAT, ...manifest }));
  fs.renameSync(temporary, `${manifestFile(cacheDir)}.next`);
}

/** Makes the staged manifest current (nothing to do when there is none). */
export function commitManifest(cacheDir: string): void {
  try {
    fs.renameSync(`${manifestFile(cacheDir)}.next`, manifestFile(cacheDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
