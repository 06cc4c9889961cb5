/**
 * The static paths of every dynamic route, computed from the Archive. Each route's props hold
 * everything its page shows (a "view"), so layouts never look anything up: that is what lets
 * the build render only the pages whose props changed (src/lib/render-plan.ts). Routes call
 * one function each here, so no page sorts or filters inline.
 */
import type { LetterGroup } from '../archive/archive.ts';
import type { KindDescription } from '../archive/kinds.ts';
import type { Article } from '../archive/model/article.ts';
import type { Place } from '../archive/model/place.ts';
import { refOf, type Entity, type EntityRef, type PlaceRef } from '../archive/model/registry.ts';
import type { ListPage } from '../archive/paginate.ts';
import { digest } from '../archive/cache/digest.ts';
import { entityKey } from '../archive/model/mention-index.ts';
import { pad2 } from '../archive/text/dates.ts';
import { paths } from '../archive/urls.ts';
import { FEED_SIZE } from './feeds.ts';
import { toRender } from './render-plan.ts';
import { archive } from './site.ts';

/**
 * What a list shows of an article (title, date, source, summary, link). Lists and neighbour
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
}

const cards = new WeakMap<Article, ArticleCard>();

/** The card of an article (made once per build). */
export function cardOf(article: Article): ArticleCard {
  let card = cards.get(article);
  if (!card) {
    const { path, title, date, source, summary } = article;
    card = { revision: digest(JSON.stringify([path, title, date, source, summary])), path, title, date, source, summary };
    cards.set(article, card);
  }
  return card;
}

/** One entry of a list: the card, and on a person's or place's page how the article names them. */
export interface ListItem {
  card: ArticleCard;
  relation?: { tagged: boolean; count: number };
}

