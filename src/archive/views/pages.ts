/**
 * Every page's view: a pure function from the Archive to the props of each page (everything it
 * shows), with the page's site-relative path and its route parameters. Layouts never look
 * anything up, so a page is a function of the code, the settings and its view: that is what
 * lets the build render only the pages whose view changed (src/lib/render-plan.ts). The Astro
 * routes only hand these to Astro (src/lib/routes.ts).
 */
import type { Archive, LetterGroup, YearSummary } from '../archive.ts';
import type { KindDescription } from '../kinds.ts';
import type { Article } from '../model/article.ts';
import type { Place } from '../model/place.ts';
import { refOf, type Entity, type EntityRef, type PlaceRef } from '../model/registry.ts';
import { articleShardIds, searchKey } from '../output/search-index.ts';
import { pad2 } from '../text/dates.ts';
import { paths } from '../urls.ts';
import { cardOf, listItems, listings, type ArticleCard, type ListItem, type Listing } from './lists.ts';

/** One page of a route: where it is published, Astro's parameters, and its props. */
export interface Page<Params, Props> {
  path: string;
  params: Params;
  props: Props;
}

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = { site: 30, entity: 20 } as const;

/** The entries of one kind an article names, with what their heading and JSON-LD need. */
export interface EntryGroup {
  kind: KindDescription['id'];
  label: string;
  schemaOrgType: string;
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
export function articlePages(a: Archive): Page<{ year: string; month: string; slug: string }, { view: ArticleView }>[] {
  return a.articles.map((article) => {
    const { older, newer } = a.neighbours(article);
    const view: ArticleView = {
      article,
      groups: a.kinds.all
        .map((kind) => ({ kind: kind.id, label: kind.labels.plural, schemaOrgType: kind.schemaOrgType, refs: a.entriesOf(article, kind.id).map((e) => refOf(e)) }))
        .filter((g) => g.refs.length > 0),
      places: a.entriesOf(article, 'place').map((e) => refOf(e)),
      older: older && cardOf(older),
      newer: newer && cardOf(newer),
      hijri: a.hijriMonthOf(article),
    };
    return { path: article.path, params: { year: String(article.date.year), month: pad2(article.date.month), slug: article.slug }, props: { view } };
  });
}

/** Everything an entry's page (main or numbered) shows. */
export interface EntityView {
  entity: Entity;
  /** What kind of entry it is. */
  kind: KindDescription;
  listing: Listing;
  /** Containing entries in its kind's hierarchy, nearest first (breadcrumbs, JSON-LD, map). */
  ancestors: EntityRef[];
  /** An organisation's country (JSON-LD). */
  country: PlaceRef | undefined;
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

/** Views already computed this build: the main, numbered and feed pages all ask. */
const viewsOf = new WeakMap<Entity, EntityView[]>();

/** The views of an entry's pages: the main page first, then the numbered ones. */
export function entityViews(a: Archive, entity: Entity): EntityView[] {
  let views = viewsOf.get(entity);
  if (!views) viewsOf.set(entity, (views = computeEntityViews(a, entity)));
  return views;
}

function computeEntityViews(a: Archive, entity: Entity): EntityView[] {
  const all = a.articlesOf(entity);
  const { main, numbered } = listings(a, all, entity);
  const kind = a.kinds.of(entity);
  const country = entity.entity === 'organisation' && entity.country ? a.entry('place', entity.country) : undefined;
  const shared = { entity, kind, ancestors: a.ancestors(entity).map((e) => refOf(e)), country: country && refOf(country) };
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
function everyEntry(a: Archive): { kind: KindDescription; entity: Entity }[] {
  return a.kinds.all.flatMap((kind) => a.entries(kind.id).map((entity) => ({ kind, entity })));
}

/** `/<kind>/<id>/`: every entry of every kind */
export function entityPages(a: Archive): Page<{ kind: string; id: string }, { view: EntityView }>[] {
  return everyEntry(a).map(({ kind, entity }) => ({ path: paths.entity(entity), params: { kind: kind.folder, id: entity.id }, props: { view: entityViews(a, entity)[0]! } }));
}

/** `/<kind>/<id>/page/<n>/` */
export function entityNumberedPages(a: Archive): Page<{ kind: string; id: string; n: string }, { view: EntityView }>[] {
  return everyEntry(a).flatMap(({ kind, entity }) =>
    entityViews(a, entity)
      .slice(1)
      .map((view) => ({ path: paths.entityPage(entity, view.listing.page.number), params: { kind: kind.folder, id: entity.id, n: String(view.listing.page.number) }, props: { view } })),
  );
}

/** What a feed shows: its newest articles, each with the names of its entries. */
export interface FeedView {
  entity: Entity | undefined;
  items: { article: Article; categories: string[] }[];
}

/** Feed items: articles with the names of their entries as categories. */
function feedItems(a: Archive, articles: readonly Article[]): FeedView['items'] {
  return articles.map((article) => ({ article, categories: a.allEntriesOf(article).map((e) => e.name) }));
}

/** `/feed.xml` */
export function siteFeed(a: Archive): FeedView {
  return { entity: undefined, items: feedItems(a, a.articles.slice(0, FEED_SIZE.site)) };
}

/** `/<kind>/<id>/feed.xml`, for kinds with feeds */
export function entityFeeds(a: Archive): Page<{ kind: string; id: string }, { view: FeedView }>[] {
  return everyEntry(a)
    .filter(({ kind }) => kind.feed)
    .map(({ kind, entity }) => ({
      path: paths.entityFeed(entity),
      params: { kind: kind.folder, id: entity.id },
      props: { view: { entity, items: feedItems(a, a.articlesOf(entity).slice(0, FEED_SIZE.entity)) } },
    }));
}

/** What `/<kind>/<id>/articles.json` holds: the search keys of the entry's articles, newest first. */
export interface EntryArticlesView {
  keys: string[];
}

/**
 * `/<kind>/<id>/articles.json`: every entry of every kind. The search page filters by an entry
 * with these keys (src/archive/output/search-index.ts says why the index does not hold them).
 */
export function entityArticleLists(a: Archive): Page<{ kind: string; id: string }, { view: EntryArticlesView }>[] {
  return everyEntry(a).map(({ kind, entity }) => ({
    path: paths.entityArticles(entity),
    params: { kind: kind.folder, id: entity.id },
    props: { view: { keys: a.articlesOf(entity).map(searchKey) } },
  }));
}

/** Everything a kind's index shows: its entries by letter, and for places the map's markers. */
export interface KindIndexView {
  kind: KindDescription;
  groups: LetterGroup<EntityRef & { latin?: string | undefined }>[];
  /** Places with articles and their counts (the places index's map). */
  mapped: { place: PlaceRef; count: number }[];
}

/** `/people/`, `/places/`, `/organisations/`, `/<configured kind>/` */
export function kindIndexPages(a: Archive): Page<{ kind: string }, { view: KindIndexView }>[] {
  return a.kinds.all.map((kind) => {
    const list = a.entries(kind.id);
    const groups = a.letterIndex(list).map((g) => ({ letter: g.letter, entries: g.entries.map(({ entity, count }) => ({ entity: { ...refOf(entity), latin: entity.latin }, count })) }));
    const mapped = kind.map ? (list as readonly Place[]).map((place) => ({ place: refOf(place), count: a.countOf(place) })).filter((p) => p.count > 0) : [];
    return { path: paths.kindIndex(kind.id), params: { kind: kind.folder }, props: { view: { kind, groups, mapped } } };
  });
}

/** Everything the home page shows. */
export interface HomeView {
  listing: Listing;
  years: readonly YearSummary[];
}

/** `/` (not a dynamic route: it renders every build). */
export function homeView(a: Archive): HomeView {
  return { listing: listings(a, a.articles).main, years: a.years };
}

/** `/page/<n>/` */
export function homeNumberedPages(a: Archive): Page<{ n: string }, { listing: Listing }>[] {
  return listings(a, a.articles).numbered.map((listing) => ({ path: paths.homePage(listing.page.number), params: { n: String(listing.page.number) }, props: { listing } }));
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
export function yearPages(a: Archive): Page<{ year: string }, { view: YearView }>[] {
  return a.years.map((y) => {
    const counts = new Map(y.months.map((m) => [m.month, m.count]));
    const view: YearView = {
      year: y.year,
      count: y.count,
      months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: counts.get(i + 1) ?? 0 })),
      latest: listItems(a.articlesInYear(y.year).slice(0, a.pageSize)),
      ...a.adjacentYears(y.year),
    };
    return { path: paths.year(y.year), params: { year: String(y.year) }, props: { view } };
  });
}

/** `/hijri/YYYY/`: a Hijri year, as a Gregorian year's page shows one. */
export function hijriYearPages(a: Archive): Page<{ year: string }, { view: YearView }>[] {
  const years = a.hijriYears();
  return years.map((y, i) => {
    const counts = new Map(y.months.map((m) => [m.month, m.count]));
    const newestFirst = [...y.months].reverse().flatMap((m) => a.articlesInHijriMonth(y.year, m.month));
    const view: YearView = {
      year: y.year,
      count: y.count,
      months: Array.from({ length: 12 }, (_, k) => ({ month: k + 1, count: counts.get(k + 1) ?? 0 })),
      latest: listItems(newestFirst.slice(0, a.pageSize)),
      older: years[i + 1]?.year,
      newer: i > 0 ? years[i - 1]?.year : undefined,
    };
    return { path: paths.hijriYear(y.year), params: { year: String(y.year) }, props: { view } };
  });
}

/** What the date archive (`/archive/`, and `/hijri/` for its Hijri half) lists: the years of both calendars with their counts. */
export interface DateArchiveView {
  gregorian: { year: number; count: number }[];
  hijri: { year: number; count: number }[];
}

export function dateArchiveView(a: Archive): DateArchiveView {
  return { gregorian: a.years.map((y) => ({ year: y.year, count: y.count })), hijri: a.hijriYears().map((y) => ({ year: y.year, count: y.count })) };
}

/** A month with articles, in one calendar. */
export interface MonthRef {
  year: number;
  month: number;
}

/** What a month page (Gregorian or Hijri, main or numbered) shows: its list, and the months with articles before and after it. */
export interface MonthProps {
  year: number;
  month: number;
  listing: Listing;
  older: MonthRef | undefined;
  newer: MonthRef | undefined;
}

/** The months with articles, newest first, each with its neighbours. */
function monthsWithNeighbours<M extends MonthRef>(months: readonly M[]): { month: M; older: MonthRef | undefined; newer: MonthRef | undefined }[] {
  const ref = (m: M | undefined): MonthRef | undefined => m && { year: m.year, month: m.month };
  return months.map((month, i) => ({ month, older: ref(months[i + 1]), newer: ref(months[i - 1]) }));
}

/** The Gregorian months with articles, newest first. */
function gregorianMonths(a: Archive): MonthRef[] {
  return a.years.flatMap((y) => [...y.months].reverse().map((m) => ({ year: m.year, month: m.month })));
}

/** `/YYYY/MM/` */
export function monthPages(a: Archive): Page<{ year: string; month: string }, MonthProps>[] {
  return monthsWithNeighbours(gregorianMonths(a)).map(({ month: m, older, newer }) => ({
    path: paths.month(m.year, m.month),
    params: { year: String(m.year), month: pad2(m.month) },
    props: { year: m.year, month: m.month, listing: listings(a, a.articlesInMonth(m.year, m.month)).main, older, newer },
  }));
}

/** `/YYYY/MM/page/<n>/` */
export function monthNumberedPages(a: Archive): Page<{ year: string; month: string; n: string }, MonthProps>[] {
  return monthsWithNeighbours(gregorianMonths(a)).flatMap(({ month: m, older, newer }) =>
    listings(a, a.articlesInMonth(m.year, m.month)).numbered.map((listing) => ({
      path: paths.monthPage(m.year, m.month, listing.page.number),
      params: { year: String(m.year), month: pad2(m.month), n: String(listing.page.number) },
      props: { year: m.year, month: m.month, listing, older, newer },
    })),
  );
}

/** `/hijri/YYYY/MM/` */
export function hijriMonthPages(a: Archive): Page<{ year: string; month: string }, MonthProps>[] {
  return monthsWithNeighbours(a.hijriMonths()).map(({ month: m, older, newer }) => ({
    path: paths.hijriMonth(m.year, m.month),
    params: { year: String(m.year), month: pad2(m.month) },
    props: { year: m.year, month: m.month, listing: listings(a, m.articles).main, older, newer },
  }));
}

/** `/hijri/YYYY/MM/page/<n>/` */
export function hijriMonthNumberedPages(a: Archive): Page<{ year: string; month: string; n: string }, MonthProps>[] {
  return monthsWithNeighbours(a.hijriMonths()).flatMap(({ month: m, older, newer }) =>
    listings(a, m.articles).numbered.map((listing) => ({
      path: paths.hijriMonthPage(m.year, m.month, listing.page.number),
      params: { year: String(m.year), month: pad2(m.month), n: String(listing.page.number) },
      props: { year: m.year, month: m.month, listing, older, newer },
    })),
  );
}

/** What the search page offers: a filter per kind that has entries named in articles, and the years. */
export interface SearchView {
  /**
   * The kinds that have entries named in articles, each with the path of its entries' article
   * lists, `ENTRY` for the id (ids are lower case). The names are not on the page (2,000
   * people would be a long page): the field finds them in the entries' index as the reader types.
   */
  filters: { kind: KindDescription; lists: string }[];
  kinds: KindDescription[];
  years: number[];
  /** The search index's shards, newest first (the page loads the first and merges the others). */
  shards: string[];
}

/** `/search/` */
export function searchView(a: Archive): SearchView {
  return {
    filters: a.kinds.all
      .map((kind) => {
        const first = a.entries(kind.id).find((e) => a.countOf(e) > 0);
        return first ? [{ kind, lists: paths.entityArticles({ ...first, id: 'ENTRY' }) }] : [];
      })
      .flat(),
    kinds: [...a.kinds.all],
    years: a.years.map((y) => y.year),
    shards: articleShardIds(a),
  };
}
