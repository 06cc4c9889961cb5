/**
 * What lists show: article cards, list items (with how the article names the entry a page is
 * about) and listing pages with their pagination links. Pure functions of the Archive.
 */
import type { Archive } from '../archive.ts';
import { digest } from '../cache/digest.ts';
import type { Article, LeadImage } from '../model/article.ts';
import type { PublishedImage } from '../media/published-image.ts';
import { entityKey } from '../model/mention-index.ts';
import type { Entity } from '../model/registry.ts';
import type { ListPage } from '../paginate.ts';

/**
 * What a list shows of an article (title, date, source, summary, link, its lead photo small). Lists and neighbour
 * links hold cards, not articles, so an article's page is the only one re-rendered when its
 * body changes; the card's revision is a digest of just these fields.
 */
export interface ArticleCard {
  revision: string;
  path: string;
  title: string;
  date: Article['date'];
  source: string | undefined;
  summary: string;
  /** The lead photo, shown small beside the card. */
  thumbnail: { image: PublishedImage; focus: LeadImage['focus'] } | undefined;
}

const cards = new WeakMap<Article, ArticleCard>();

/** The card of an article (made once per build). */
export function cardOf(article: Article): ArticleCard {
  let card = cards.get(article);
  if (!card) {
    const { path, title, date, source, summary } = article;
    const thumbnail = article.image && { image: article.image.image, focus: article.image.focus };
    card = { revision: digest(JSON.stringify([path, title, date, source, summary, thumbnail])), path, title, date, source, summary, thumbnail };
    cards.set(article, card);
  }
  return card;
}

/** One entry of a list: the card, and on an entry's page how the article names it. */
export interface ListItem {
  card: ArticleCard;
  relation?: { tagged: boolean; count: number };
}

/** The list items of articles, related to the entry a page is about, if any. */
export function listItems(articles: readonly Article[], about?: Entity): ListItem[] {
  const key = about ? entityKey(about) : undefined;
  return articles.map((article) =>
    key ? { card: cardOf(article), relation: { tagged: article.tagged.includes(key), count: article.mentionCounts[key] ?? 0 } } : { card: cardOf(article) },
  );
}

/**
 * A listing page with what the pagination links need. Numbered pages hold nothing that
 * changes as the list grows (no total, no count of pages), so adding an article re-renders
 * only the main page and at most the newest numbered pages.
 */
export interface Listing {
  page: ListPage<ListItem>;
  /** Total articles in the list: on the main page only. */
  total: number | undefined;
  /** The numbered pages linked directly, newest first: a window around this page, and page 1. */
  numbers: number[];
}

/** How many numbered pages on either side of the current one are linked directly. */
const WINDOW = 2;

/** The numbered pages page `n` links to (`n` = 0 for the main page) when the list has `count`. */
export function pageNumbers(n: number, count: number): number[] {
  const centre = n === 0 ? count + 1 : n;
  const numbers = new Set<number>();
  for (let k = centre + WINDOW; k >= centre - WINDOW - (n === 0 ? 2 : 0); k--) if (k >= 1 && k <= count) numbers.add(k);
  if (count >= 1) numbers.add(1);
  return [...numbers].sort((a, b) => b - a);
}

/** The main listing and the numbered ones of a list of articles (newest first). */
export function listings(archive: Archive, list: readonly Article[], about?: Entity): { main: Listing; numbered: Listing[] } {
  const { main, numbered } = archive.pages(list);
  const withItems = (page: ListPage<Article>): ListPage<ListItem> => ({ ...page, items: listItems(page.items, about) });
  return {
    main: { page: withItems(main), total: list.length, numbers: pageNumbers(0, numbered.length) },
    numbered: numbered.map((page) => ({ page: withItems(page), total: undefined, numbers: pageNumbers(page.number, numbered.length) })),
  };
}
