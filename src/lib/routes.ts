/**
 * The static paths of every route, computed from the Archive. Routes call one function each
 * here, so no page sorts or filters inline.
 */
import type { Article } from '../archive/model/article.ts';
import type { Person } from '../archive/model/person.ts';
import type { Place } from '../archive/model/place.ts';
import type { ListPage } from '../archive/paginate.ts';
import { pad2 } from '../archive/text/dates.ts';
import { archive } from './site.ts';

/** A listing page with what the pagination links need. */
export interface Listing {
  page: ListPage<Article>;
  /** How many numbered pages the list has. */
  numberedCount: number;
  /** Total articles in the list. */
  total: number;
}

function listings(list: readonly Article[]): { main: Listing; numbered: Listing[] } {
  const { main, numbered } = archive().pages(list);
  const wrap = (page: ListPage<Article>): Listing => ({ page, numberedCount: numbered.length, total: list.length });
  return { main: wrap(main), numbered: numbered.map(wrap) };
}

/** `/YYYY/MM/<slug>/` */
export function articlePaths() {
  return archive().articles.map((article) => ({
    params: { year: String(article.date.year), month: pad2(article.date.month), slug: article.slug },
    props: { article },
  }));
}

/** `/people/<id>/` and `/places/<id>/` */
export function entityPaths(kind: 'person' | 'place') {
  const a = archive();
  const entries: readonly (Person | Place)[] = kind === 'person' ? a.people : a.places;
  return entries.map((entity) => ({ params: { id: entity.id }, props: { entity, listing: listings(a.articlesOf(entity)).main } }));
}

/** `/people/<id>/page/<n>/` and `/places/<id>/page/<n>/` */
export function entityPagePaths(kind: 'person' | 'place') {
  const a = archive();
  const entries: readonly (Person | Place)[] = kind === 'person' ? a.people : a.places;
  return entries.flatMap((entity) =>
    listings(a.articlesOf(entity)).numbered.map((listing) => ({
      params: { id: entity.id, n: String(listing.page.number) },
      props: { entity, listing },
    })),
  );
}

/** `/` (props only: the home page is not a dynamic route). */
export function homeListing(): Listing {
  return listings(archive().articles).main;
}

/** `/page/<n>/` */
export function homePagePaths() {
  return listings(archive().articles).numbered.map((listing) => ({ params: { n: String(listing.page.number) }, props: { listing } }));
}

/** `/YYYY/` */
export function yearPaths() {
  return archive().years.map((year) => ({ params: { year: String(year.year) }, props: { year } }));
}

/** `/YYYY/MM/` */
export function monthPaths() {
  return archive().years.flatMap((y) =>
    y.months.map((m) => ({
      params: { year: String(m.year), month: pad2(m.month) },
      props: { year: m.year, month: m.month, listing: listings(archive().articlesInMonth(m.year, m.month)).main },
    })),
  );
}

/** `/YYYY/MM/page/<n>/` */
export function monthPagePaths() {
  return archive().years.flatMap((y) =>
    y.months.flatMap((m) =>
      listings(archive().articlesInMonth(m.year, m.month)).numbered.map((listing) => ({
        params: { year: String(m.year), month: pad2(m.month), n: String(listing.page.number) },
        props: { year: m.year, month: m.month, listing },
      })),
    ),
  );
}

/** `/hijri/YYYY/MM/` */
export function hijriMonthPaths() {
  return archive()
    .hijriMonths()
    .map((m) => ({ params: { year: String(m.year), month: pad2(m.month) }, props: { year: m.year, month: m.month, listing: listings(m.articles).main } }));
}

/** `/hijri/YYYY/MM/page/<n>/` */
export function hijriMonthPagePaths() {
  return archive()
    .hijriMonths()
    .flatMap((m) =>
      listings(m.articles).numbered.map((listing) => ({
        params: { year: String(m.year), month: pad2(m.month), n: String(listing.page.number) },
        props: { year: m.year, month: m.month, listing },
      })),
    );
}
