/**
 * `node tests/bench/parse-time.ts <content-dir> [checkout]`: how long this code (or another
 * checkout's, for a comparison) takes to read and parse a content folder on one thread, warm:
 * the whole folder is read once, then timed on a second read. Not part of `npm test`.
 */
import path from 'node:path';

const [contentDir, checkout = path.resolve(import.meta.dirname, '../..')] = process.argv.slice(2);
if (!contentDir) {
  console.error('usage: node tests/bench/parse-time.ts <content-dir> [checkout]');
  process.exit(2);
}
const { readBuildConfig } = (await import(path.join(checkout, 'src/archive/config.ts'))) as typeof import('../../src/archive/config.ts');
const { loadArchive } = (await import(path.join(checkout, 'src/archive/load.ts'))) as typeof import('../../src/archive/load.ts');
const config = readBuildConfig({ ARCHIVE_CONTENT_DIR: path.resolve(contentDir) }, checkout);
loadArchive(config); // warm: JIT, file cache
const started = performance.now();
const result = loadArchive(config);
const ms = performance.now() - started;
console.log(`${checkout}: ${result.stats.articles} articles in ${(ms / 1000).toFixed(2)} s, ${(ms / Math.max(1, result.stats.articles)).toFixed(2)} ms per article (one thread)`);
