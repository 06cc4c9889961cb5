import { folderOf, kindIdOf, type KindId, type OfKind } from './kinds.ts';
import { pad2 } from './text/dates.ts';

/**
 * Site-relative paths of every page, in one place. They are the public contract of
 * content-format.md: change one only by keeping the old one working.
 * Paths are Unicode (not percent-encoded) and always end in `/`.
 */
export const paths = {
  home: () => '/',
  /** The whole site's feed. */
  siteFeed: () => '/feed.xml',
  /** The sitemap index, which robots.txt announces. */
  sitemapIndex: () => '/sitemap-index.xml',
  homePage: (n: number) => `/page/${n}/`,
  year: (year: number) => `/${year}/`,
  month: (year: number, month: number) => `/${year}/${pad2(month)}/`,
  monthPage: (year: number, month: number, n: number) => `/${year}/${pad2(month)}/page/${n}/`,
  article: (year: number, month: number, slug: string) => `/${year}/${pad2(month)}/${slug}/`,
  dateArchive: () => '/archive/',
  hijriIndex: () => '/hijri/',
  hijriYear: (year: number) => `/hijri/${year}/`,
  hijriMonth: (year: number, month: number) => `/hijri/${year}/${pad2(month)}/`,
  hijriMonthPage: (year: number, month: number, n: number) => `/hijri/${year}/${pad2(month)}/page/${n}/`,
  /** The index of a kind: `/people/`, `/places/`, `/organisations/`, `/sections/`. */
  kindIndex: (kind: KindId) => `/${folderOf(kind)}/`,
  /** The page of any registry entry: `/<its kind's folder>/<id>/`. */
  entity: (entry: OfKind & { id: string }) => `/${folderOf(kindIdOf(entry))}/${entry.id}/`,
  /** A numbered page of a registry entry's articles. */
  entityPage: (entry: OfKind & { id: string }, n: number) => `/${folderOf(kindIdOf(entry))}/${entry.id}/page/${n}/`,
  /** The feed of a registry entry. */
  entityFeed: (entry: OfKind & { id: string }) => `/${folderOf(kindIdOf(entry))}/${entry.id}/feed.xml`,
  /** The search keys of a registry entry's articles, for the search page's filter by entry. */
  entityArticles: (entry: OfKind & { id: string }) => `/${folderOf(kindIdOf(entry))}/${entry.id}/articles.json`,
} as const;

/**
 * Turns a site-relative path into the href a page links to: under the base path, each segment
 * percent-encoded (Arabic slugs become ASCII, which every host and feed reader accepts).
 */
export function href(base: string, sitePath: string): string {
  const encoded = sitePath
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return base.replace(/\/$/, '') + encoded;
}
