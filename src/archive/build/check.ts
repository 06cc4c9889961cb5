/**
 * The check stage: the output check (src/archive/output-check.ts) run on what the output will
 * be once the staging folder is applied: the files written this build, and the previous
 * output's files for everything an incremental build kept.
 *
 * The feed items found clean are kept in the cache for the next build (`feed-check.json`, under
 * the code version): an alias that changes 600 articles rewrites 700 feeds of 20 full texts each,
 * and parsing the 14,000 items again, not the 600 that changed, was most of this stage.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Archive } from '../archive.ts';
import { pageFile, searchShardFolder } from '../output/layout.ts';
import { checkLayout } from '../output-check.ts';
import { cleanItems, feedCheckMemory } from '../output/feed-check.ts';
import { FEED_SIZE } from '../views/pages.ts';
import type { FinishedPages } from './finish.ts';
import { removedPages, type BuildPlan } from './plan.ts';

/** Where the verdicts on feed items are kept between builds. */
function feedVerdictsFile(cacheDir: string): string {
  return path.join(cacheDir, 'feed-check.json');
}

/** The clean feed items of earlier builds of this code version (none if there are none, or they are unreadable). */
function carriedFeedItems(cacheDir: string, version: string): string[] {
  try {
    const saved = JSON.parse(fs.readFileSync(feedVerdictsFile(cacheDir), 'utf8')) as { version?: unknown; clean?: unknown };
    return saved.version === version && Array.isArray(saved.clean) ? saved.clean.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** The problems of the output-to-be (none: it may be published). */
export function checkStaged(
  archive: Archive,
  plan: BuildPlan,
  pages: FinishedPages,
  folders: { staging: string; outDir: string; cacheDir: string },
  site: { site: string; base: string },
  version: string,
): string[] {
  const { staging, outDir, cacheDir } = folders;
  const memory = feedCheckMemory(plan.previous ? carriedFeedItems(cacheDir, version) : []);
  const removed = new Set(removedPages(plan).map(pageFile));
  const incremental = plan.previous !== undefined;
  const problems = checkLayout(
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
    memory,
  );
  if (problems.length === 0) {
    // Bounded: an item leaves the feeds as newer articles come, so keep about what they hold.
    const limit = 4 * (archive.articles.length + 1000);
    const file = feedVerdictsFile(cacheDir);
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ version, clean: cleanItems(memory, limit) }));
    fs.renameSync(`${file}.tmp`, file);
  }
  return problems;
}
