/**
 * One thread of src/archive/parallel-parse.ts: parses its run of article files, saying when it
 * starts each one (the parent stops a thread that stays on one file past the time budget) and
 * sending each outcome as soon as it has it (so a thread stopped midway loses nothing done).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { kindsOf } from './config.ts';
import { articleReader, nameIndexes } from './load.ts';
import type { ParseJob, ParseMessage } from './parallel-parse.ts';

const job = workerData as ParseJob;
const read = articleReader(job.config, nameIndexes(kindsOf(job.config), job.registry));
job.files.forEach((file, index) => {
  parentPort!.postMessage({ started: index } satisfies ParseMessage);
  parentPort!.postMessage({ index, outcome: read(file) } satisfies ParseMessage);
});
