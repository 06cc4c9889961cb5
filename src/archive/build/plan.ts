/**
 * The plan stage of a build: what the output folder already holds (the last build's manifest,
 * when it can be trusted), whether anything changed at all, which pages to render (the render
 * plan the routes read) and which search shards to index again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Archive } from '../archive.ts';
import { trustedManifest, type BuildManifest } from '../cache/build-manifest.ts';
import { digest } from '../cache/digest.ts';
import { alwaysWritten, pageFile, searchShardEntry } from '../output/layout.ts';
import { searchShards, type SearchShard } from '../output/search-index.ts';
import { mediaFiles } from '../media/media-store.ts';
import type { RenderPlan } from './handoff.ts';

/** What a build will do. */
export interface BuildPlan {
  /** The manifest of the output being updated; undefined for a full build. */
  previous: BuildManifest | undefined;
  /** A digest of the whole Archive. */
  contentDigest: string;
  /** Nothing changed since the output was built: there is nothing to do. */
  unchanged: boolean;
  /** Which pages render (filled by the routes as Astro asks for their paths). */
  render: RenderPlan;
  shards: SearchShard[];
  /** The shards whose records changed, to index again. */
  changedShards: SearchShard[];
  /** Shards of the previous output that no longer exist. */
  goneShards: string[];
  /** Every file made from a picture that the output holds (`_media/…`). */
  media: string[];
  /** Of those, the files the output does not hold yet (all of them in a full build). */
  newMedia: string[];
  /** Files made from pictures that the previous output holds and this one does not. */
  goneMedia: string[];
}

/**
 * Plans a build. The previous output is trusted only when its manifest matches this code and
 * configuration (`version`) and every file it lists is still there: a page or a file every
 * build writes that was removed by hand makes it a full build.
 */
export function planBuild(archive: Archive, options: { cacheDir: string; outDir: string; version: string; fullBuild: boolean }): BuildPlan {
  let previous = options.fullBuild ? undefined : trustedManifest(options.cacheDir, options.outDir, options.version);
  const expected = (m: BuildManifest) => [...Object.keys(m.pages).map(pageFile), ...alwaysWritten(), ...Object.keys(m.search).map(searchShardEntry), ...m.media];
  if (previous && !expected(previous).every((file) => fs.existsSync(path.join(options.outDir, file)))) previous = undefined;
  const contentDigest = digest(JSON.stringify([archive.articles.map((a) => a.revision), archive.allEntries()]));
  const shards = searchShards(archive);
  const media = mediaFiles(archive.pictures());
  const had = new Set(previous?.media ?? []);
  const has = new Set(media);
  return {
    previous,
    contentDigest,
    unchanged: previous !== undefined && previous.content === contentDigest,
    render: { previous: previous ? new Map(Object.entries(previous.pages)) : undefined, pages: new Map() },
    shards,
    changedShards: shards.filter((s) => previous?.search[s.id] !== s.fingerprint),
    goneShards: previous ? Object.keys(previous.search).filter((id) => !shards.some((s) => s.id === id)) : [],
    media,
    newMedia: media.filter((f) => !had.has(f)),
    goneMedia: [...had].filter((f) => !has.has(f)),
  };
}

/** The pages of the last build that this one no longer has, as files. */
export function removedPages(plan: BuildPlan): string[] {
  return plan.previous ? Object.keys(plan.previous.pages).filter((p) => !plan.render.pages.has(p)) : [];
}
