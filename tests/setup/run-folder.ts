/**
 * Vitest global setup: one scratch folder per test run, shared by every test file, so the
 * deployed-site gates build the e2e archive once and not once per file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Scratch folder of this test run (removed at the end). */
    runDir: string;
  }
}

export default function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..');
  const runDir = path.join(root, 'tests/.output/run');
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  project.provide('runDir', runDir);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
