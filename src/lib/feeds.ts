/**
 * RSS 2.0 feeds: the whole site and every entry (of kinds with feeds), full text, absolute URLs from
 * ARCHIVE_SITE + base, in Arabic. The XML is written by src/archive/output/rss.ts, which escapes
 * every value (plain-text descriptions as HTML, then as XML) and never uses CDATA.
 */
import type { Article } from '../archive/model/article.ts';
import type { Entity } from '../archive/model/registry.ts';
import { rssXml, type RssItem } from '../archive/output/rss.ts';
import { figureHtml, sharedFile } from '../archive/media/picture.ts';
import { paths } from '../archive/urls.ts';
import type { FeedView } from '../archive/views/pages.ts';
import { absolute, link, site } from './site.ts';

/** Site-relative path of a feed. */
export function feedPath(entity?: Entity): string {
  if (!entity) return paths.siteFeed();
  return paths.entityFeed(entity);
}

/**
 * A start tag as the Markdown pipeline writes it (hast-util-to-html: attribute values always in
 * double quotes, `"` inside them as `&quot;`, `<` in text as `&lt;`), so a match is a real tag and
 * never text that looks like an attribute.
 */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*\s*\/?>/g;

/** Makes the site-relative links and sources of an article's HTML absolute, for feed readers. */
export function absoluteHtml(html: string, origin: string): string {
  return html.replace(START_TAG, (tag) =>
    tag
      .replace(/(\s(?:href|src)=")(\/(?!\/))/g, `$1${origin}$2`)
      // Every candidate of a srcset: a URL, then its width.
      .replace(/(\ssrcset=")([^"]*)"/g, (_m, start: string, list: string) => `${start}${list.replace(/(^|,\s*)(\/(?!\/))/g, `$1${origin}$2`)}"`),
  );
}

/** An article's feed HTML, made once: an article stands in the feed of every person and place it names. */
const feedHtmlOf = new WeakMap<Article, string>();
function feedHtml(article: Article, origin: string): string {
  let html = feedHtmlOf.get(article);
  if (html === undefined) {
    // The lead photo heads the text, as on the page.
    const lead = article.image;
    const figure = lead ? figureHtml(lead.image, { alt: lead.alt, base: site().config.base, caption: lead.caption, credit: lead.credit, className: 'lead-figure' }) : '';
    feedHtmlOf.set(article, (html = absoluteHtml(`${figure}${article.html}`, origin)));
  }
  return html;
}

/** The lead photo as a Media RSS `<media:content>`: the file sharing cards use. */
function feedImage(lead: NonNullable<Article['image']>): RssItem['image'] {
  const file = sharedFile(lead);
  return { url: absolute(file.path), type: file.type, width: file.width, height: file.height, description: file.alt };
}

/** The RSS document of a list of articles. */
function feedXml(title: string, description: string, selfPath: string, pagePath: string, items: FeedView['items']): Response {
  const origin = site().config.site;
  const xml = rssXml({
    title,
    description,
    link: absolute(pagePath),
    self: absolute(selfPath),
    language: 'ar',
    items: items.map(({ article, categories }) => ({
      title: article.title,
      link: absolute(article.path),
      published: article.date.instant,
      summary: article.summary,
      html: feedHtml(article, origin),
      image: article.image && feedImage(article.image),
      categories,
      author: article.author,
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

/** The feed of the whole site (no entity) or of one entry. */
export function feedResponse({ entity, items }: FeedView): Response {
  const { settings } = site().config;
  if (!entity) return feedXml(settings.title, settings.description, feedPath(), paths.home(), items);
  const page = paths.entity(entity);
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
