import type { KindId } from './kinds.ts';
import type { Article } from './model/article.ts';
import type { Person } from './model/person.ts';
import type { Place } from './model/place.ts';
import type { Entity } from './model/registry.ts';
import { paginate, type ListPage } from './paginate.ts';
import { compareArabic, indexLetter } from './text/arabic.ts';
import { hijriDate } from './text/dates.ts';

/** A group of an alphabetical index: the letter and its entries in order. */
export interface LetterGroup<E> {
  letter: string;
  entries: { entity: E; count: number }[];
}

/** A month that has articles. */
export interface MonthSummary {
  year: number;
  month: number;
  count: number;
}

/** A year that has articles, with its months (oldest first). */
export interface YearSummary {
  year: number;
  count: number;
  months: MonthSummary[];
}

/** Newest first; equal instants by title then path, so the order never depends on file order. */
function byNewest(a: Article, b: Article): number {
  return b.date.instant - a.date.instant || compareArabic(a.title, b.title) || (a.sourcePath < b.sourcePath ? -1 : 1);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The Archive: every index the site needs, built once per build from parsed entries.
 * Routes ask it for slices; nothing sorts or filters per page.
 */
export class Archive {
  /** Published articles, newest first. */
  readonly articles: readonly Article[];
  readonly #people: Map<string, Person>;
  readonly #places: Map<string, Place>;
  readonly #position = new Map<Article, number>();
  readonly #byPath = new Map<string, Article>();
  readonly #byPerson = new Map<string, Article[]>();
  readonly #byPlace = new Map<string, Article[]>();
  readonly #byMonth = new Map<string, Article[]>();
  readonly #byYear = new Map<number, Article[]>();
  readonly #byHijriMonth = new Map<string, Article[]>();
  readonly #hijriOf = new Map<Article, { year: number; month: number }>();
  readonly #children = new Map<string, Place[]>();
  /** For each entry key, how many articles name it together with each other entry. */
  readonly #together = new Map<string, Map<string, number>>();
  readonly #years: YearSummary[];
  /** Every person, in Arabic alphabetical order. */
  readonly people: readonly Person[];
  /** Every place, in Arabic alphabetical order. */
  readonly places: readonly Place[];
  readonly pageSize: number;

  constructor(input: { articles: Article[]; people: Person[]; places: Place[]; pageSize: number }) {
    this.pageSize = input.pageSize;
    this.articles = [...input.articles].sort(byNewest);
    this.#people = new Map(input.people.map((p) => [p.id, p]));
    this.#places = new Map(input.places.map((p) => [p.id, p]));
    const alphabetical = <E extends Entity>(a: E, b: E) => compareArabic(a.name, b.name) || (a.id < b.id ? -1 : 1);
    this.people = [...input.people].sort(alphabetical);
    this.places = [...input.places].sort(alphabetical);
    this.articles.forEach((article, i) => {
      this.#position.set(article, i);
      this.#byPath.set(article.path, article);
      for (const id of article.people) pushTo(this.#byPerson, id, article);
      for (const id of article.places) pushTo(this.#byPlace, id, article);
      pushTo(this.#byMonth, `${article.date.year}-${article.date.month}`, article);
      pushTo(this.#byYear, article.date.year, article);
      const hijri = hijriDate(article.date);
      this.#hijriOf.set(article, { year: hijri.year, month: hijri.month });
      pushTo(this.#byHijriMonth, `${hijri.year}-${hijri.month}`, article);
      const keys = [...article.people.map((id) => `person:${id}`), ...article.places.map((id) => `place:${id}`)];
      for (const a of keys) {
        const row = this.#together.get(a) ?? new Map<string, number>();
        for (const b of keys) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
        this.#together.set(a, row);
      }
    });
    for (const place of input.places) if (place.within) pushTo(this.#children, place.within, place);
    for (const list of this.#children.values()) list.sort((a, b) => compareArabic(a.name, b.name));

    const years = new Map<number, YearSummary>();
    for (const key of [...this.#byMonth.keys()]) {
      const [year, month] = key.split('-').map(Number) as [number, number];
      const count = this.#byMonth.get(key)!.length;
      const summary = years.get(year) ?? { year, count: 0, months: [] };
      summary.count += count;
      summary.months.push({ year, month, count });
      years.set(year, summary);
    }
    this.#years = [...years.values()].sort((a, b) => b.year - a.year);
    for (const y of this.#years) y.months.sort((a, b) => a.month - b.month);
  }

  /** The person with this id. */
  person(id: string): Person | undefined {
    return this.#people.get(id);
  }

  /** The place with this id. */
  place(id: string): Place | undefined {
    return this.#places.get(id);
  }

  /** The article at a site-relative path. */
  articleAt(path: string): Article | undefined {
    return this.#byPath.get(path);
  }

  /** The next older and next newer article, in publication order. */
  neighbours(article: Article): { older: Article | undefined; newer: Article | undefined } {
    const i = this.#position.get(article);
    if (i === undefined) return { older: undefined, newer: undefined };
    return { older: this.articles[i + 1], newer: i > 0 ? this.articles[i - 1] : undefined };
  }

  /** The articles that name a person or place, newest first. */
  articlesOf(entity: Entity): readonly Article[] {
    return this.#articlesBy(entity.entity).get(entity.id) ?? [];
  }

  /** The index of articles by entry, for one kind. */
  #articlesBy(kind: KindId): Map<string, Article[]> {
    switch (kind) {
      case 'person':
        return this.#byPerson;
      case 'place':
        return this.#byPlace;
    }
  }

  /** The entry of a kind with this id. */
  entry(kind: KindId, id: string): Entity | undefined {
    switch (kind) {
      case 'person':
        return this.#people.get(id);
      case 'place':
        return this.#places.get(id);
    }
  }

  /** How many articles name a person or place. */
  countOf(entity: Entity): number {
    return this.articlesOf(entity).length;
  }

  /** The entries most often named in the same articles as an entry, with how many articles, most first. */
  appearsWith(entity: Entity, limit = 10): { entity: Entity; count: number }[] {
    const row = this.#together.get(`${entity.entity}:${entity.id}`);
    if (!row) return [];
    return [...row.entries()]
      .map(([key, count]) => {
        const [kind, id] = key.split(':') as [KindId, string];
        return { entity: this.entry(kind, id) as Entity, count };
      })
      .filter((e) => e.entity !== undefined)
      .sort((a, b) => b.count - a.count || compareArabic(a.entity.name, b.entity.name))
      .slice(0, limit);
  }

  /** How many articles name an entry, per year, oldest year first (years without any included). */
  yearCounts(entity: Entity): { year: number; count: number }[] {
    const list = this.articlesOf(entity);
    if (list.length === 0) return [];
    const counts = new Map<number, number>();
    for (const a of list) counts.set(a.date.year, (counts.get(a.date.year) ?? 0) + 1);
    const first = list.at(-1)!.date.year;
    const last = list[0]!.date.year;
    return Array.from({ length: last - first + 1 }, (_, i) => ({ year: first + i, count: counts.get(first + i) ?? 0 }));
  }

  /** The chain of places containing a place, nearest first (Ghadames → [Libya]). */
  ancestors(place: Place): Place[] {
    const chain: Place[] = [];
    const seen = new Set([place.id]);
    let current = place.within ? this.#places.get(place.within) : undefined;
    while (current && !seen.has(current.id)) {
      chain.push(current);
      seen.add(current.id);
      current = current.within ? this.#places.get(current.within) : undefined;
    }
    return chain;
  }

  /** The places directly within a place, alphabetical. */
  children(place: Place): Place[] {
    return this.#children.get(place.id) ?? [];
  }

  /** Every place within a place at any depth (its children, theirs, …), each once. */
  descendants(place: Place): Place[] {
    const found: Place[] = [];
    const seen = new Set([place.id]);
    const visit = (p: Place) => {
      for (const child of this.children(p)) {
        if (seen.has(child.id)) continue; // a loop of “within” is reported elsewhere
        seen.add(child.id);
        found.push(child);
        visit(child);
      }
    };
    visit(place);
    return found;
  }

  /** The people or places of an article, as entries (ids resolved). */
  peopleOf(article: Article): Person[] {
    return article.people.map((id) => this.#people.get(id)).filter((p): p is Person => p !== undefined);
  }

  /** The places of an article, as entries. */
  placesOf(article: Article): Place[] {
    return article.places.map((id) => this.#places.get(id)).filter((p): p is Place => p !== undefined);
  }

  /** Years with articles, newest first, each with its months. */
  get years(): readonly YearSummary[] {
    return this.#years;
  }

  /** The Umm al-Qura year and month an article was published in. */
  hijriMonthOf(article: Article): { year: number; month: number } {
    return this.#hijriOf.get(article) ?? hijriDate(article.date);
  }

  /** Hijri months that have articles, newest first, with their articles (newest first). */
  hijriMonths(): { year: number; month: number; articles: readonly Article[] }[] {
    return [...this.#byHijriMonth.entries()]
      .map(([key, articles]) => {
        const [year, month] = key.split('-').map(Number) as [number, number];
        return { year, month, articles };
      })
      .sort((a, b) => b.year - a.year || b.month - a.month);
  }

  /** The articles of a year, newest first. */
  articlesInYear(year: number): readonly Article[] {
    return this.#byYear.get(year) ?? [];
  }

  /** The years before and after a year that have articles. */
  adjacentYears(year: number): { older: number | undefined; newer: number | undefined } {
    const i = this.#years.findIndex((y) => y.year === year);
    return { older: this.#years[i + 1]?.year, newer: i > 0 ? this.#years[i - 1]?.year : undefined };
  }

  /** The articles of a month, newest first. */
  articlesInMonth(year: number, month: number): readonly Article[] {
    return this.#byMonth.get(`${year}-${month}`) ?? [];
  }

  /** An alphabetical index of entries grouped by first letter (ignoring «ال»), with counts. */
  letterIndex<E extends Entity>(entries: readonly E[]): LetterGroup<E>[] {
    const groups = new Map<string, LetterGroup<E>>();
    for (const entity of entries) {
      const letter = indexLetter(entity.name);
      const group = groups.get(letter) ?? { letter, entries: [] };
      group.entries.push({ entity, count: this.countOf(entity) });
      groups.set(letter, group);
    }
    return [...groups.values()].sort((a, b) => {
      const rank = (l: string) => (l === '#' ? 2 : /^[A-Z]$/.test(l) ? 1 : 0);
      return rank(a.letter) - rank(b.letter) || compareArabic(a.letter, b.letter);
    });
  }

  /** Stable pagination of any article list. */
  pages(newestFirst: readonly Article[]): { main: ListPage<Article>; numbered: ListPage<Article>[] } {
    return paginate(newestFirst, this.pageSize);
  }
}
