/**
 * The publish stage: stage the manifest, write the journal (the commit point), then move the
 * new files in. Killed before the journal, the output and its manifest are still the previous
 * build's; from the journal on, the next build finishes the publication and makes the new
 * manifest current (src/archive/build/publish.ts, recover.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { newStamp, stageManifest, STAMP_FILE } from '../cache/build-manifest.ts';
import { pageFile, searchShardFolder } from '../output/layout.ts';
import { removedPages, type BuildPlan } from './plan.ts';
import { rollForward, step, writeJournal, type Journal } from './publish.ts';

/** Where the build reads and writes. */
export interface PublishFolders {
  staging: string;
  outDir: string;
  cacheDir: string;
}

/** Makes the journal of this build, the point after which it is finished even if killed. */
export function journalOf(plan: BuildPlan, folders: PublishFolders, version: string): Journal {
  const { staging, outDir, cacheDir } = folders;
  const stamp = newStamp();
  step();
  fs.writeFileSync(path.join(staging, STAMP_FILE), `${stamp}\n`);
  step();
  stageManifest(cacheDir, {
    key: version,
    stamp,
    content: plan.contentDigest,
    pages: Object.fromEntries(plan.render.pages),
    search: Object.fromEntries(plan.shards.map((s) => [s.id, s.fingerprint])),
    media: plan.media,
  });
  return writeJournal(
    plan.previous
      ? {
          mode: 'in-place',
          outDir,
          staging,
          retired: '',
          replacedFolders: [
            ...plan.changedShards.map((s) => ({ folder: searchShardFolder(s.id), fresh: true })),
            ...plan.goneShards.map((id) => ({ folder: searchShardFolder(id), fresh: false })),
          ],
          removedFiles: [...removedPages(plan).map(pageFile), ...plan.goneMedia],
          cacheDir,
        }
      : { mode: 'swap', outDir, staging, retired: `${outDir}.old-${process.pid}`, replacedFolders: [], removedFiles: [], cacheDir },
  );
}

/** Applies a journal: returns how many files and folders were moved in. */
export function publish(journal: Journal): number {
  return rollForward(journal);
}
