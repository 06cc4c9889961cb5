/**
 * The RSS 2.0 document of a feed, written with fast-xml-builder, which escapes every
 * text and attribute value for XML. Nothing is wrapped in CDATA, and no text is ever parsed
 * back as markup (a value such as `]]><script …>` stays text).
 *
 * What each field is, following RSS practice:
 * - `<description>` (channel and item) is HTML in XML: a plain-text summary or description is
 *   escaped as HTML, then as XML, so a reader that renders it as HTML shows the text;
 * - `<content:encoded>` is the page's sanitised article HTML, escaped once, as XML;
 * - titles, categories, `<dc:creator>` and links are text, escaped as XML.
 * Characters XML cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) are
 * left out of every value.
 */
import XMLBuilder from 'fast-xml-builder';
import { escapeHtml, xmlChars } from './xml.ts';

/** One article of a feed. */
export interface RssItem {
  title: string;
  /** Absolute URL of the article page (also its guid). */
  link: string;
  /** Milliseconds since the epoch. */
  published: number;
  /** Plain text: the summary. */
  summary: string;
  /** The page's sanitised HTML, links already absolute. */
  html: string;
  /** Plain text: the names of its people and places. */
  categories: readonly string[];
  /** Plain text: the byline. */
  author?: string | undefined;
  /** The lead photo (Media RSS): one absolute file, its type, size and description. */
  image?: { url: string; type: string; width: number; height: number; description: string } | undefined;
}

/** A whole feed. */
export interface RssChannel {
  title: string;
  /** Plain text. */
  description: string;
  /** Absolute URL of the page the feed belongs to. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** BCP 47 language tag. */
  language: string;
  items: readonly RssItem[];
}

const NAMESPACES = {
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
  media: 'http://search.yahoo.com/mrss/',
};

const clean = (_name: string, value: unknown) => (typeof value === 'string' ? xmlChars(value) : value);

const builder = new XMLBuilder({
  ignoreAttributes: false,
  suppressBooleanAttributes: false,
  suppressEmptyNode: true,
  // The builder escapes & < > " ' in every text and attribute value.
  processEntities: true,
  // Every text and attribute value loses what XML cannot carry, before it is escaped.
  tagValueProcessor: clean,
  attributeValueProcessor: clean,
});

/** Plain text for a field readers render as HTML: escaped as HTML here, as XML by the builder. */
const htmlText = (text: string) => escapeHtml(xmlChars(text));

/** The RSS 2.0 document of a channel. */
export function rssXml(channel: RssChannel): string {
  const item = channel.items.map((i) => ({
    title: i.title,
    link: i.link,
    guid: { '#text': i.link, '@_isPermaLink': 'true' },
    description: htmlText(i.summary),
    pubDate: new Date(i.published).toUTCString(),
    'content:encoded': i.html,
    ...(i.author ? { 'dc:creator': i.author } : {}),
    ...(i.categories.length > 0 ? { category: [...i.categories] } : {}),
    ...(i.image
      ? {
          'media:content': {
            '@_url': i.image.url,
            '@_type': i.image.type,
            '@_medium': 'image',
            '@_width': String(i.image.width),
            '@_height': String(i.image.height),
            'media:description': { '#text': i.image.description, '@_type': 'plain' },
          },
        }
      : {}),
  }));
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    rss: {
      '@_version': '2.0',
      '@_xml:lang': channel.language,
      '@_xmlns:content': NAMESPACES.content,
      '@_xmlns:dc': NAMESPACES.dc,
      '@_xmlns:atom': NAMESPACES.atom,
      '@_xmlns:media': NAMESPACES.media,
      channel: {
        title: channel.title,
        description: htmlText(channel.description),
        link: channel.link,
        language: channel.language,
        'atom:link': { '@_href': channel.self, '@_rel': 'self', '@_type': 'application/rss+xml' },
        ...(item.length > 0 ? { item } : {}),
      },
    },
  };
  // The builder writes no line breaks of its own, so a CR comes from a value: it is written as a
  // reference, or a parser would read it back as LF (XML normalises line ends).
  return (builder.build(document) as string).replace(/\r/g, '&#13;');
}
