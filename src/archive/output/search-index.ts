/**
 * Search: Pagefind records built from the Archive rather than by re-reading the HTML, one
 * index ("shard") per run of months under `pagefind/<months>/`. Pagefind has no incremental
 * mode, so shards are what make rebuilds cheap: adding an article re-indexes its shard only.
 * The search page loads the newest shard and merges the others (`mergeIndex`).
 *
 * A record's text is the article's words as search keys (src/archive/text/search-query.ts);
 * the search page turns the reader's query into keys the same way.
 *
 * A record holds only what its article holds: its words, title, date and summary, and two
 * filters, its year and its own key (`searchKey`). Which entries an article names is not in
 * the index: an alias added to the registry can link hundreds of articles to an entry, and
 * with the entry in their records every shard would be re-indexed. Each entry publishes the
 * keys of its articles instead (`/<kind>/<id>/articles.json`, see src/archive/views/pages.ts),
 * and the search page filters by an entry with `{ article: { any: keys } }`.
 *
 * The entries have an index of their own (`pagefind/entries/`, loaded as a second Pagefind
 * instance): one record per entry, its names as search keys and its Latin name as the keys
 * its other spellings share (src/archive/text/latin-key.ts). The search page looks a query up
 * there first: a matching entry is shown above the articles, and a Latin name (Boukadoum,
 * Dbeibeh) finds the articles that name the entry through the entry's list.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Archive } from '../archive.ts';
import { digest } from '../cache/digest.ts';
import { kindIdOf, type KindDescription } from '../kinds.ts';
import type { Article } from '../model/article.ts';
import type { Entity } from '../model/registry.ts';
import { excerpt } from '../text/excerpt.ts';
import { formatGregorian, type DateStyle } from '../text/dates.ts';
import { hasLatin, latinKeys } from '../text/latin-key.ts';
import { searchTerms } from '../text/search-query.ts';
import { href, paths } from '../urls.ts';
import type { IndexerReply, IndexerRequest } from './search-indexer.ts';
import { SEARCH_FOLDER } from './layout.ts';
import { xmlChars } from './xml.ts';

/** Where the shards live in the output folder (src/archive/output/layout.ts names it). */
export { SEARCH_FOLDER };

/** One shard: a run of consecutive months (or the entries), and a fingerprint of all its records hold. */
export interface SearchShard {
  /** `2019-03` or `2019-03-2021-11`: the months it covers; `entries` for the entries' index. */
  id: string;
  articles: readonly Article[];
  /** The entries' records (the entries' shard only), made when the shards are planned: their fingerprint needs them. */
  entries: readonly { record: EntryRecord; source: string }[];
  fingerprint: string;
}

/** The id of the entries' index (no year is spelled so). */
export const ENTRY_SHARD = 'entries';

/**
 * How big shards are. Pagefind ranks with each index's own term statistics, and the search
 * page fetches every shard's index files, so shards should be few and not tiny; but a shard is
 * re-indexed whole when one of its articles changes, and new articles go to the newest. So the
 * newest shard is the latest month (with the months before it until it holds `newest`
 * articles: about the last 250 to 600 of a busy archive), and the older months are grouped from
 * the oldest into shards of at least `older` articles. Months, not years: at 100,000 articles a
 * year holds 4,000 or more, and re-indexing them for each new article cost most of a rebuild.
 */
export const SHARD_SIZES = { newest: 250, older: 2000 };

/**
 * The shards of an Archive, newest first. Adding to the latest month changes only the newest
 * shard; the older ones change when a month leaves the newest shard (it joins the last of
 * them) or when an old article is added or edited.
 */
export function searchShards(archive: Archive, sizes = SHARD_SIZES): SearchShard[] {
  const entries = archive.allEntries().map((entry) => ({ record: entryRecord(entry, archive.kinds.get(kindIdOf(entry))!), source: entry.sourcePath }));
  const entryShard: SearchShard[] = entries.length > 0 ? [{ id: ENTRY_SHARD, articles: [], entries, fingerprint: digest(JSON.stringify(entries)) }] : [];
  return [...articleShards(archive, sizes), ...entryShard];
}

/** The ids of the articles' shards, newest first: what the search page loads (it makes no entry record). */
export function articleShardIds(archive: Archive): string[] {
  return articleShards(archive, SHARD_SIZES).map((s) => s.id);
}

