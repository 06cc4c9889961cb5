/**
 * The parse cache: what reading each content file gave last time (its problems and the
 * result), keyed by the file's path and the digest of its bytes. It is stored in a fixed
 * number of bucket files written with V8's serializer: reading a few large files is far faster
 * than 10,000 small ones, and a change rewrites only the bucket of the file that changed.
 *
 * A bucket is trusted only when its key matches: the key is a digest of everything an outcome
 * depends on besides the file (code version, registry, settings, base path). Anything else
 * (another key, another format, a truncated or unreadable file) and it is thrown away.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { digest } from './digest.ts';

/** Bumped when the stored shape changes, on top of the code digest in the key. */
const FORMAT = 2;
/** How many bucket files the entries are spread over. */
const BUCKETS = 32;

type Entries<T> = Map<string, { bytes: string; outcome: T }>;

interface Stored<T> {
  format: number;
  key: string;
  entries: Entries<T>;
}

function bucketOf(absolutePath: string): number {
  return createHash('sha1').update(absolutePath).digest()[0]! % BUCKETS;
}

export class ParseCache<T extends object> {
  /** Outcomes found in the cache this build. */
  hits = 0;
  private readonly prefix: string;
  private key: string;
  private readonly previous: Entries<T>[];
  private readonly next: Entries<T>[] = Array.from({ length: BUCKETS }, () => new Map());
  private readonly changed = new Set<number>();
  private readonly strip: (outcome: T) => T;

  private constructor(prefix: string, key: string, previous: Entries<T>[], strip: (outcome: T) => T) {
    this.prefix = prefix;
    this.key = key;
    this.previous = previous;
    this.strip = strip;
  }

  /**
   * Opens the cache stored as `<prefix>-NN.v8` for `key`; absent, unreadable or foreign buckets
   * start empty. `strip` removes what must not be stored from an outcome.
   */
  static open<T extends object>(prefix: string, key: string, strip: (outcome: T) => T = (o) => o): ParseCache<T> {
    const previous: Entries<T>[] = [];
    for (let i = 0; i < BUCKETS; i++) {
      let entries: Entries<T> = new Map();
      try {
        const stored = v8.deserialize(fs.readFileSync(`${prefix}-${i}.v8`)) as Partial<Stored<T>>;
        if (stored.format === FORMAT && stored.key === key && stored.entries instanceof Map) entries = stored.entries;
      } catch {
        // No cache yet, or one that cannot be read: start from scratch.
      }
      previous.push(entries);
    }
    return new ParseCache(prefix, key, previous, strip);
  }

  /** The outcome of a file: from the cache when its bytes are unchanged, else from `read`. */
  outcome(absolutePath: string, read: () => T): { outcome: T; hit: boolean } {
    const found = this.lookup(absolutePath);
    if (found.outcome) return { outcome: found.outcome, hit: true };
    const outcome = read();
    this.store(absolutePath, found.bytes, outcome);
    return { outcome, hit: false };
  }

  /**
   * The cached outcome of a file when its bytes are unchanged (it is then kept for the next
   * build), and the digest of its bytes to `store` a new outcome under otherwise.
   */
  lookup(absolutePath: string, keep: (outcome: T) => boolean = () => true): { bytes: string | undefined; outcome?: T } {
    const bucket = bucketOf(absolutePath);
    let bytes: string;
    try {
      bytes = digest(fs.readFileSync(absolutePath));
    } catch {
      return { bytes: undefined }; // the reader reports why the file cannot be read
    }
    const known = this.previous[bucket]!.get(absolutePath);
    if (known && known.bytes === bytes && keep(known.outcome)) {
      this.next[bucket]!.set(absolutePath, known);
      this.hits++;
      return { bytes, outcome: known.outcome };
    }
    return { bytes };
  }

  /** Keeps a newly read outcome (not stored when the file could not be read). */
  store(absolutePath: string, bytes: string | undefined, outcome: T): void {
    const bucket = bucketOf(absolutePath);
    this.changed.add(bucket);
    if (bytes !== undefined) this.next[bucket]!.set(absolutePath, { bytes, outcome: this.strip(outcome) });
  }

  /**
   * Stores everything under a new key from now on: every bucket is written at the next save, so
   * none is left under the old key (an outcome kept across a registry change is still valid
   * under the new registry, which is what the key says).
   */
  rekey(key: string): void {
    this.key = key;
    for (let i = 0; i < BUCKETS; i++) this.changed.add(i);
  }

  /** Writes the buckets that changed (files read anew or gone), each atomically. */
  save(): void {
    for (let i = 0; i < BUCKETS; i++) {
      if (!this.changed.has(i) && this.next[i]!.size === this.previous[i]!.size) continue;
      const file = `${this.prefix}-${i}.v8`;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, v8.serialize({ format: FORMAT, key: this.key, entries: this.next[i]! } satisfies Stored<T>));
      fs.renameSync(temporary, file);
    }
  }
}
