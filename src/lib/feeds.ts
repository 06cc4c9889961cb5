/**
 * RSS 2.0 feeds (through @astrojs/rss): the whole site and every person and place, full text,
 * absolute URLs from ARCHIVE_SITE + base, in Arabic.
 */
import { getRssString } from '@astrojs/rss';
import type { Article } from '../archive/model/article.ts';
import type { Entity } from '../archive/model/registry.ts';
import { paths } from '../archive/urls.ts';
import type { FeedView } from './routes.ts';
import { absolute, archive, link, site } from './site.ts';

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = { site: 30, entity: 20 } as const;

/** Site-relative path of a feed. */
export function feedPath(entity?: Entity): string {
  if (!entity) return '/feed.xml';
  return `${entity.entity === 'person' ? paths.person(entity.id) : paths.place(entity.id)}feed.xml`;
}

/** Makes the site-relative links and sources of an article's HTML absolute, for feed readers. */
function absoluteHtml(html: string): string {
  const origin = site().config.site;
  return html.replace(/\b(href|src)="(\/[^"]*)"/g, (_, attribute: string, url: string) => `${attribute}="${origin}${url}"`);
}

/** The RSS document of a list of articles. */
async function feedXml(title: string, description: string, selfPath: string, pagePath: string, items: FeedView['items']): Promise<Response> {
  const xml = await getRssString({
    title,
    description,
    site: absolute(pagePath),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>ar</language><atom:link href="${absolute(selfPath)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
    items: items.map(({ article, categories }) => ({
      title: article.title,
      link: absolute(article.path),
      pubDate: new Date(article.date.instant),
      description: article.summary,
      content: absoluteHtml(article.html),
      categories,
      ...(article.author ? { customData: `<dc:creator><![CDATA[${article.author}]]></dc:creator>` } : {}),
    })),
  });
  // The feed's language as an XML attribute too, for readers that look there.
  const withLang = xml.replace('<rss ', '<rss xml:lang="ar" xmlns:dc="http://purl.org/dc/elements/1.1/" ');
  return new Response(withLang, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

/** Feed items: articles with the names of their people and places as categories. */
function feedItems(articles: readonly Article[]): FeedView['items'] {
  const a = archive();
  return articles.map((article) => ({ article, categories: [...a.peopleOf(article), ...a.placesOf(article)].map((e) => e.name) }));
}

/** The whole site's feed. */
export function siteFeed(): Promise<Response> {
  const { settings } = site().config;
  return feedXml(settings.title, settings.description, feedPath(), paths.home(), feedItems(archive().articles.slice(0, FEED_SIZE.site)));
}

/** A person's or place's feed. */
export function entityFeed({ entity, items }: FeedView): Promise<Response> {
  const { settings } = site().config;
  const page = entity.entity === 'person' ? paths.person(entity.id) : paths.place(entity.id);
  return feedXml(
    `${entity.name} | ${settings.title}`,
    entity.description ?? `${settings.title}: ${entity.name}`,
    feedPath(entity),
    page,
    items,
  );
}

/** The `<link rel="alternate">` entries of a page: its own feed first, then the site's. */
export function feedLinks(entity?: Entity): { title: string; href: string }[] {
  const { settings } = site().config;
  const own = entity ? [{ title: `${entity.name} | ${settings.title}`, href: link(feedPath(entity)) }] : [];
  return [...own, { title: settings.title, href: link(feedPath()) }];
}
