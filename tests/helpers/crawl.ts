import * as cheerio from 'cheerio';
import { referencedUrls } from './build-site.ts';

/** One URL the crawl fetched. */
export interface Fetched {
  url: string;
  status: number;
  type: string;
  from: string;
}

/** Breadth-first crawl of every same-origin URL reachable from `start`: pages, assets, fonts. */
export async function crawl(start: string, base: string): Promise<{ fetched: Map<string, Fetched>; escapes: string[]; external: Set<string> }> {
  const origin = new URL(start).origin;
  const fetched = new Map<string, Fetched>();
  const escapes: string[] = [];
  const external = new Set<string>();
  const queue: { url: string; from: string }[] = [{ url: start, from: '(start)' }];
  while (queue.length > 0) {
    const { url, from } = queue.shift()!;
    if (fetched.has(url)) continue;
    // No redirects followed: every link must point at the final URL (trailing slash included).
    const response = await fetch(url, { redirect: 'manual' });
    const type = response.headers.get('content-type') ?? '';
    fetched.set(url, { url, status: response.status, type, from });
    if (response.status !== 200) continue;
    const refs: string[] = [];
    if (type.startsWith('text/html')) refs.push(...referencedUrls(cheerio.load(await response.text())));
    else if (type.startsWith('text/css')) refs.push(...[...(await response.text()).matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!));
    else await response.arrayBuffer();
    for (const ref of refs) {
      if (ref.startsWith('#') || ref.startsWith('data:')) continue;
      const target = new URL(ref, url);
      target.hash = '';
      if (target.origin !== origin) {
        external.add(target.href);
        continue;
      }
      if (!target.pathname.startsWith(base)) {
        escapes.push(`${url} → ${ref}`);
        continue;
      }
      if (!fetched.has(target.href)) queue.push({ url: target.href, from: url });
    }
  }
  return { fetched, escapes, external };
}
