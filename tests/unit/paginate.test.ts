import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/archive/paginate.ts';

/** Items 1..n, newest first (n is the newest). */
const items = (n: number) => Array.from({ length: n }, (_, i) => n - i);

describe('paginate', () => {
  it('shows the items after the last full numbered page on the main page, and full numbered pages from the oldest', () => {
    const { main, numbered } = paginate(items(45), 20);
    // Items 21–45 are newer than page 1: all on the main page, which links to page 1 as older.
    expect(main.items).toEqual(items(45).slice(0, 25));
    expect(numbered.map((p) => p.number)).toEqual([1]);
    expect(numbered[0]!.items).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(main.older).toBe(1);
    expect(paginate(items(60), 20).main.items).toHaveLength(20);
    expect(paginate(items(59), 20).main.items).toHaveLength(39);
    expect(paginate(items(19), 20)).toMatchObject({ main: { older: undefined }, numbered: [] });
  });

  it('shows every item on exactly one page: the main page and the numbered ones never repeat an article', () => {
    for (const n of [0, 1, 19, 20, 21, 39, 40, 41, 100]) {
      const { main, numbered } = paginate(items(n), 20);
      const shown = [...main.items, ...numbered.flatMap((p) => p.items)];
      expect(shown).toHaveLength(n);
      expect(new Set(shown).size).toBe(n);
      // Following "older" from the main page walks the list newest first with nothing twice.
      const walked = [...main.items];
      for (let page = main.older; page !== undefined; page = numbered[page - 1]!.older) walked.push(...numbered[page - 1]!.items);
      expect(walked).toEqual(items(n));
    }
  });

  it('keeps every existing numbered page unchanged when a newer item is added', () => {
    for (let n = 1; n < 70; n++) {
      const before = paginate(items(n), 20).numbered;
      const after = paginate(items(n + 1), 20).numbered;
      before.forEach((page, i) => expect(after[i]!.items).toEqual(page.items));
    }
  });

  it('links pages in both directions', () => {
    const { main, numbered } = paginate(items(85), 20);
    expect(main).toMatchObject({ older: 3, newer: undefined });
    expect(numbered.map((p) => [p.older, p.newer])).toEqual([
      [undefined, 2],
      [1, 3],
      [2, 0],
    ]);
  });
});
