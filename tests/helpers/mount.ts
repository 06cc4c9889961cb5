import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Mounts a fresh tmpfs at `dir` (created if needed): a real second file system, small or
 * read-only as asked, for the tests of a full disk, a read-only folder and an output folder on
 * another file system. Needs root, which CI has (.ci/run); without it the test fails saying so.
 */
export function mountTmpfs(dir: string, options: { sizeKb?: number; readOnly?: boolean } = {}): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const flags = [`size=${options.sizeKb ?? 65536}k`, ...(options.readOnly ? ['ro'] : [])].join(',');
  const run = spawnSync('mount', ['-t', 'tmpfs', '-o', flags, 'tmpfs', dir], { encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(
      `could not mount a tmpfs at ${dir} (${(run.stderr || run.error?.message || '').trim()}): this test needs root to mount a small file system; run the suite as root, as .ci/run does`,
    );
  }
  return () => {
    spawnSync('umount', ['-l', dir]);
  };
}

/** Makes a mounted folder read-only or writable again. */
export function remount(dir: string, readOnly: boolean): void {
  const run = spawnSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`could not remount ${dir}: ${run.stderr.trim()}`);
}
