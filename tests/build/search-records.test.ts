/**
 * Search records are well-formed whatever reaches them (issue 12, item 3): an article whose
 * title, summary, text and names carry a lone surrogate and C0 controls is indexed by the real
 * Pagefind, which would otherwise refuse the batch with a stack trace; what the index keeps is
 * the text without those characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { Archive } from '../../src/archive/archive.ts';
import { Kinds } from '../../src/archive/kinds.ts';
import type { Article } from '../../src/archive/model/article.ts';
import type { Person } from '../../src/archive/model/person.ts';
import { searchKey, searchShards, writeSearchShards } from '../../src/archive/output/search-index.ts';
import { tempDir } from '../helpers/content.ts';

const dirty = (s: string) => `${s}\uD800\u0000\u000B\u001B\uFFFE`;
const person = {
  entity: 'person',
  id: 'someone',
  name: dirty('شخص'),
  aliases: [],
  contextAliases: [],
  stopPhrases: [],
  html: '',
  latin: undefined,
  description: undefined,
  wikidata: undefined,
  sourcePath: 'people/someone.md',
} as unknown as Person;
const article = {
  sourcePath: 'articles/a.md',
  revision: 'r1',
  title: dirty('عنوان'),
  date: { source: '2021-04-19', isoDate: '2021-04-19', year: 2021, month: 4, day: 19, hasTime: false, instant: Date.UTC(2021, 3, 19) },
  updated: undefined,
  slug: 'a',
  path: '/2021/04/a/',
  summary: dirty('ملخص'),
  source: undefined,
  sourceUrl: undefined,
  author: undefined,
  entries: { person: ['someone'] },
  tagged: ['person:someone'],
  mentionCounts: {},
  html: '<p>نص</p>',
  searchText: dirty('نص'),
  searchRevision: 's1',
} as unknown as Article;

const out = tempDir('search');
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** The records Pagefind wrote: its fragments are gzipped JSON after a signature. */
function fragments(dir: string): { content: string; meta: Record<string, string>; filters: Record<string, string[]> }[] {
  const folder = path.join(dir, 'fragment');
  return fs.readdirSync(folder).map((f) => {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(folder, f))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{')));
  });
}

describe('search records', () => {
  it('are indexed by Pagefind without the characters XML forbids, lone surrogates included', async () => {
    const archive = new Archive({ articles: [article], entries: [person], kinds: new Kinds(), pageSize: 20 });
    const shards = searchShards(archive);
    await writeSearchShards(shards, out, { locale: 'ar', numberingSystem: 'latn' });
    // One month's shard, named after it.
    expect(shards[0]!.id).toMatch(/^2021-\d\d$/);
    const [record, ...others] = fragments(path.join(out, 'pagefind', shards[0]!.id));
    expect(others).toEqual([]);
    expect(record!.meta['title']).toBe('عنوان');
    expect(record!.meta['summary']).toBe('ملخص');
    expect(record!.content).toBe('نص');
    // Its filters are its year and its own key; the entries it names list that key (articles.json).
    expect(record!.filters).toEqual({ year: ['2021'], article: [searchKey(article)] });
  });
});
