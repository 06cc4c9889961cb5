import type { PublishedImage } from './media/published-image.ts';
import { kindIdOf, type BuiltinKindId, type KindId, type Kinds } from './kinds.ts';
import type { Article } from './model/article.ts';
import { entityKey } from './model/mention-index.ts';
import type { Organisation } from './model/organisation.ts';
import type { Person } from './model/person.ts';
import type { Place } from './model/place.ts';
import { ancestorChain, parentId, type Entity } from './model/registry.ts';
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

/** The entry type of each built-in kind. */
export interface BuiltinEntries {
  person: Person;
  place: Place;
  organisation: Organisation;
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
  /** Every kind of entry of the site. */
  readonly kinds: Kinds;
  /** Entries by key (`place:libya`). */
  readonly #byKey = new Map<string, Entity>();
  /** Entries of each kind, in Arabic alphabetical order. */
  readonly #ofKind = new Map<KindId, Entity[]>();
  readonly #position = new Map<Article, number>();
  readonly #byPath = new Map<string, Article>();
  /** Articles naming each entry, by key, newest first. */
  readonly #byEntry = new Map<string, Article[]>();
  readonly #byMonth = new Map<string, Article[]>();
  readonly #byYear = new Map<number, Article[]>();
  readonly #byHijriMonth = new Map<string, Article[]>();
  readonly #hijriOf = new Map<Article, { year: number; month: number }>();
  /** The entries directly inside each entry of a kind with a hierarchy, by key. */
  readonly #children = new Map<string, Entity[]>();
  /** For each entry key, how many articles name it together with each other entry. */
  readonly #together = new Map<string, Map<string, number>>();
  readonly #years: YearSummary[];
  readonly pageSize: number;

