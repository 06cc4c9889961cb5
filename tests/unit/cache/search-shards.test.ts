import { describe, expect, it } from 'vitest';
import { Archive } from '../../../src/archive/archive.ts';
import { Kinds } from '../../../src/archive/kinds.ts';
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
        entries: {},
        tagged: [],
        mentionCounts: {},
        html: '',
      } as unknown as Article);
    }
  }
  return new Archive({ articles, entries: [], kinds: new Kinds(), pageSize: 20 });
}

describe('search shards', () => {
  it('make the newest shard of the latest years, group older years from the oldest, and hold every article once', () => {
    const archive = archiveWith({ 2001: 3, 2002: 4, 2003: 6, 2004: 2, 2005: 1 });
    const shards = searchShards(archive, { newest: 5, older: 6 });
    expect(shards.map((s) => s.id)).toEqual(['2003-2005', '2001-2002']);
    expect(shards.map((s) => s.articles.length)).toEqual([9, 7]);
    expect(new Set(shards.flatMap((s) => s.articles)).size).toBe(archive.articles.length);
  });

  it('change only the newest shard when an article is added to the latest year', () => {
    const sizes = { newest: 5, older: 6 };
    const before = searchShards(archiveWith({ 2001: 6, 2002: 6, 2003: 6, 2004: 6 }), sizes);
    const after = searchShards(archiveWith({ 2001: 6, 2002: 6, 2003: 6, 2004: 7 }), sizes);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after.filter((s, i) => s.fingerprint !== before[i]!.fingerprint).map((s) => s.id)).toEqual(['2004']);
  });

  it('keep the older shards when a new year begins', () => {
    const years = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [2001 + i, 300]));
    const before = searchShards(archiveWith(years));
    expect(before.map((s) => s.id)).toEqual(['2010', '2001-2009']);
    const after = searchShards(archiveWith({ ...years, 2011: 1 }));
    expect(after.map((s) => s.id)).toEqual(['2010-2011', '2001-2009']);
    expect(after[1]!.fingerprint).toBe(before[1]!.fingerprint);
  });

  it('keep a small archive in one shard, so ranking uses the statistics of all of it', () => {
    expect(searchShards(archiveWith({ 2021: 1, 2022: 17, 2023: 18 })).map((s) => s.id)).toEqual(['2021-2023']);
  });
});
