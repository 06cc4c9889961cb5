/**
 * `npm run check [-- --json | --all] [files…]`: the editors' content checker. Reads the whole
 * archive (references need the registry), reports every problem as file:line:column with a rule
 * id and a fix, and exits 1 when there are errors. Give files or folders to report only on those.
 *
 * The terminal report is bounded (src/archive/report.ts): 20 problems of one rule per file, and
 * a rule firing in more than 10 files is shown in 5 and counted for the rest. `--all` prints
 * every problem, `--json` gives every problem to tools. Articles are parsed as the build parses
 * them, in worker threads with the per-article time budget.
 */
import path from 'node:path';
import { checkContent } from '../archive/check/check-content.ts';
import { readBuildConfig } from '../archive/config.ts';
import { sortDiagnostics } from '../archive/diagnostics.ts';
import { loadArchiveWith, registryCounts } from '../archive/load.ts';
import { parseInParallel } from '../archive/parallel-parse.ts';
import { formatBounded, groupForTerminal } from '../archive/report.ts';
import { commandLine, LANG_OPTION, messageLanguage } from './command-line.ts';

const USAGE = 'npm run check [-- --json | --all] [--lang ar|en] [files or folders…]';
const { values, positionals } = commandLine({
  usage: USAGE,
  about: {
    en: 'Checks the content folder as the build reads it, and reports every problem as file:line:column with its rule and a fix; exits 1 when there are errors. Given files or folders, reports only on those.',
    ar: 'يفحص مجلد المحتوى كما يقرؤه البناء، ويذكر كل مشكلة بموضعها ملف:سطر:عمود مع قاعدتها وطريقة إصلاحها؛ ويخرج بالرمز 1 إن وُجدت أخطاء. وإن أُعطي ملفات أو مجلدات فلا يذكر إلا ما فيها.',
  },
  options: {
    json: { type: 'boolean', description: { en: 'every problem as JSON, for tools', ar: 'كل المشكلات بصيغة JSON، للأدوات' } },
    all: { type: 'boolean', description: { en: 'every problem, none grouped', ar: 'كل المشكلات، بلا تجميع' } },
    lang: LANG_OPTION,
  },
  positionals: { min: 0, max: Infinity, name: { en: 'files', ar: 'الملفات' } },
});
const started = performance.now();
const cwd = process.cwd();
const config = readBuildConfig();
const language = messageLanguage(values.lang, config.settings.messages, USAGE);
const result = await loadArchiveWith(config, {}, (files, registry) => parseInParallel(files, config, registry));
const only = positionals.map((p) => path.resolve(cwd, p));
const problems = sortDiagnostics(checkContent(result)).filter(
  (d) => only.length === 0 || only.some((p) => d.file === p || d.file.startsWith(p + path.sep)),
);
const errors = problems.filter((d) => d.severity === 'error').length;

if (values.json) {
  process.stdout.write(JSON.stringify({ errors, warnings: problems.length - errors, problems: problems.map((d) => ({ ...d, file: path.relative(cwd, d.file) })) }, null, 2) + '\n');
} else {
  const lines = values.all ? problems.map((d) => formatBounded(d, cwd, language)) : groupForTerminal(problems, { relativeTo: cwd, language });
  process.stdout.write(lines.map((line) => line + '\n').join(''));
  const { stats } = result;
  const took = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    language === 'ar'
      ? `\nفُحص ${stats.articles} مقال، ${registryCounts(stats, config, ', ', 'ar')}، في ${took} ث: ${errors} خطأ و${problems.length - errors} تنبيه.`
      : `\nChecked ${stats.articles} article(s), ${registryCounts(stats, config)} in ${took} s: ${errors} error(s), ${problems.length - errors} warning(s).`,
  );
}
// Not process.exit(): it drops what a pipe has not yet taken of a long report.
process.exitCode = errors > 0 ? 1 : 0;
