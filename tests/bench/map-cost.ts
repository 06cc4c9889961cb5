/**
 * `node tests/bench/map-cost.ts <N>`: what the maps of issue 8 cost at benchmark scale. Loads
 * the benchmark's corpus of N articles (through the build's parse cache, so run it after
 * `npm run bench`), then draws every map the site has (one per article with places, one per
 * place page, the places index) with the site's own code, and adds the figures to RESULTS.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { codeVersion } from '../../src/archive/cache/code-version.ts';
import { readBuildConfig } from '../../src/archive/config.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { refOf } from '../../src/archive/model/registry.ts';
import { articleMap, placeMap, placesIndexMap } from '../../src/lib/maps.ts';
import { handOver } from '../../src/archive/build/handoff.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const n = Number(process.argv[2] ?? 10_000);
const work = path.join(ROOT, 'tests/.output/bench', String(n));
const config = readBuildConfig({ ARCHIVE_CONTENT_DIR: path.join(work, 'content'), ARCHIVE_OUT_DIR: path.join(work, 'dist') }, ROOT);
const version = codeVersion(ROOT, { site: config.site, base: config.base, contentDir: config.contentDir });
const loaded = loadArchive(config, { cacheDir: path.join(work, 'cache'), codeVersion: version });
if (!loaded.archive) throw new Error(`the corpus at ${config.contentDir} has errors; run npm run bench first`);
const archive = loaded.archive;
handOver({ archive, config });

const seconds = (ms: number) => (ms / 1000).toFixed(2);
let bytes = 0;
let maps = 0;
const count = (svg: string | undefined) => {
  if (svg === undefined) return;
  maps++;
  bytes += Buffer.byteLength(svg);
};
const started = performance.now();
for (const article of archive.articles) {
  count(articleMap(archive.entriesOf(article, 'place').map((p) => refOf(p)))?.svg);
}
const articlesDone = performance.now();
for (const place of archive.entries('place')) {
  const contained = archive.descendants(place).map((p) => refOf(p));
  count(placeMap(place, archive.ancestors(place).map((p) => refOf(p)), contained)?.svg);
}
const placesDone = performance.now();
const index = placesIndexMap(archive.entries('place').map((place) => ({ place: refOf(place), count: archive.countOf(place) })).filter((p) => p.count > 0));
const indexDone = performance.now();

const section = `## Maps (issue 8)

Every map of the N=${n.toLocaleString('en')} site drawn with the site's code (\`node tests/bench/map-cost.ts ${n}\`, one process, after the benchmark):

| maps | time |
| --- | ---: |
| ${archive.articles.length.toLocaleString('en')} article maps (first call loads the Natural Earth shapes) | ${seconds(articlesDone - started)} s |
| ${archive.entries('place').length} place maps | ${seconds(placesDone - articlesDone)} s |
| the places index (${index?.places.length ?? 0} markers, ${(Buffer.byteLength(index?.svg ?? "") / 1024).toFixed(1)} KB) | ${seconds(indexDone - placesDone)} s |
| **all ${maps + (index ? 1 : 0)} maps** | **${seconds(indexDone - started)} s** |

Average map ${(bytes / Math.max(1, maps) / 1024).toFixed(1)} KB. A cold build draws all of them (inside the cold figures above); a rebuild draws only the maps of the pages it renders.
`;
console.log(section);
const results = path.join(import.meta.dirname, 'RESULTS.md');
if (fs.existsSync(results)) {
  const text = fs.readFileSync(results, 'utf8').replace(/\n## Maps \(issue 8\)[\s\S]*?(?=\n## |$)/, '');
  fs.writeFileSync(results, `${text.trimEnd()}\n\n${section}`);
}