/** The shards of the articles, newest first. */
function articleShards(archive: Archive, sizes: typeof SHARD_SIZES): SearchShard[] {
  // Every month with articles, oldest first.
  const months = [...archive.years].reverse().flatMap((y) => y.months);
  let start = months.length;
  for (let count = 0; start > 0 && count < sizes.newest; ) count += months[--start]!.count;
  const groups: (typeof months)[] = [];
  let current: typeof months = [];
  let count = 0;
  for (const m of months.slice(0, start)) {
    current.push(m);
    count += m.count;
    if (count >= sizes.older) {
      groups.push(current);
      current = [];
      count = 0;
    }
  }
  // A small last group of older months joins the one before it.
  if (current.length > 0) {
    if (groups.length > 0) groups[groups.length - 1]!.push(...current);
    else groups.push(current);
  }
  if (start < months.length) groups.push(months.slice(start));
  return groups.reverse().map((group) => {
    const articles = [...group].reverse().flatMap((m) => archive.articlesInMonth(m.year, m.month));
    // A record is a function of its article's `searchRevision` (and of the date style, which
    // the build's code version covers): links that change leave the shard as it is.
    const fingerprint = digest(JSON.stringify(articles.map((a) => a.searchRevision)));
    const name = (m: (typeof months)[number]) => `${m.year}-${String(m.month).padStart(2, '0')}`;
    const id = group.length === 1 ? name(group[0]!) : `${name(group[0]!)}-${name(group.at(-1)!)}`;
    return { id, articles, entries: [], fingerprint };
  });
}

/** What the search index holds for an article: its words as search keys (computed once, when it is parsed). */
export function searchText(title: string, summary: string, html: string): string {
  return searchTerms(`${title}\n${summary}\n${htmlToText(html)}`);
}

/** What an article's search record is made of (its digest is the article's `searchRevision`). */
export function searchRecordInputs(article: Pick<Article, 'path' | 'title' | 'date' | 'summary' | 'searchText' | 'html'>): unknown {
  return [article.path, article.title, article.date, article.summary, article.searchText, readableText(article.html)];
}

/** The body as a reader reads it, one space between words: what search results quote around the words found. */
export function readableText(html: string): string {
  return htmlToText(html).replace(/\s+/g, ' ').trim();
}

/**
 * An article's key in the search index: a filter value of its record, listed by each entry it
 * names. A digest of its path, so it is stable while its URL is, and short (60 bits: no two
 * of a million articles share one, as near as matters), so an entry's list stays small.
 */
export function searchKey(article: Pick<Article, 'path'>): string {
  return digest(article.path).slice(0, 10);
}

