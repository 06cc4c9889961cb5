/**
 * Stable pagination. A list's main page shows its newest items; the numbered pages hold only
 * full pages, counted from the oldest item. Page 1 is the oldest; when a newer item is added,
 * no numbered page changes (a new one appears once the newest items fill a page), so links to
 * `/…/page/3/` keep showing the same articles.
 */

/** One page of a list. */
export interface ListPage<T> {
  /** 0 for the main page, else the page number (1 = oldest). */
  number: number;
  /** The items, newest first. */
  items: T[];
  /** Number of the next older page, if any. */
  older: number | undefined;
  /** Number of the next newer page (0 = the main page), if any. */
  newer: number | undefined;
}

/** Splits a list (given newest first) into its main page and its numbered pages. */
export function paginate<T>(newestFirst: readonly T[], pageSize: number): { main: ListPage<T>; numbered: ListPage<T>[] } {
  const total = newestFirst.length;
  const oldestFirst = [...newestFirst].reverse();
  const fullPages = Math.floor(total / pageSize);
  const numbered: ListPage<T>[] = [];
  for (let n = 1; n <= fullPages; n++) {
    numbered.push({
      number: n,
      items: oldestFirst.slice((n - 1) * pageSize, n * pageSize).reverse(),
      older: n > 1 ? n - 1 : undefined,
      newer: n < fullPages ? n + 1 : 0,
    });
  }
  // The main page shows the newest `pageSize`; the older page to go to is the one holding the
  // newest item not shown here.
  const hidden = Math.max(0, total - pageSize);
  const main: ListPage<T> = {
    number: 0,
    items: newestFirst.slice(0, pageSize),
    older: hidden > 0 ? Math.ceil(hidden / pageSize) : undefined,
    newer: undefined,
  };
  return { main, numbered };
}
