import { describe, expect, it } from 'vitest';
import { pageNumbers } from '../../src/archive/views/lists.ts';

describe('the numbered pages a page links to', () => {
  it('are a window around the page, and page 1, newest first', () => {
    expect(pageNumbers(0, 10)).toEqual([10, 9, 8, 7, 1]);
    expect(pageNumbers(5, 10)).toEqual([7, 6, 5, 4, 3, 1]);
    expect(pageNumbers(1, 10)).toEqual([3, 2, 1]);
    expect(pageNumbers(0, 0)).toEqual([]);
  });

  it('stay the same on every numbered page but the newest two as the list grows', () => {
    for (let count = 1; count < 60; count++) {
      for (let n = 1; n <= count - 2; n++) expect(pageNumbers(n, count + 1)).toEqual(pageNumbers(n, count));
    }
  });
});
