/**
 * Parsing many articles on every core. A cold build parses every article (the slowest part of
 * reading); the files are split into one contiguous run per worker thread, each worker builds
 * the same renderer from the registry and parses its run, and the outcomes come back in file
 * order, so the result is exactly what parsing in one thread gives.
 *
 * Each article has a time budget (RENDER_BUDGET_MS): a worker says when it starts a file, and
 * one still on the same file past the budget is stopped; that file becomes a located
 * `markdown/too-complex` error and a new worker goes on with the rest of the run. A worker that
 * dies on a file (out of memory, a crash) is treated the same way, so one article is one error,
 * never a failed build.
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BuildConfig } from './config.ts';
import { diagnostic } from './diagnostics.ts';
import type { ArticleOutcome } from './load.ts';
import { RENDER_BUDGET_MS } from './markdown/budget.ts';
import type { Entity } from './model/registry.ts';
import { splitFrontMatter } from './read/front-matter.ts';

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;

/** What a worker is given. */
export interface ParseJob {
  files: readonly string[];
  config: BuildConfig;
  /** Every registry entry, kind by kind. */
  registry: readonly Entity[];
}

/** Messages a worker sends: it starts the i-th file of its run, or has parsed it. */
export type ParseMessage = { started: number } | { index: number; outcome: ArticleOutcome };

/** How parsing in parallel is run; tests lower the budget. */
export interface ParallelOptions {
  /** Milliseconds one article may take; default RENDER_BUDGET_MS. */
  budgetMs?: number;
}

/** The outcome of a file whose parsing was stopped, located at the first line of its body. */
function stoppedOutcome(file: string, reason: { en: string; ar: string }): ArticleOutcome {
  let line = 1;
  try {
    line = splitFrontMatter(fs.readFileSync(file, 'utf8'), file).split?.bodyLine ?? 1;
  } catch {
    // Unreadable now: the top of the file.
  }
  return {
    problems: [
      diagnostic('markdown/too-complex', file, { line, column: 1 }, reason.en, 'split the article, or simplify its Markdown (long runs of «*», «[» or HTML tags, huge tables)', {
        message: reason.ar,
        hint: 'قسّم المقال، أو بسّط Markdown فيه (سلاسل طويلة من «*» أو «[» أو وسوم HTML، أو جداول ضخمة)',
      }),
    ],
    draft: false,
  };
}

/** Parses one run of files in worker threads, replacing a worker stopped or lost on a file. */
function parseRun(run: readonly string[], job: Omit<ParseJob, 'files'>, budgetMs: number, onDone: () => void): Promise<ArticleOutcome[]> {
  const outcomes: ArticleOutcome[] = new Array(run.length);
  return new Promise((resolve, reject) => {
    const start = (from: number) => {
      if (from >= run.length) return resolve(outcomes);
      const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: { ...job, files: run.slice(from) } satisfies ParseJob });
      let current: { index: number; since: number } | undefined;
      let next = from;
      let settled = false;
      /** Gives up on the current file: it becomes an error, and a new worker takes the rest. */
      const skip = (reason: { en: string; ar: string }) => {
        if (settled) return;
        settled = true;
        clearInterval(watch);
        const at = current!.index;
        outcomes[at] = stoppedOutcome(run[at]!, reason);
        onDone();
        void worker.terminate();
        start(at + 1);
      };
      const fail = (error: Error) => {
        if (settled) return;
        // Lost while parsing a file: that file is the problem. Lost before any: a fault of the code.
        if (current) return skip({ en: `parsing this article stopped the parser thread: ${error.message}`, ar: `أوقفت قراءة هذا المقال خيط القراءة: ${error.message}` });
        settled = true;
        clearInterval(watch);
        reject(error);
      };
      const watch = setInterval(() => {
        if (current && performance.now() - current.since > budgetMs) {
          skip({
            en: `rendering the text took more than ${budgetMs / 1000} s, the most one article may take; it was stopped`,
            ar: `استغرق عرض النص أكثر من ${budgetMs / 1000} ث، وهو أقصى ما يُعطى مقال واحد، فأُوقف`,
          });
        }
      }, Math.min(1000, Math.max(10, budgetMs / 4)));
      worker.on('message', (message: ParseMessage) => {
        if (settled) return;
        if ('started' in message) {
          current = { index: from + message.started, since: performance.now() };
          return;
        }
        outcomes[from + message.index] = message.outcome;
        current = undefined;
        next = from + message.index + 1;
        onDone();
        if (next === run.length) {
          settled = true;
          clearInterval(watch);
          resolve(outcomes);
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!settled) fail(new Error(`an article parser thread stopped with exit code ${code}`));
      });
    };
    start(0);
  });
}

/** Parses `files` on all cores; `progress` hears how many are done so far. */
export async function parseInParallel(
  files: readonly string[],
  config: BuildConfig,
  registry: readonly Entity[],
  progress: (done: number, total: number) => void = () => {},
  options: ParallelOptions = {},
): Promise<ArticleOutcome[]> {
  const workers = files.length < MIN_FILES_FOR_WORKERS ? 1 : Math.max(1, Math.min(os.availableParallelism(), 8));
  const size = Math.ceil(files.length / workers);
  const runs = Array.from({ length: workers }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((run) => run.length > 0);
  let done = 0;
  // Progress every 250 files, so a long cold build shows it is moving.
  const onDone = () => {
    done++;
    if (done % 250 === 0 || done === files.length) progress(done, files.length);
  };
  const results = await Promise.all(runs.map((run) => parseRun(run, { config, registry }, options.budgetMs ?? RENDER_BUDGET_MS, onDone)));
  return results.flat();
}
