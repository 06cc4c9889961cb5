import { describe, expect, it } from 'vitest';
import { Archive } from '../../../src/archive/archive.ts';
import type { Article } from '../../../src/archive/model/article.ts';
import { searchShards } from '../../../src/archive/output/search-index.ts';

/** An archive with `counts[year]` articles in each year. */
function archiveWith(counts: Record<number, number>): Archive {
  const articles: Article[] = [];
  for (const [year, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const iso = `${year}-03-${day}`;
      articles.push({
        sourcePath: `articles/${year}/a${i}.md`,
        revision: `${year}-${i}`,
        title: `t${i}`,
        date: { source: iso, isoDate: iso, year: Number(year), month: 3, day: Number(day), hasTime: false, instant: Date.parse(`${iso}T12:00:00Z`) + i },
        updated: undefined,
        slug: `a${i}`,
        path: `/${year}/03/a${i}/`,
        summary: '',
        source: undefined,
        sourceUrl: undefined,
        author: undefined,
        people: [],
        places: [],
        tagged: [],
        mentionCounts: {},
        html: '',
      } as unknown as Article);
    }
  }
  return new Archive({ articles, people: [], places: [], pageSize: 20 });
}

describe('search shards', () => {
  it('group small years from the oldest, join a small newest group to the one before, and hold every article once', () => {
    const archive = archiveWith({ 2001: 3, 2002: 4, 2003: 6, 2004: 2, 2005: 1 });
    const shards = searchShards(archive, 5);
    expect(shards.map((s) => s.id)).toEqual(['2003-2005', '2001-2002']);
    expect(shards.map((s) => s.articles.length)).toEqual([9, 7]);
    expect(new Set(shards.flatMap((s) => s.articles)).size).toBe(archive.articles.length);
  });

  it('change only the newest shard when an article is added to the latest year', () => {
    const before = searchShards(archiveWith({ 2001: 6, 2002: 6, 2003: 6 }), 5);
    const after = searchShards(archiveWith({ 2001: 6, 2002: 6, 2003: 7 }), 5);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after.filter((s, i) => s.fingerprint !== before[i]!.fingerprint).map((s) => s.id)).toEqual(['2003']);
  });

  it('keep a small archive in one shard, so ranking uses the statistics of all of it', () => {
    expect(searchShards(archiveWith({ 2021: 1, 2022: 17, 2023: 18 })).map((s) => s.id)).toEqual(['2021-2023']);
  });
});
