import type { APIRoute } from 'astro';
import { paths } from '../archive/urls.ts';
import { absolute } from '../lib/site.ts';

/**
 * robots.txt pointing at the sitemap. Crawlers read it only at the domain root: under a
 * sub-path (ARCHIVE_BASE) copy its Sitemap line into the root robots.txt of the host.
 */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(paths.sitemapIndex())}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
