/**
 * The media stage of a build: the pictures whose files the output does not hold yet are made
 * into them in the cache (src/archive/media/media-store.ts), with progress on a long run; a
 * picture that cannot be decoded becomes an error located at its file, naming the articles
 * that show it.
 */
import path from 'node:path';
import type { Archive } from '../archive.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { distinctPictures, ensureMedia, type MediaReport } from '../media/media-store.ts';
import { variantsOf } from '../media/published-image.ts';
import type { BuildPlan } from './plan.ts';

export async function makeMedia(archive: Archive, plan: BuildPlan, contentDir: string, cacheDir: string): Promise<{ problems: Diagnostic[]; report: MediaReport }> {
  const wanted = new Set(plan.newMedia);
  const all = distinctPictures(archive.pictures());
  // Most rebuilds add no file: nothing to look at then.
  const pictures = wanted.size === 0 ? [] : all.filter((p) => variantsOf(p).some((v) => wanted.has(v.file)));
  let shownAt = performance.now();
  const started = shownAt;
  const report = await ensureMedia(pictures, contentDir, cacheDir, (done, total) => {
    // Progress at most every ten seconds (a cold build of an archive with photos encodes for minutes).
    if (performance.now() - shownAt < 10_000 || done === total) return;
    shownAt = performance.now();
    const elapsed = (shownAt - started) / 1000;
    const left = (elapsed / done) * (total - done);
    console.log(`  pictures: ${done} of ${total} made into files (${elapsed.toFixed(0)} s, about ${left < 90 ? `${left.toFixed(0)} s` : `${(left / 60).toFixed(0)} min`} left)`);
  });
  report.pictures = all.length;
  const problems = report.problems.map(({ image, problem, fix, ar }) => {
    const shownBy = [
      ...archive.articles.filter((a) => a.pictures.some((p) => p.digest === image.digest)).map((a) => a.sourcePath),
      ...archive.allEntries().filter((e) => [e.image?.image, ...(e.figures ?? [])].some((p) => p?.digest === image.digest)).map((e) => e.sourcePath),
    ];
    return diagnostic('image/damaged', path.join(contentDir, ...image.source.split('/')), { line: 1, column: 1 }, `${problem}; it is shown by ${shownBy.join(', ')}`, fix, {
      message: `${ar.problem}؛ وتعرضها ${shownBy.join('، ')}`,
      hint: ar.fix,
    });
  });
  return { problems, report };
}
