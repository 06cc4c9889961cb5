import { describe, expect, it } from 'vitest';
import { Archive } from '../../../src/archive/archive.ts';
import { Kinds } from '../../../src/archive/kinds.ts';
import type { Article } from '../../../src/archive/model/article.ts';
import { searchShards } from '../../../src/archive/output/search-index.ts';

/** An archive with `counts[month]` articles in each month (`2021-03`), or in March of each year (`2021`). */
function archiveWith(counts: Record<string, number>): Archive {
  const articles: Article[] = [];
  for (const [when, n] of Object.entries(counts)) {
    const [year, month = '03'] = when.split('-');
    for (let i = 0; i < n; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const iso = `${year}-${month}-${day}`;
      articles.push({
        sourcePath: `articles/${year}/${month}/a${i}.md`,
        revision: `${when}-${i}`,
        searchRevision: `${when}-${i}`,
        title: `t${i}`,
        date: { source: iso, isoDate: iso, year: Number(year), month: Number(month), day: Number(day), hasTime: false, instant: Date.parse(`${iso}T12:00:00Z`) + i },
        updated: undefined,
        slug: `a${i}`,
        path: `/${year}/${month}/a${i}/`,
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
  it('make the newest shard of the latest months, group older months from the oldest, and hold every article once', () => {
    const archive = archiveWith({ '2001-01': 3, '2001-02': 4, '2001-05': 6, '2001-06': 2, '2002-01': 1 });
    const shards = searchShards(archive, { newest: 5, older: 6 });
    expect(shards.map((s) => s.id)).toEqual(['2001-05-2002-01', '2001-01-2001-02']);
    expect(shards.map((s) => s.articles.length)).toEqual([9, 7]);
    expect(new Set(shards.flatMap((s) => s.articles)).size).toBe(archive.articles.length);
  });

  it('change only the newest shard when an article is added to the latest month', () => {
    const sizes = { newest: 5, older: 6 };
    const before = searchShards(archiveWith({ '2001-01': 6, '2001-02': 6, '2001-03': 6, '2001-04': 6 }), sizes);
    const after = searchShards(archiveWith({ '2001-01': 6, '2001-02': 6, '2001-03': 6, '2001-04': 7 }), sizes);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after.filter((s, i) => s.fingerprint !== before[i]!.fingerprint).map((s) => s.id)).toEqual(['2001-04']);
  });

  it('keep the newest shard small in a large archive: a month of 400 articles, not a year of 4,800', () => {
    const months = Object.fromEntries(
      Array.from({ length: 10 * 12 }, (_, i) => [`${2011 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 400]),
    );
    const shards = searchShards(archiveWith(months));
    expect(shards[0]!.id).toBe('2020-12');
    expect(shards[0]!.articles).toHaveLength(400);
    // The older months in shards of 2,000 or a little more; every article in one of them.
    for (const shard of shards.slice(1)) expect(shard.articles.length).toBeGreaterThanOrEqual(2000);
    expect(shards.reduce((n, s) => n + s.articles.length, 0)).toBe(48_000);
  });

  it('keep the older shards when a new month begins', () => {
    const months = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`2001-${String(i + 1).padStart(2, '0')}`, 300]));
    const before = searchShards(archiveWith(months));
    expect(before.map((s) => s.id)).toEqual(['2001-10', '2001-01-2001-09']);
    const after = searchShards(archiveWith({ ...months, '2001-11': 1 }));
    expect(after.map((s) => s.id)).toEqual(['2001-10-2001-11', '2001-01-2001-09']);
    expect(after[1]!.fingerprint).toBe(before[1]!.fingerprint);
  });

  it('keep a small archive in one shard, so ranking uses the statistics of all of it', () => {
    expect(searchShards(archiveWith({ 2021: 1, 2022: 17, 2023: 18 })).map((s) => s.id)).toEqual(['2021-03-2023-03']);
  });
});
