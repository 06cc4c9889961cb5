/**
 * `npm run check [-- --json] [files…]`: the editors' content checker. Reads the whole archive
 * (references need the registry), reports every problem as file:line:column with a rule id and
 * a fix, and exits 1 when there are errors. Give files or folders to report only on those.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../archive/check/check-content.ts';
import { readBuildConfig } from '../archive/config.ts';
import { formatDiagnostic, sortDiagnostics } from '../archive/diagnostics.ts';
import { loadArchive } from '../archive/load.ts';

const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
const started = performance.now();
const cwd = process.cwd();
const result = loadArchive(readBuildConfig());
const only = positionals.map((p) => path.resolve(cwd, p));
const problems = sortDiagnostics(checkContent(result)).filter(
  (d) => only.length === 0 || only.some((p) => d.file === p || d.file.startsWith(p + path.sep)),
);
const errors = problems.filter((d) => d.severity === 'error').length;

if (values.json) {
  process.stdout.write(JSON.stringify({ errors, warnings: problems.length - errors, problems: problems.map((d) => ({ ...d, file: path.relative(cwd, d.file) })) }, null, 2) + '\n');
} else {
  for (const d of problems) console.log(formatDiagnostic(d, cwd));
  const { stats } = result;
  console.log(
    `\nChecked ${stats.articles} article(s), ${stats.people} people, ${stats.places} places in ${((performance.now() - started) / 1000).toFixed(1)} s: ${errors} error(s), ${problems.length - errors} warning(s).`,
  );
}
process.exit(errors > 0 ? 1 : 0);
