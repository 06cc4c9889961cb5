/**
 * Stable pagination. The numbered pages hold only full pages, counted from the oldest item,
 * and the main page holds everything newer than the last of them: from one to two pages'
 * worth (20 to 39 items at 20 a page). Page 1 is the oldest; when a newer item is added, no
 * numbered page changes (a new one appears once the main page would hold two full pages), so
 * links to `/…/page/3/` keep showing the same articles, and no item is on two pages: going
 * from the main page to older pages never shows an article again.
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
  // The newest full page stays on the main page, with the items after it.
  const fullPages = Math.max(0, Math.floor(total / pageSize) - 1);
  const numbered: ListPage<T>[] = [];
  for (let n = 1; n <= fullPages; n++) {
    numbered.push({
      number: n,
      items: oldestFirst.slice((n - 1) * pageSize, n * pageSize).reverse(),
      older: n > 1 ? n - 1 : undefined,
      newer: n < fullPages ? n + 1 : 0,
    });
  }
  const main: ListPage<T> = {
    number: 0,
    items: newestFirst.slice(0, total - fullPages * pageSize),
    older: fullPages > 0 ? fullPages : undefined,
    newer: undefined,
  };
  return { main, numbered };
}
