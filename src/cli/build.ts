/**
 * `npm run build`: the wiring of the build's stages, and its report. It reads content/,
 * reports every problem at once, renders the site with Astro into a staging folder, checks it,
 * and only then puts it in place. A failed build leaves the previous site exactly as it was.
 *
 * The stages live in the core and are tested in process: read (src/archive/load.ts, parsing
 * on every core), plan (src/archive/build/plan.ts: what the output holds, what changed),
 * render (render.ts: Astro behind an adapter), finish (finish.ts: headers, sitemap, search
 * shards), check (check.ts: the output check on the output-to-be) and publish
 * (publish-build.ts: the manifest, the journal, the move). This file adds what only a command
 * has: the environment, the guards and the lock on the output, progress, signals and the
 * one-screen summary.
 *
 * Rebuilds are incremental: the parse cache gives back unchanged articles without parsing
 * them, Astro renders only pages whose props changed, Pagefind re-indexes only the shards that
 * changed; when nothing at all changed, Astro does not run. Caches live in ARCHIVE_CACHE_DIR
 * (default .cache/archive/); ARCHIVE_FULL_BUILD=1 ignores the previous output.
 *
 * The build never touches what it must not: it refuses an output folder that is or holds the
 * content, the project or a home folder, or another program's files (src/archive/build/
 * output-guard.ts); it takes a lock on the output folder (one build at a time); and it
 * publishes through a journal that the next build finishes if this one is killed
 * (src/archive/build/publish.ts). Machine faults (a read-only folder, a full disk) end it with one
 * sentence and no stack trace (src/archive/build/faults.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion } from '../archive/cache/code-version.ts';
import { checkStaged } from '../archive/build/check.ts';
import { BuildStop, explainFault } from '../archive/build/faults.ts';
import { addSearchShards, finishPages } from '../archive/build/finish.ts';
import { handOver, type LoadedSite } from '../archive/build/handoff.ts';
import { makeMedia } from '../archive/build/media.ts';
import { linkMedia } from '../archive/media/media-store.ts';
import { cacheFolderProblem, outputFolderProblem, realFolder } from '../archive/build/output-guard.ts';
import { lockOutput } from '../archive/build/output-lock.ts';
import { planBuild, removedPages } from '../archive/build/plan.ts';
import { journalOf, publish } from '../archive/build/publish-build.ts';
import { journalFile, PUBLISH_FOLDER, stepsSoFar } from '../archive/build/publish.ts';
import { recoverOutput } from '../archive/build/recover.ts';
import { astroRenderer, astroWorkingFolder } from '../archive/build/render.ts';
import { readBuildConfig, type BuildConfig } from '../archive/config.ts';
import { sortDiagnostics, type MessageLanguage } from '../archive/diagnostics.ts';
import { groupForTerminal } from '../archive/report.ts';
import { loadArchiveWith, registryCounts } from '../archive/load.ts';
import { parseInParallel } from '../archive/parallel-parse.ts';
import { stopSearchIndexers, writeSearchShards } from '../archive/output/search-index.ts';
import { commandLine, LANG_OPTION, messageLanguage } from './command-line.ts';

const BUILD_USAGE = 'npm run build [-- --lang ar|en]';
const { values: buildOptions } = commandLine({
  usage: BUILD_USAGE,
  about: {
    en: [
      'Builds the site from the content folder into the output folder, reporting every problem at once; a failed build leaves the previous site as it was.',
      'Settings are environment variables: ARCHIVE_CONTENT_DIR (content), ARCHIVE_OUT_DIR (dist), ARCHIVE_BASE (/), ARCHIVE_SITE,',
      'ARCHIVE_CACHE_DIR (.cache/archive), ARCHIVE_SETTINGS (a module changing src/settings.ts), ARCHIVE_FULL_BUILD=1 (ignore the previous output); see the README.',
    ].join('\n'),
    ar: [
      'يبني الموقع من مجلد المحتوى في مجلد الموقع، ويذكر كل المشكلات مرة واحدة؛ والبناء الذي يفشل يترك الموقع السابق كما كان.',
      'الإعدادات متغيرات بيئة: ARCHIVE_CONTENT_DIR (content)، ARCHIVE_OUT_DIR (dist)، ARCHIVE_BASE (/)، ARCHIVE_SITE،',
      'ARCHIVE_CACHE_DIR (.cache/archive)، ARCHIVE_SETTINGS (وحدة تغيّر src/settings.ts)، ARCHIVE_FULL_BUILD=1 (تجاهل الموقع السابق)؛ انظر README.',
    ].join('\n'),
  },
  options: { lang: LANG_OPTION },
  positionals: { min: 0, max: 0 },
});

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const started = performance.now();
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
const cwd = process.cwd();
const shown = (p: string) => path.relative(cwd, p) || '.';
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
// Astro loads astro.config.mjs (and so the settings) from its own working folder: the folders
// named relative to where the build was started are made absolute first.
for (const name of ['ARCHIVE_CONTENT_DIR', 'ARCHIVE_SETTINGS']) {
  const value = process.env[name];
  if (value) process.env[name] = path.resolve(cwd, value);
}

/** The language of what the build prints: the settings' `messages`, or `--lang` (English until they are read). */
let language: MessageLanguage = buildOptions.lang === 'ar' ? 'ar' : 'en';
/** The words of a line in the build's language. */
const say = (en: string, ar: string) => (language === 'ar' ? ar : en);

