/**
 * How the build command hands what it has read to the routes Astro bundles: the one place that
 * touches `globalThis`. The build loads the Archive once (reporting every problem before Astro
 * starts) and leaves it here with the render plan; the bundled routes, which Astro loads in the
 * same process as other modules, find them here under a registered symbol.
 */
import type { Archive } from '../archive.ts';
import type { BuildConfig } from '../config.ts';

/** What the routes need: the Archive and the configuration it was built with. */
export interface LoadedSite {
  archive: Archive;
  config: BuildConfig;
}

/** What the build command and the routes share for one build: which pages to render. */
export interface RenderPlan {
  /** Page fingerprints of the output being updated; undefined for a full build. */
  previous: ReadonlyMap<string, string> | undefined;
  /** Every dynamic page of this build (site-relative path) with its fingerprint. */
  pages: Map<string, string>;
}

interface Handoff {
  site?: LoadedSite | undefined;
  plan?: RenderPlan | undefined;
}

const SLOT = Symbol.for('arabic-news-archive.handoff');

function slot(): Handoff {
  const holder = globalThis as typeof globalThis & { [SLOT]?: Handoff };
  return (holder[SLOT] ??= {});
}

/** The build command: hands over the site, and the plan of this build when it renders incrementally. */
export function handOver(site: LoadedSite, plan?: RenderPlan): void {
  Object.assign(slot(), { site, plan });
}

/** The site handed over, if any. */
export function handedSite(): LoadedSite | undefined {
  return slot().site;
}

/** The render plan handed over, if any (none: every page renders). */
export function handedPlan(): RenderPlan | undefined {
  return slot().plan;
}

/** Forgets the site (the dev server, when content changes, so the next request reads it again). */
export function forgetSite(): void {
  slot().site = undefined;
}
