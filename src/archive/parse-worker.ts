/** One thread of src/archive/parallel-parse.ts: parses its run of article files. */
import { parentPort, workerData } from 'node:worker_threads';
import { articleReader, type ArticleOutcome } from './load.ts';
import { NameIndex } from './model/registry.ts';
import type { ParseJob, ParseMessage } from './parallel-parse.ts';

const job = workerData as ParseJob;
const people = new NameIndex(job.people);
const places = new NameIndex(job.places);
const read = articleReader(job.config, people, places);
const outcomes: ArticleOutcome[] = [];
job.files.forEach((file, i) => {
  outcomes.push(read(file));
  // Progress every 250 files, so a long cold build shows it is moving.
  if ((i + 1) % 250 === 0 || i + 1 === job.files.length) parentPort!.postMessage({ done: i + 1 } satisfies ParseMessage);
});
parentPort!.postMessage({ outcomes } satisfies ParseMessage);