/** The plain text of rendered HTML, for the search index. */
function htmlToText(html: string): string {
  return html
    // Inline elements (a mention's link, emphasis) go without a trace: «المنفي</a>،» is «المنفي،»,
    // not «المنفي ،». Block elements end a word.
    .replace(/<\/?(?:a|span|strong|em|b|i|bdi|mark|abbr|sub|sup|code|small|q|cite)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * One article as a Pagefind record. Every string is well-formed UTF-16 without control
 * characters (what XML forbids is left out): a lone surrogate would make Pagefind's service
 * fail on the whole batch, whatever the reader let through.
 */
export function searchRecord(article: Article, style: DateStyle) {
  const text = xmlChars;
  return {
    url: href('/', article.path),
    content: text(article.searchText),
    language: 'ar',
    meta: {
      title: text(article.title),
      date: formatGregorian(article.date, style, false),
      // Cleaned before shortening (a control is not a space) and after (a cut may split a pair).
      summary: text(excerpt(text(article.summary), 220)),
      // The readable text: the search page quotes it around the words found (the content is keys).
      text: text(readableText(article.html)),
    },
    // Newest first when the reader sorts by date.
    sort: { date: `${article.date.year}-${String(article.date.month).padStart(2, '0')}-${String(article.date.day).padStart(2, '0')}` },
    // The year, and the article's own key: an entry's filter is the list of its articles' keys.
    filters: {
      year: [String(article.date.year)],
      article: [searchKey(article)],
    },
  };
}

/** An entry as a record of the entries' index. */
export interface EntryRecord {
  url: string;
  content: string;
  language: 'ar';
  meta: { title: string; kind: string; latin: string; lists: string; names: string; latinNames: string };
  filters: { kind: string[]; entry: string[] };
}

/**
 * One entry as a record of the entries' index: its Arabic names as search keys, its Latin
 * names as the keys their other spellings share. The meta says which names it has, as keys
 * (`names`: one name's keys per line), so the search page can tell a query that is the
 * entry's whole name from one that only shares a word with it.
 */
export function entryRecord(entry: Entity, kind: KindDescription): EntryRecord {
  const text = xmlChars;
  const forms = [entry.name, ...entry.aliases, ...entry.contextAliases, ...(entry.latin ? [entry.latin] : [])];
  const arabic = [...new Set(forms.filter((f) => !hasLatin(f)).map((f) => searchTerms(f)).filter(Boolean))];
  const latin = [...new Set(forms.filter(hasLatin).map((f) => latinKeys(f).join(' ')).filter(Boolean))];
  return {
    url: href('/', paths.entity(entry)),
    // The id's words too: an entry whose names give no search key (a name of symbols) still has a record.
    content: text([...arabic, ...latin, entry.id.replace(/-/g, ' ')].join('\n')),
    language: 'ar',
    meta: {
      title: text(entry.name),
      kind: text(kind.labels.singular),
      latin: text(entry.latin ?? ''),
      lists: href('/', paths.entityArticles(entry)),
      names: text(arabic.join('\n')),
      latinNames: text(latin.join('\n')),
    },
    filters: { kind: [kind.id], entry: [`${kind.id}/${entry.id}`] },
  };
}

/**
 * Pagefind's indexer, in a process of its own (src/archive/output/search-indexer.ts): requests
 * go one at a time, and its failure, even a panic of Pagefind's service, rejects them with
 * Pagefind's own words instead of leaving the build waiting.
 */
/** Indexer processes still running, so a build that is interrupted can stop them. */
const running = new Set<ChildProcess>();

/** Stops every indexer still running (a build interrupted by a signal). */
export function stopSearchIndexers(): void {
  for (const child of running) child.kill('SIGKILL');
}

class Indexer {
  private readonly child: ChildProcess;
  private pending: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  private stderr = '';

  constructor() {
    // (A path, not `new URL(…, import.meta.url)`, which Vite would copy into the site's assets.)
    this.child = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'search-indexer.ts'), [], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
      // Pagefind's service panicked (a Rust panic): it will never answer.
      if (/panicked at/.test(this.stderr)) this.fail(new Error(`Pagefind stopped: ${panicReason(this.stderr)}`));
    });
    this.child.on('message', (reply: IndexerReply) => {
      const pending = this.pending;
      this.pending = undefined;
      if (reply.ok) pending?.resolve();
      else pending?.reject(new Error(reply.error));
    });
    running.add(this.child);
    this.child.on('exit', (code, signal) => {
      running.delete(this.child);
      if (this.pending) this.fail(new Error(`Pagefind's indexer stopped (${signal ?? `exit code ${code}`})${this.stderr.trim() ? `: ${panicReason(this.stderr)}` : ''}`));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.child.kill('SIGKILL');
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(this.failure);
  }

  /** Sends one request and waits for its answer. */
  send(request: IndexerRequest): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(request);
    });
  }

  /** Stops the indexer (after `close`, or after a failure). */
  stop(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** The line of a Pagefind panic that says what went wrong (`No space left on device`). */
function panicReason(stderr: string): string {
  const message = /message: "([^"]+)"/.exec(stderr)?.[1];
  return message ?? stderr.trim().split('\n').find((line) => line.trim() !== '')?.trim() ?? 'no message';
}

/** Writes the given shards into `outDir/pagefind/<id>/`. */
export async function writeSearchShards(shards: readonly SearchShard[], outDir: string, style: DateStyle): Promise<void> {
  if (shards.length === 0) return;
  const indexer = new Indexer();
  try {
    for (const shard of shards) {
      await indexer.send({ type: 'start', id: shard.id, outputPath: path.join(outDir, SEARCH_FOLDER, shard.id) });
      // Records go to Pagefind's service in batches: one at a time, its round trips dominate.
      for (let i = 0; i < shard.articles.length; i += 200) {
        const batch = shard.articles.slice(i, i + 200);
        await indexer.send({ type: 'records', records: batch.map((article) => searchRecord(article, style)), sources: batch.map((a) => a.sourcePath) });
      }
      for (let i = 0; i < shard.entries.length; i += 500) {
        const batch = shard.entries.slice(i, i + 500);
        await indexer.send({ type: 'records', records: batch.map((e) => e.record), sources: batch.map((e) => e.source) });
      }
      await indexer.send({ type: 'write' });
    }
    await indexer.send({ type: 'close' });
  } finally {
    indexer.stop();
  }
}
