/**
 * The parse cache: what reading each article file gave last time (its problems and the
 * article), keyed by the file's path and the digest of its bytes. It is one file, written
 * with V8's serializer, because reading one 100 MB file is far faster than 10,000 small ones.
 *
 * The cache is trusted only when its key matches: the key is a digest of everything an
 * outcome depends on besides the file (code version, registry, settings, base path). Anything
 * else (another key, another format, a truncated or unreadable file) and it is thrown away.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { ArticleOutcome } from '../load.ts';
import { digest } from './digest.ts';

/** Bumped when the stored shape changes, on top of the code digest in the key. */
const FORMAT = 1;

interface Stored {
  format: number;
  key: string;
  entries: Map<string, { bytes: string; outcome: ArticleOutcome }>;
}

export class ParseCache {
  /** Outcomes found in the cache this build. */
  hits = 0;
  private readonly next = new Map<string, { bytes: string; outcome: ArticleOutcome }>();
  private changed = false;

  private readonly file: string;
  private readonly key: string;
  private readonly previous: Stored['entries'];

  private constructor(file: string, key: string, previous: Stored['entries']) {
    this.file = file;
    this.key = key;
    this.previous = previous;
  }

  /** Opens the cache at `file` for `key`; an absent, unreadable or foreign cache starts empty. */
  static open(file: string, key: string): ParseCache {
    let previous: Stored['entries'] = new Map();
    try {
      const stored = v8.deserialize(fs.readFileSync(file)) as Partial<Stored>;
      if (stored.format === FORMAT && stored.key === key && stored.entries instanceof Map) previous = stored.entries;
    } catch {
      // No cache yet, or one that cannot be read: start from scratch.
    }
    const cache = new ParseCache(file, key, previous);
    cache.changed = previous.size === 0;
    return cache;
  }

  /** The outcome of an article file: from the cache when its bytes are unchanged, else from `read`. */
  outcome(absolutePath: string, read: () => ArticleOutcome): { outcome: ArticleOutcome; hit: boolean } {
    let bytes: string;
    try {
      bytes = digest(fs.readFileSync(absolutePath));
    } catch {
      return { outcome: read(), hit: false }; // the reader reports why the file cannot be read
    }
    const known = this.previous.get(absolutePath);
    if (known && known.bytes === bytes) {
      this.next.set(absolutePath, known);
      this.hits++;
      return { outcome: known.outcome, hit: true };
    }
    const outcome = read();
    // The body is kept only for the content checker, which never reads through the cache.
    const { source: _source, ...kept } = outcome;
    this.next.set(absolutePath, { bytes, outcome: kept });
    this.changed = true;
    return { outcome, hit: false };
  }

  /** Writes the cache if anything changed (files read anew or gone), atomically. */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    const stored: Stored = { format: FORMAT, key: this.key, entries: this.next };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, v8.serialize(stored));
    fs.renameSync(temporary, this.file);
  }
}