/** Folders this build creates beside the output, removed whatever happens. */
const ownFolders: string[] = [];
/** Where the output is, once known (for messages). */
let outShown = say('the output folder', 'مجلد الموقع');
/** Set once the journal is written: from then on a failure is finished by the next build. */
let publishing = false;
/** The output folder (real path), once known. */
let publishedTo = '';

/** Reads the configuration, refusing a malformed variable in one sentence. */
function configuration(): BuildConfig {
  try {
    return readBuildConfig();
  } catch (error) {
    const message = (error as Error).message;
    throw new BuildStop({ en: message, ar: `لا يمكن قراءة الإعدادات: ${message}` });
  }
}

/** Checks that the output folder can be written before any work is done (a read-only mount). */
function checkWritable(outDir: string): void {
  if (!fs.existsSync(outDir)) return;
  const probe = path.join(outDir, `${PUBLISH_FOLDER}-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    throw Object.assign(error as Error, { path: outDir });
  }
}

/** The build; returns the exit code. */
async function main(): Promise<number> {
  const config = configuration();
  language = messageLanguage(buildOptions.lang, config.settings.messages, BUILD_USAGE);
  // Real paths: a symbolic link to the output folder is followed, so the site is written where
  // it points and the staging folders lie on the same file system.
  const outDir = realFolder(config.outDir);
  outShown = `${shown(config.outDir)}/`;
  publishedTo = outDir;
  // The default cache is the project's own, wherever the command is run from.
  const cacheDir = process.env['ARCHIVE_CACHE_DIR'] ? path.resolve(cwd, process.env['ARCHIVE_CACHE_DIR']) : path.join(projectRoot, '.cache/archive');
  const danger = outputFolderProblem(outDir, { contentDir: config.contentDir, cacheDir, projectRoot });
  if (danger) throw new BuildStop({ en: `Refusing to build: ${danger.en} Nothing was written or deleted.`, ar: `لن يُبنى الموقع: ${danger.ar} لم يُكتب شيء ولم يُحذف شيء.` });
  const cacheDanger = cacheFolderProblem(cacheDir, { contentDir: config.contentDir, outDir, projectRoot });
  if (cacheDanger) throw new BuildStop({ en: `Refusing to build: ${cacheDanger.en} Nothing was written or deleted.`, ar: `لن يُبنى الموقع: ${cacheDanger.ar} لم يُكتب شيء ولم يُحذف شيء.` });
  if (fs.existsSync(cacheDir) && !fs.statSync(cacheDir).isDirectory()) {
    throw new BuildStop({
      en: `ARCHIVE_CACHE_DIR (${shown(cacheDir)}) is a file, not a folder: remove the file, or set ARCHIVE_CACHE_DIR to a folder.`,
      ar: `ARCHIVE_CACHE_DIR (${shown(cacheDir)}) ملف لا مجلد: احذف الملف، أو اجعل ARCHIVE_CACHE_DIR مجلدا.`,
    });
  }
  try {
    fs.mkdirSync(path.dirname(outDir), { recursive: true });
  } catch (error) {
    const why = (language: MessageLanguage) => explainFault(error, cwd, path.dirname(outDir), language) ?? (error as Error).message;
    throw new BuildStop({ en: `Cannot create the folder that holds ${outShown}: ${why('en')}`, ar: `تعذّر إنشاء المجلد الذي يضم ${outShown}: ${why('ar')}` });
  }
  let lock: ReturnType<typeof lockOutput>;
  try {
    lock = lockOutput(outDir);
  } catch (error) {
    // The lock is the first file written beside the output: name the folder, not the file.
    throw Object.assign(error as Error, { path: path.dirname(outDir) });
  }
  if ('en' in lock) throw new BuildStop({ en: `Not building: ${lock.en}`, ar: `لن يُبنى الموقع: ${lock.ar}` });
  const recovered = recoverOutput(outDir, projectRoot);
  if (recovered) {
    console.log(
      say(
        `A build was killed while publishing into ${outShown}: finished its publication (${recovered} file(s) and folder(s) moved).`,
        `أُوقف بناء سابق وهو ينشر في ${outShown}: أُكمل نشره (نُقل ${recovered} من الملفات والمجلدات).`,
      ),
    );
  }
  checkWritable(outDir);

  // Everything besides the content that decides the output: code, dependencies, configuration.
  const version = codeVersion(projectRoot, { site: config.site, base: config.base, contentDir: config.contentDir });

  console.log(say(`Reading ${shown(config.contentDir)}/ …`, `قراءة ${shown(config.contentDir)}/ …`));
  const loadStarted = performance.now();
  let shownAt = 0;
  const result = await loadArchiveWith(config, { cacheDir, codeVersion: version }, (files, registry) =>
    parseInParallel(files, config, registry, (done, total) => {
      // Progress at most every two seconds (a cold build of a large archive parses for a while).
      if (performance.now() - shownAt < 2000 && done < total) return;
      shownAt = performance.now();
      console.log(say(`  parsed ${done} of ${total} article(s) (${seconds(loadStarted)})`, `  قُرئ ${done} من ${total} مقال (${seconds(loadStarted)})`));
    }),
  );
  const problems = sortDiagnostics(result.diagnostics);
  // Every problem located, but never a flood: the first of each rule, and how many more (src/archive/report.ts).
  if (problems.length > 0) console.error(groupForTerminal(problems, { relativeTo: cwd, language }).join('\n'));
  const errors = problems.filter((d) => d.severity === 'error').length;
  const warnings = problems.length - errors;
  const { stats } = result;
  console.log(
    say(
      `Read ${stats.articles} article(s) (${stats.drafts} draft(s) left out), ${registryCounts(stats, config)} in ${seconds(loadStarted)}` +
        ` (${stats.parsed} parsed, ${stats.reused} unchanged from the cache).`,
      `قُرئ ${stats.articles} مقال (وتُركت ${stats.drafts} مسودة)، ${registryCounts(stats, config, ', ', 'ar')}، في ${seconds(loadStarted)}` +
        ` (قُرئ ${stats.parsed} من جديد، وبقي ${stats.reused} كما في الذاكرة المؤقتة).`,
    ),
  );
  if (!result.archive) {
    console.error(say(`\nBuild stopped: ${errors} error(s), ${warnings} warning(s). ${outShown} was not touched.`, `\nتوقف البناء: ${errors} خطأ و${warnings} تنبيه. لم يُمسّ ${outShown}.`));
    return 1;
  }
  const archive = result.archive;

  // Hand the loaded Archive to the routes Astro bundles (src/archive/build/handoff.ts).
  const loaded: LoadedSite = { archive, config: { ...config, outDir } };
  handOver(loaded);

  // Plan: what the output folder holds, if it can be trusted, and whether anything changed at all.
  const fullBuild = !['', '0', 'false', 'no'].includes((process.env['ARCHIVE_FULL_BUILD'] ?? '').trim().toLowerCase());
  const plan = planBuild(archive, { cacheDir, outDir, version, fullBuild });
  if (plan.unchanged) {
    console.log(
      say(
        `
Nothing changed since the last build (${seconds(started)}).
  articles  ${stats.articles}   ${registryCounts(stats, config, '   ')}   drafts left out ${stats.drafts}
  warnings  ${warnings}
  output    ${outShown}  is up to date (served under ${config.base} at ${config.site})`,
        `
لا جديد منذ البناء السابق (${seconds(started)}).
  المقالات   ${stats.articles}   ${registryCounts(stats, config, '   ', 'ar')}   المسودات المتروكة ${stats.drafts}
  التنبيهات  ${warnings}
  الموقع     ${outShown}  محدَّث (يُقدَّم تحت ${config.base} على ${config.site})`,
      ),
    );
    return 0;
  }
  handOver(loaded, plan.render);
  const incremental = plan.previous !== undefined;

  // Media: the files made from pictures that the output does not hold yet, encoded into the
  // cache (those it holds already are reused); a picture that cannot be decoded stops the build.
  const media = await makeMedia(archive, plan, config.contentDir, cacheDir);
  if (media.problems.length > 0) {
    console.error(groupForTerminal(media.problems, { relativeTo: cwd, language }).join('\n'));
    console.error(say(`\nBuild stopped: ${media.problems.length} picture(s) cannot be published. ${outShown} was not touched.`, `\nتوقف البناء: ${media.problems.length} صورة لا يمكن نشرها. لم يُمسّ ${outShown}.`));
    return 1;
  }
  const staging = `${outDir}.building-${process.pid}`;
  const searchStaging = `${outDir}.search-${process.pid}`;
  ownFolders.push(staging, searchStaging);
  for (const folder of ownFolders) fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(staging);
  const astroWork = astroWorkingFolder(outDir, projectRoot);
  ownFolders.push(astroWork);

  // Render, with the search shards indexed by Pagefind's own process alongside (on two cores the
  // two overlap); the shards are moved into the staging folder afterwards.
  const style = { locale: config.settings.locale, numberingSystem: config.settings.numberingSystem };
  const searchStarted = performance.now();
  let searchSeconds = '';
  const searching = writeSearchShards(plan.changedShards, searchStaging, style).then(() => {
    searchSeconds = seconds(searchStarted);
  });
  searching.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
  const renderStarted = performance.now();
  console.log(
    say(
      `${incremental ? 'Rendering the pages that changed' : 'Rendering every page with Astro'} into ${shown(staging)}/, ` +
        `and indexing ${plan.changedShards.length} of ${plan.shards.length} search shard(s) alongside …`,
      `${incremental ? 'صنع الصفحات التي تغيّرت' : 'صنع كل الصفحات بـAstro'} في ${shown(staging)}/، ` +
        `وفهرسة ${plan.changedShards.length} من ${plan.shards.length} جزء من فهرس البحث معها …`,
    ),
  );
  try {
    // The project, wherever the command was started from.
    await astroRenderer(projectRoot, astroWork).render(staging);
  } catch (error) {
    await searching.catch(() => {});
    throw Object.assign(error as Error, { during: 'rendering' });
  }
  const renderSeconds = seconds(renderStarted);
  fs.rmSync(astroWork, { recursive: true, force: true });

  // Finish: headers, sitemap, the files made from pictures, search shards.
  const pages = await finishPages(staging, plan, config);
  linkMedia(plan.newMedia, cacheDir, staging);
  try {
    await searching;
  } catch (error) {
    throw Object.assign(error as Error, { during: 'indexing for search' });
  }
  addSearchShards(staging, searchStaging);

  // Check the output-to-be; then publish it.
  const checked = checkStaged(archive, plan, pages, { staging, outDir, cacheDir }, config, version);
  if (checked.length > 0) {
    console.error(checked.map((problem) => `${say('output check', 'فحص الموقع')}: ${problem}`).join('\n'));
    console.error(say(`\nBuild stopped: the output check found ${checked.length} problem(s). ${outShown} was not touched.`, `\nتوقف البناء: وجد فحص الموقع ${checked.length} مشكلة. لم يُمسّ ${outShown}.`));
    return 1;
  }
  const journal = journalOf(plan, { staging, outDir, cacheDir }, version);
  publishing = true;
  const published = publish(journal);
  publishing = false;
  lock.release();
  if (process.env['ARCHIVE_FAULT_KILL_AT_STEP']) console.log(`publishing took ${stepsSoFar()} step(s)`);

  console.log(
    say(
      `
Built the archive in ${seconds(started)} (${incremental ? 'incremental' : 'full build'}; rendering ${renderSeconds}, search index ${searchSeconds} alongside).
  articles  ${stats.articles}   ${registryCounts(stats, config, '   ')}   drafts left out ${stats.drafts}
  pages     ${pages.all.length} HTML pages, ${pages.written.length} written this build${incremental ? `, ${removedPages(plan).length} removed (${published} files and search shards moved in)` : ''} (output check passed: pages, feeds, sitemap, search index)
  search    ${plan.changedShards.length} of ${plan.shards.length} search shard(s) indexed
  pictures  ${media.report.pictures} shown, ${media.report.encoded} encoded this build (${media.report.files} files, ${media.report.seconds.toFixed(1)} s), ${plan.newMedia.length} files added to the output, ${plan.goneMedia.length} removed
  warnings  ${warnings}
  output    ${outShown}  (served under ${config.base} at ${config.site})
  cache     ${shown(cacheDir)}/
Browse it with: npm run preview`,
      `
بُني الأرشيف في ${seconds(started)} (${incremental ? 'بناء جزئي' : 'بناء كامل'}؛ صنع الصفحات ${renderSeconds}، وفهرس البحث ${searchSeconds} معه).
  المقالات   ${stats.articles}   ${registryCounts(stats, config, '   ', 'ar')}   المسودات المتروكة ${stats.drafts}
  الصفحات    ${pages.all.length} صفحة HTML، كُتب منها ${pages.written.length} في هذا البناء${incremental ? `، وحُذف ${removedPages(plan).length} (نُقل ${published} من الملفات وأجزاء البحث)` : ''} (نجح فحص الموقع: الصفحات والخلاصات وخريطة الموقع وفهرس البحث)
  البحث      فُهرس ${plan.changedShards.length} من ${plan.shards.length} جزء
  الصور      ${media.report.pictures} معروضة، رُمّز منها ${media.report.encoded} في هذا البناء (${media.report.files} ملف، ${media.report.seconds.toFixed(1)} s)، أُضيف ${plan.newMedia.length} ملف إلى الموقع وحُذف ${plan.goneMedia.length}
  التنبيهات  ${warnings}
  الموقع     ${outShown}  (يُقدَّم تحت ${config.base} على ${config.site})
  الذاكرة    ${shown(cacheDir)}/
لتصفّحه: npm run preview`,
    ),
  );
  return 0;
}

/** Waits until everything written to stdout and stderr has been handed to the system. */
async function drained(): Promise<void> {
  const flush = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => void stream.write('', () => resolve()));
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
}

// Ctrl-C or a supervisor's SIGTERM: this build's own folders go and the lock is released, so
// nothing is left behind. (Publishing runs synchronously, so a signal is handled only before it
// starts or after it ends, never in the middle.)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    stopSearchIndexers();
    for (const folder of ownFolders) fs.rmSync(folder, { recursive: true, force: true });
    console.error(say(`\nBuild interrupted (${signal}). ${outShown} was not changed.`, `\nقُطع البناء (${signal}). لم يتغيّر ${outShown}.`));
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  const stage = (error as { during?: 'rendering' | 'indexing for search' }).during;
  const during = stage ? say(` while ${stage}`, stage === 'rendering' ? ' أثناء صنع الصفحات' : ' أثناء فهرسة البحث') : '';
  const untouched = publishing ? '' : say(` ${outShown} was not changed.`, ` لم يتغيّر ${outShown}.`);
  if (error instanceof BuildStop) console.error(`\n${error.words[language]}`);
  else {
    const fault = explainFault(error, cwd, publishedTo || cwd, language);
    if (fault) console.error(`\n${say('Build failed', 'فشل البناء')}${during}: ${fault}${untouched}`);
    else {
      // Not a fault of the machine or the input: a bug, whose stack helps whoever fixes it.
      console.error(error);
      console.error(say(`\nBuild failed${during} (an unexpected error, shown above).${untouched}`, `\nفشل البناء${during} (خطأ غير متوقع، مبيَّن أعلاه).${untouched}`));
    }
  }
}
// Whatever happened, this build's own folders go, unless a publication had begun: its journal
// names the staging folder, and the next build finishes it.
if (publishing) {
  console.error(
    say(
      `The new site was being moved into ${outShown}: the next build finishes that (${path.basename(journalFile(publishedTo))} records it).`,
      `كان الموقع الجديد يُنقل إلى ${outShown}: البناء التالي يكمل ذلك (يسجّله ${path.basename(journalFile(publishedTo))}).`,
    ),
  );
} else {
  for (const folder of ownFolders) fs.rmSync(folder, { recursive: true, force: true });
}
await drained();
process.exit(exitCode);
