/**
 * The search indexer process: receives records over IPC and hands them to Pagefind's service.
 * It runs apart from the build because Pagefind's service, when it fails (a full disk while it
 * writes), panics on the inherited stderr and never answers the pending calls; here its output
 * is the build's to read, and its death is an exit the build sees (src/archive/output/search-index.ts).
 */
import type { CustomRecord, PagefindIndex } from 'pagefind';

/** What the build sends. */
export type IndexerRequest =
  | { type: 'start'; id: string; outputPath: string }
  | { type: 'records'; records: CustomRecord[]; sources: string[] }
  | { type: 'write' }
  | { type: 'close' };

/** What the indexer answers to each request. */
export type IndexerReply = { ok: true } | { ok: false; error: string };

const pagefind = await import('pagefind');
let index: PagefindIndex | undefined;
let outputPath = '';

async function handle(request: IndexerRequest): Promise<void> {
  switch (request.type) {
    case 'start': {
      const created = await pagefind.createIndex({ forceLanguage: 'ar' });
      if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
      index = created.index;
      outputPath = request.outputPath;
      return;
    }
    case 'records': {
      const added = await Promise.all(request.records.map((record) => index!.addCustomRecord(record)));
      added.forEach((r, i) => {
        if (r.errors.length > 0) throw new Error(`Pagefind refused ${request.sources[i]}: ${r.errors.join('; ')}`);
      });
      return;
    }
    case 'write': {
      const written = await index!.writeFiles({ outputPath });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
      await index!.deleteIndex();
      index = undefined;
      return;
    }
    case 'close':
      await pagefind.close();
  }
}

// One request at a time, in order; each is answered before the next is read.
let queue = Promise.resolve();
process.on('message', (request: IndexerRequest) => {
  queue = queue.then(
    () =>
      handle(request).then(
        () => {
          process.send!({ ok: true } satisfies IndexerReply);
          if (request.type === 'close') process.disconnect();
        },
        (error: unknown) => void process.send!({ ok: false, error: (error as Error).message ?? String(error) } satisfies IndexerReply),
      ),
  );
});
