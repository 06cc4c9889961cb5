/**
 * The check stage: the output check (src/archive/output-check.ts) run on what the output will
 * be once the staging folder is applied: the files written this build, and the previous
 * output's files for everything an incremental build kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Archive } from '../archive.ts';
import { pageFile, searchShardFolder } from '../output/layout.ts';
import { checkLayout } from '../output-check.ts';
import { FEED_SIZE } from '../views/pages.ts';
import type { FinishedPages } from './finish.ts';
import { removedPages, type BuildPlan } from './plan.ts';

/** The problems of the output-to-be (none: it may be published). */
export function checkStaged(archive: Archive, plan: BuildPlan, pages: FinishedPages, folders: { staging: string; outDir: string }, site: { site: string; base: string }): string[] {
  const { staging, outDir } = folders;
  const removed = new Set(removedPages(plan).map(pageFile));
  const incremental = plan.previous !== undefined;
  return checkLayout(
    {
      pages: pages.all,
      written: pages.written,
      file: (relative) => {
        const fresh = path.join(staging, relative);
        return !incremental || fs.existsSync(fresh) || removed.has(relative) ? fresh : path.join(outDir, relative);
      },
      isFresh: (relative) => !incremental || fs.existsSync(path.join(staging, relative)),
      searchShards: plan.shards.map((s) => searchShardFolder(s.id)),
    },
    archive,
    site.site,
    site.base,
    FEED_SIZE,
  );
}
