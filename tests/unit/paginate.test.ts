import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/archive/paginate.ts';

/** Items 1..n, newest first (n is the newest). */
const items = (n: number) => Array.from({ length: n }, (_, i) => n - i);

describe('paginate', () => {
  it('shows the newest page on the main page and full numbered pages from the oldest', () => {
    const { main, numbered } = paginate(items(45), 20);
    expect(main.items).toEqual(items(45).slice(0, 20));
    expect(numbered.map((p) => p.number)).toEqual([1, 2]);
    expect(numbered[0]!.items).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(numbered[1]!.items[0]).toBe(40);
    expect(main.older).toBe(2); // item 25 is the newest not on the main page: on page 2
  });

  it('covers every item on the main page or a numbered page', () => {
    for (const n of [0, 1, 19, 20, 21, 39, 40, 41, 100]) {
      const { main, numbered } = paginate(items(n), 20);
      const seen = new Set([...main.items, ...numbered.flatMap((p) => p.items)]);
      expect(seen.size).toBe(n);
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
    const { main, numbered } = paginate(items(65), 20);
    expect(main).toMatchObject({ older: 3, newer: undefined });
    expect(numbered.map((p) => [p.older, p.newer])).toEqual([
      [undefined, 2],
      [1, 3],
      [2, 0],
    ]);
  });
});