function items(articles: readonly Article[], about?: Entity): ListItem[] {
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

function listings(list: readonly Article[], about?: Entity): { main: Listing; numbered: Listing[] } {
  const { main, numbered } = archive().pages(list);
  const withItems = (page: ListPage<Article>): ListPage<ListItem> => ({ ...page, items: items(page.items, about) });
  return {
    main: { page: withItems(main), total: list.length, numbers: pageNumbers(0, numbered.length) },
    numbered: numbered.map((page) => ({ page: withItems(page), total: undefined, numbers: pageNumbers(page.number, numbered.length) })),
  };
}

/** The entries of one kind an article names, with the kind's name for their heading. */
export interface EntryGroup {
  kind: KindDescription['id'];
  label: string;
  refs: EntityRef[];
}

/** Everything an article page shows. */
export interface ArticleView {
  article: Article;
  /** Its entries, kind by kind (kinds it names none of left out). */
  groups: EntryGroup[];
  /** Its places, for the map. */
  places: PlaceRef[];
  older: ArticleCard | undefined;
  newer: ArticleCard | undefined;
  hijri: { year: number; month: number };
}

/** `/YYYY/MM/<slug>/` */
export function articlePaths() {
  const a = archive();
  const entries = a.articles.map((article) => {
    const { older, newer } = a.neighbours(article);
    const view: ArticleView = {
      article,
      groups: a.kinds.all
        .map((kind) => ({ kind: kind.id, label: kind.labels.plural, refs: a.entriesOf(article, kind.id).map((e) => refOf(e)) }))
        .filter((g) => g.refs.length > 0),
      places: a.entriesOf(article, 'place').map((e) => refOf(e)),
      older: older && cardOf(older),
      newer: newer && cardOf(newer),
      hijri: a.hijriMonthOf(article),
    };
    return { params: { year: String(article.date.year), month: pad2(article.date.month), slug: article.slug }, props: { view } };
  });
  return toRender(entries, (e) => e.props.view.article.path);
}

/** Everything an entry's page (main or numbered) shows. */
export interface EntityView {
  entity: Entity;
  /** What kind of entry it is. */
  kind: KindDescription;
  listing: Listing;
  /** Containing entries in its kind's hierarchy, nearest first (breadcrumbs, JSON-LD, map). */
  ancestors: EntityRef[];
  /** Main page only: */
  newest: ArticleCard | undefined;
  oldest: ArticleCard | undefined;
  together: { entity: EntityRef; count: number }[];
  yearCounts: { year: number; count: number }[];
  /** The entries directly inside it (a country's cities, a government's ministries). */
  children: EntityRef[];
  /** Every place within it, at any depth (its map's markers). */
  contained: PlaceRef[];
}

/** Views already computed this build: the main, numbered and feed routes all ask. */
const viewsOf = new WeakMap<Entity, EntityView[]>();

function entityViews(entity: Entity): EntityView[] {
  const known = viewsOf.get(entity);
  if (known) return known;
  const views = computeEntityViews(entity);
  viewsOf.set(entity, views);
  return views;
}

function computeEntityViews(entity: Entity): EntityView[] {
  const a = archive();
  const all = a.articlesOf(entity);
  const { main, numbered } = listings(all, entity);
  const kind = a.kinds.of(entity);
  const shared = { entity, kind, ancestors: a.ancestors(entity).map((e) => refOf(e)) };
  return [
    {
      ...shared,
      listing: main,
      newest: all[0] && cardOf(all[0]),
      oldest: all.at(-1) && cardOf(all.at(-1)!),
      together: a.appearsWith(entity, 12).map((t) => ({ entity: refOf(t.entity), count: t.count })),
      yearCounts: a.yearCounts(entity),
      children: a.children(entity).map((e) => refOf(e)),
      contained: kind.map ? a.descendants(entity as Place).map((e) => refOf(e)) : [],
    },
    // Numbered pages show only their own articles, so they stay as they are while the list grows.
    ...numbered.map((listing) => ({ ...shared, listing, newest: undefined, oldest: undefined, together: [], yearCounts: [], children: [], contained: [] })),
  ];
}

/** Every entry of every kind, with its kind. */
function everyEntry(): { kind: KindDescription; entity: Entity }[] {
  const a = archive();
  return a.kinds.all.flatMap((kind) => a.entries(kind.id).map((entity) => ({ kind, entity })));
}

/** Everything a kind's index shows: its entries by letter, and for places the map's markers. */
export interface KindIndexView {
  kind: KindDescription;
  groups: LetterGroup<EntityRef & { latin?: string | undefined }>[];
  /** Places with articles and their counts (the places index's map). */
  mapped: { place: PlaceRef; count: number }[];
}

/** `/people/`, `/places/`, `/organisations/`, `/<configured kind>/` */
export function kindIndexPaths() {
  const a = archive();
  const entries = a.kinds.all.map((kind) => {
    const list = a.entries(kind.id);
    const groups = a.letterIndex(list).map((g) => ({ letter: g.letter, entries: g.entries.map(({ entity, count }) => ({ entity: { ...refOf(entity), latin: entity.latin }, count })) }));
    const mapped = kind.map ? (list as readonly Place[]).map((place) => ({ place: refOf(place), count: a.countOf(place) })).filter((p) => p.count > 0) : [];
    const view: KindIndexView = { kind, groups, mapped };
    return { params: { kind: kind.folder }, props: { view } };
  });
  return toRender(entries, (e) => paths.kindIndex(e.props.view.kind.id));
}

/** `/<kind>/<id>/`: every entry of every kind */
export function entityPaths() {
  const entries = everyEntry().map(({ kind, entity }) => ({ params: { kind: kind.folder, id: entity.id }, props: { view: entityViews(entity)[0]! } }));
  return toRender(entries, (e) => paths.entity(e.props.view.entity));
}

/** `/<kind>/<id>/page/<n>/` */
export function entityPagePaths() {
  const entries = everyEntry().flatMap(({ kind, entity }) =>
    entityViews(entity)
      .slice(1)
      .map((view) => ({ params: { kind: kind.folder, id: entity.id, n: String(view.listing.page.number) }, props: { view } })),
  );
  return toRender(entries, (e) => {
    const { entity, listing } = e.props.view;
    return paths.entityPage(entity, listing.page.number);
  });
}

/** What a feed shows: its newest articles, each with the names of its people and places. */
export interface FeedView {
  entity: Entity;
  items: { article: Article; categories: string[] }[];
}

/** `/<kind>/<id>/feed.xml`, for kinds with feeds */
export function entityFeedPaths() {
  const a = archive();
  const entries = everyEntry()
    .filter(({ kind }) => kind.feed)
    .map(({ kind, entity }) => {
      const items = a
        .articlesOf(entity)
        .slice(0, FEED_SIZE.entity)
        .map((article) => ({ article, categories: a.allEntriesOf(article).map((e) => e.name) }));
      const view: FeedView = { entity, items };
      return { params: { kind: kind.folder, id: entity.id }, props: { view } };
    });
  return toRender(entries, (e) => paths.entityFeed(e.props.view.entity));
}

/** `/` (props only: the home page is not a dynamic route, and renders every build). */
export function homeListing(): Listing {
  return listings(archive().articles).main;
}

/** `/page/<n>/` */
export function homePagePaths() {
  const entries = listings(archive().articles).numbered.map((listing) => ({ params: { n: String(listing.page.number) }, props: { listing } }));
  return toRender(entries, (e) => paths.homePage(e.props.listing.page.number));
}

/** Everything a year page shows. */
export interface YearView {
  year: number;
  count: number;
  months: { month: number; count: number }[];
  latest: ListItem[];
  older: number | undefined;
  newer: number | undefined;
}

/** `/YYYY/` */
export function yearPaths() {
  const a = archive();
  const entries = a.years.map((y) => {
    const counts = new Map(y.months.map((m) => [m.month, m.count]));
    const view: YearView = {
      year: y.year,
      count: y.count,
      months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: counts.get(i + 1) ?? 0 })),
      latest: items(a.articlesInYear(y.year).slice(0, a.pageSize)),
      ...a.adjacentYears(y.year),
    };
    return { params: { year: String(y.year) }, props: { view } };
  });
  return toRender(entries, (e) => paths.year(e.props.view.year));
}

