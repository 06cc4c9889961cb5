/**
 * Incremental rendering. Every dynamic route hands Astro props that hold everything its page
 * shows (layouts never look anything up themselves), so a page's HTML is a function of the code,
 * the configuration and its props. The build command compares a fingerprint of each page's
 * props with the one recorded when the current output was built, and Astro renders only the
 * pages whose fingerprint changed. Without a plan (astro dev, astro check) every page renders.
 */
import { handedPlan } from '../archive/build/handoff.ts';
import { digest } from '../archive/cache/digest.ts';

/**
 * A page's fingerprint: its props as JSON, with every article written as its revision (a
 * digest of all it holds), which keeps the text to hash small.
 */
export function fingerprint(props: unknown): string {
  return digest(
    JSON.stringify(props, function (this: unknown, _key, value: unknown) {
      if (value && typeof value === 'object' && 'revision' in value && typeof value.revision === 'string') return `@${value.revision}`;
      return value;
    }),
  );
}

/** The entries of a route whose pages must be rendered this build (all of them without a plan). */
export function toRender<E extends { props: object }>(entries: E[], sitePathOf: (entry: E) => string): E[] {
  const plan = handedPlan();
  if (!plan) return entries;
  return entries.filter((entry) => {
    const sitePath = sitePathOf(entry);
    const print = fingerprint(entry.props);
    plan.pages.set(sitePath, print);
    return plan.previous?.get(sitePath) !== print;
  });
}
