/**
 * Parsing many articles on every core. A cold build parses every article (the slowest part of
 * reading); the files are split into one contiguous run per worker thread, each worker builds
 * the same renderer from the registry and parses its run, and the outcomes come back in file
 * order, so the result is exactly what parsing in one thread gives.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BuildConfig } from './config.ts';
import type { ArticleOutcome } from './load.ts';
import type { Person } from './model/person.ts';
import type { Place } from './model/place.ts';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;

/** What a worker is given. */
export interface ParseJob {
  files: readonly string[];
  config: BuildConfig;
  people: Person[];
  places: Place[];
}

/** Messages a worker sends: progress, then its outcomes. */
export type ParseMessage = { done: number } | { outcomes: ArticleOutcome[] };

/** Parses `files` on all cores; `progress` hears how many are done so far. */
export async function parseInParallel(
  files: readonly string[],
  config: BuildConfig,
  registry: { people: Person[]; places: Place[] },
  progress: (done: number, total: number) => void = () => {},
): Promise<ArticleOutcome[]> {
  const workers = files.length < MIN_FILES_FOR_WORKERS ? 1 : Math.max(1, Math.min(os.availableParallelism(), 8));
  const size = Math.ceil(files.length / workers);
  const done = new Array<number>(workers).fill(0);
  const runs = Array.from({ length: workers }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((run) => run.length > 0);
  const results = await Promise.all(
    runs.map(
      (run, i) =>
        new Promise<ArticleOutcome[]>((resolve, reject) => {
          const job: ParseJob = { files: run, config, ...registry };
          const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: job });
          worker.on('message', (message: ParseMessage) => {
            if ('done' in message) {
              done[i] = message.done;
              progress(done.reduce((a, b) => a + b, 0), files.length);
            } else resolve(message.outcomes);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`an article parser thread stopped with exit code ${code}`));
          });
        }),
    ),
  );
  return results.flat();
}