/** `/YYYY/MM/` */
export function monthPaths() {
  const entries = archive().years.flatMap((y) =>
    y.months.map((m) => ({
      params: { year: String(m.year), month: pad2(m.month) },
      props: { year: m.year, month: m.month, listing: listings(archive().articlesInMonth(m.year, m.month)).main },
    })),
  );
  return toRender(entries, (e) => paths.month(e.props.year, e.props.month));
}

/** `/YYYY/MM/page/<n>/` */
export function monthPagePaths() {
  const entries = archive().years.flatMap((y) =>
    y.months.flatMap((m) =>
      listings(archive().articlesInMonth(m.year, m.month)).numbered.map((listing) => ({
        params: { year: String(m.year), month: pad2(m.month), n: String(listing.page.number) },
        props: { year: m.year, month: m.month, listing },
      })),
    ),
  );
  return toRender(entries, (e) => paths.monthPage(e.props.year, e.props.month, e.props.listing.page.number));
}

/** `/hijri/YYYY/MM/` */
export function hijriMonthPaths() {
  const entries = archive()
    .hijriMonths()
    .map((m) => ({ params: { year: String(m.year), month: pad2(m.month) }, props: { year: m.year, month: m.month, listing: listings(m.articles).main } }));
  return toRender(entries, (e) => paths.hijriMonth(e.props.year, e.props.month));
}

/** `/hijri/YYYY/MM/page/<n>/` */
export function hijriMonthPagePaths() {
  const entries = archive()
    .hijriMonths()
    .flatMap((m) =>
      listings(m.articles).numbered.map((listing) => ({
        params: { year: String(m.year), month: pad2(m.month), n: String(listing.page.number) },
        props: { year: m.year, month: m.month, listing },
      })),
    );
  return toRender(entries, (e) => paths.hijriMonthPage(e.props.year, e.props.month, e.props.listing.page.number));
}