  constructor(input: { articles: Article[]; entries: Entity[]; kinds: Kinds; pageSize: number }) {
    this.pageSize = input.pageSize;
    this.kinds = input.kinds;
    this.articles = [...input.articles].sort(byNewest);
    for (const kind of input.kinds.all) this.#ofKind.set(kind.id, []);
    for (const entry of input.entries) {
      this.#byKey.set(entityKey(entry), entry);
      pushTo(this.#ofKind, kindIdOf(entry), entry);
    }
    for (const list of this.#ofKind.values()) list.sort((a, b) => compareArabic(a.name, b.name) || (a.id < b.id ? -1 : 1));
    this.articles.forEach((article, i) => {
      this.#position.set(article, i);
      this.#byPath.set(article.path, article);
      const keys = Object.entries(article.entries).flatMap(([kind, ids]) => (ids ?? []).map((id) => `${kind}:${id}`));
      for (const key of keys) pushTo(this.#byEntry, key, article);
      pushTo(this.#byMonth, `${article.date.year}-${article.date.month}`, article);
      pushTo(this.#byYear, article.date.year, article);
      const hijri = hijriDate(article.date);
      this.#hijriOf.set(article, { year: hijri.year, month: hijri.month });
      pushTo(this.#byHijriMonth, `${hijri.year}-${hijri.month}`, article);
      for (const a of keys) {
        const row = this.#together.get(a) ?? new Map<string, number>();
        for (const b of keys) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
        this.#together.set(a, row);
      }
    });
    // Children lists inherit the alphabetical order of their kind's list.
    for (const list of this.#ofKind.values()) {
      for (const entry of list) {
        const parent = parentId(entry);
        if (parent !== undefined) pushTo(this.#children, `${kindIdOf(entry)}:${parent}`, entry);
      }
    }

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

  /** Every entry of a kind, in Arabic alphabetical order. */
  entries<K extends BuiltinKindId>(kind: K): readonly BuiltinEntries[K][];
  entries(kind: KindId): readonly Entity[];
  entries(kind: KindId): readonly Entity[] {
    return this.#ofKind.get(kind) ?? [];
  }

  /** Every entry of every kind, kind by kind. */
  allEntries(): Entity[] {
    return [...this.#ofKind.values()].flat();
  }

  /** Every picture the site shows: the articles' (lead photos and figures), then the entries' (their picture, their biography's figures). */
  pictures(): PublishedImage[] {
    return [...this.articles.flatMap((a) => a.pictures), ...this.allEntries().flatMap((e) => [...(e.image ? [e.image.image] : []), ...(e.figures ?? [])])];
  }

  /** The entry of a kind with this id. */
  entry<K extends BuiltinKindId>(kind: K, id: string): BuiltinEntries[K] | undefined;
  entry(kind: KindId, id: string): Entity | undefined;
  entry(kind: KindId, id: string): Entity | undefined {
    return this.#byKey.get(`${kind}:${id}`);
  }

  /** The entry with this key (`place:libya`). */
  entryByKey(key: string): Entity | undefined {
    return this.#byKey.get(key);
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

  /** The articles that name an entry, newest first. */
  articlesOf(entity: Entity): readonly Article[] {
    return this.#byEntry.get(entityKey(entity)) ?? [];
  }

  /** How many articles name an entry. */
  countOf(entity: Entity): number {
    return this.articlesOf(entity).length;
  }

  /** The entries most often named in the same articles as an entry, with how many articles, most first. */
  appearsWith(entity: Entity, limit = 10): { entity: Entity; count: number }[] {
    const row = this.#together.get(entityKey(entity));
    if (!row) return [];
    return [...row.entries()]
      .map(([key, count]) => ({ entity: this.#byKey.get(key)!, count }))
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

  /** The chain of entries containing an entry in its kind's hierarchy, nearest first (Ghadames → [Libya]). */
  ancestors<E extends Entity>(entity: E): E[] {
    const kind = kindIdOf(entity);
    return ancestorChain(entity, (id) => this.#byKey.get(`${kind}:${id}`));
  }

  /** The entries directly inside an entry, alphabetical. */
  children<E extends Entity>(entity: E): E[] {
    return (this.#children.get(entityKey(entity)) ?? []) as E[];
  }

  /** Every entry inside an entry at any depth (its children, theirs, …), each once. */
  descendants<E extends Entity>(entity: E): E[] {
    const found: E[] = [];
    const seen = new Set([entity.id]);
    const visit = (e: E) => {
      for (const child of this.children(e)) {
        if (seen.has(child.id)) continue; // a loop of “within” is reported elsewhere
        seen.add(child.id);
        found.push(child);
        visit(child);
      }
    };
    visit(entity);
    return found;
  }

  /** The entries of one kind an article is tagged with or names, tagged first. */
  entriesOf<K extends BuiltinKindId>(article: Article, kind: K): BuiltinEntries[K][];
  entriesOf(article: Article, kind: KindId): Entity[];
  entriesOf(article: Article, kind: KindId): Entity[] {
    return (article.entries[kind] ?? []).map((id) => this.#byKey.get(`${kind}:${id}`)).filter((e): e is Entity => e !== undefined);
  }

  /** Every entry an article is tagged with or names, kind by kind. */
  allEntriesOf(article: Article): Entity[] {
    return this.kinds.all.flatMap((kind) => this.entriesOf(article, kind.id));
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

  /** The Hijri years with articles, newest first, each with its months (oldest first) and count. */
  hijriYears(): { year: number; count: number; months: { month: number; count: number }[] }[] {
    const years = new Map<number, { year: number; count: number; months: { month: number; count: number }[] }>();
    for (const m of this.hijriMonths()) {
      const y = years.get(m.year) ?? { year: m.year, count: 0, months: [] };
      y.count += m.articles.length;
      y.months.unshift({ month: m.month, count: m.articles.length });
      years.set(m.year, y);
    }
    return [...years.values()];
  }

  /** The articles of a Hijri month, newest first. */
  articlesInHijriMonth(year: number, month: number): readonly Article[] {
    return this.#byHijriMonth.get(`${year}-${month}`) ?? [];
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
