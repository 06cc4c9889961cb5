import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { Archive } from './archive.ts';
import type { BuildConfig } from './config.ts';
import { diagnostic, quote, type Diagnostic, type Position } from './diagnostics.ts';
import { createRenderer, renderMarkdown, type Renderer } from './markdown/pipeline.ts';
import { MentionIndex, entityKey } from './model/mention-index.ts';
import { ArticleFrontMatterSchema, type Article } from './model/article.ts';
import { PersonFrontMatterSchema, type Person } from './model/person.ts';
import { PlaceFrontMatterSchema, type Place } from './model/place.ts';
import { NameIndex, type Entity } from './model/registry.ts';
import type { MentionInput } from './markdown/remark-link-mentions.ts';
import { listMarkdownFiles, readContentFile, type ContentFile } from './read/content-files.ts';
import { parseYaml, positionOf, splitFrontMatter, validateFrontMatter, type ParsedYaml } from './read/front-matter.ts';
import { foldArabic } from './text/arabic.ts';
import { parseArticleDate } from './text/dates.ts';
import { ID_PATTERN, slugify, slugProblem } from './text/slug.ts';
import { kindOf } from './kinds.ts';
import { href, paths } from './urls.ts';
import { ParseCache } from './cache/parse-cache.ts';
import { digest } from './cache/digest.ts';
import { searchText } from './output/search-index.ts';

/** How a build reads: with a parse cache between builds, or (the default) from scratch. */
export interface LoadOptions {
  /** Folder of the parse cache; without it every article is parsed. */
  cacheDir?: string;
  /** A digest of the code doing the parsing: a new version never trusts an old cache. */
  codeVersion?: string;
}

/** The outcome of reading a content folder: the Archive (when there were no errors) and every problem. */
export interface LoadResult {
  archive: Archive | undefined;
  diagnostics: Diagnostic[];
  /** Counts for the build summary. */
  stats: { articles: number; drafts: number; people: number; places: number; parsed: number; reused: number };
  /** The Markdown source of every published article, for the content checker. */
  sources: ArticleSource[];
  /** Every valid registry entry, even when the build has errors. */
  registry: { people: Person[]; places: Place[] };
  /** The content folder read (absolute). */
  contentDir: string;
}

/** An article's body as written, with where it starts in its file. */
export interface ArticleSource {
  file: string;
  sourcePath: string;
  body: string;
  bodyLine: number;
  /** Front-matter fields the editor wrote (for metadata checks). */
  fields: string[];
}

/** A file read up to validated front matter. */
interface Parsed<T> {
  file: ContentFile;
  yaml: ParsedYaml;
  value: T;
  body: string;
  bodyLine: number;
}

/** Reads, splits and validates one file; problems go to `problems`. */
function readEntry<S extends z.ZodObject>(absolutePath: string, config: BuildConfig, schema: S, problems: Diagnostic[]): Parsed<z.output<S>> | undefined {
  const read = readContentFile(absolutePath, config.contentDir);
  problems.push(...read.problems);
  if (!read.file) return undefined;
  const split = splitFrontMatter(read.file.text, absolutePath);
  problems.push(...split.problems);
  if (!split.split) return undefined;
  const yaml = parseYaml(split.split, absolutePath);
  problems.push(...yaml.problems);
  if (!yaml.parsed) return undefined;
  const valid = validateFrontMatter(schema, yaml.parsed, absolutePath);
  problems.push(...valid.problems);
  if (!valid.value) return undefined;
  return { file: read.file, yaml: yaml.parsed, value: valid.value, body: split.split.body, bodyLine: split.split.bodyLine };
}

/** Renders a body and turns the pipeline's messages into located diagnostics. */
function render(entry: Parsed<unknown>, problems: Diagnostic[], renderer: Renderer = renderMarkdown, mentionInput?: MentionInput) {
  const rendered = renderer(entry.body, { path: entry.file.absolutePath, ...(mentionInput ? { mentionInput } : {}) });
  for (const m of rendered.messages) {
    problems.push(
      diagnostic(
        `${m.source}/${m.ruleId}` as 'markdown/unsafe-html' | 'markdown/too-deep' | 'markdown/too-large' | 'markdown/too-complex',
        entry.file.absolutePath,
        { line: (m.line ?? 1) + entry.bodyLine - 1, column: m.column ?? 1 },
        m.reason,
        m.note,
      ),
    );
  }
  return rendered;
}

/** The id of a registry file: its name without `.md`, checked against the id pattern. */
function registryId(absolutePath: string, folder: string, problems: Diagnostic[]): string | undefined {
  const id = path.basename(absolutePath).replace(/\.md$/i, '').normalize('NFC');
  if (ID_PATTERN.test(id)) return id;
  const suggestion = slugify(id).replace(/[^a-z0-9-]/g, '');
  problems.push(
    diagnostic(
      'file/name',
      absolutePath,
      { line: 1, column: 1 },
      `the file name ${quote(id)} is not a valid id: ids are lower-case ASCII letters, digits and hyphens, and they become the page's URL`,
      suggestion ? `rename it to ${folder}/${suggestion}.md (and keep the Arabic name in “name:”)` : `rename it to a Latin transcription, e.g. ${folder}/sabri-boukadoum.md`,
    ),
  );
  return undefined;
}

/** What reading one registry file gives: its problems, the entry, and where “within” was written. */
interface RegistryOutcome<E> {
  problems: Diagnostic[];
  entry?: E;
  withinAt?: Position;
  /** Where each alias and context alias was written, for the check across entries. */
  aliasesAt?: AliasesAt;
}

/** Where an entry's aliases and context aliases are written, by index. */
interface AliasesAt {
  aliases: Position[];
  contextAliases: Position[];
}

function aliasesAt(entry: Parsed<{ aliases: string[]; contextAliases: string[] }>): AliasesAt {
  return {
    aliases: entry.value.aliases.map((_, i) => positionOf(entry.yaml, ['aliases', i])),
    contextAliases: entry.value.contextAliases.map((_, i) => positionOf(entry.yaml, ['contextAliases', i])),
  };
}

/** Where a place's “within” was written, for the checks that need every place first. */
type WithinAt = Map<string, { file: string; at: Position }>;

function readPerson(file: string, config: BuildConfig): RegistryOutcome<Person> {
  const problems: Diagnostic[] = [];
  const id = registryId(file, 'people', problems);
  const entry = readEntry(file, config, PersonFrontMatterSchema, problems);
  if (!entry || !id) return { problems };
  return { problems, entry: { ...entry.value, entity: 'person', id, sourcePath: entry.file.relativePath, html: render(entry, problems).html }, aliasesAt: aliasesAt(entry) };
}

function readPlace(file: string, config: BuildConfig): RegistryOutcome<Place> {
  const problems: Diagnostic[] = [];
  const id = registryId(file, 'places', problems);
  const entry = readEntry(file, config, PlaceFrontMatterSchema, problems);
  if (!entry || !id) return { problems };
  const place: Place = { ...entry.value, entity: 'place', id, sourcePath: entry.file.relativePath, html: render(entry, problems).html };
  return { problems, entry: place, aliasesAt: aliasesAt(entry), ...(place.within !== undefined ? { withinAt: positionOf(entry.yaml, ['within']) } : {}) };
}

/** Reads a registry folder, through the cache when there is one. */
function readRegistry<E extends Person | Place>(
  folder: 'people' | 'places',
  readOne: (file: string, config: BuildConfig) => RegistryOutcome<E>,
  config: BuildConfig,
  problems: Diagnostic[],
  cache: ParseCache<RegistryOutcome<E>> | undefined,
): { entries: E[]; withinAt: WithinAt; aliases: AliasesByEntry } {
  const listed = listMarkdownFiles(config.contentDir, folder, false);
  problems.push(...listed.problems);
  const entries: E[] = [];
  const withinAt: WithinAt = new Map();
  const aliases: AliasesByEntry = new Map();
  for (const file of listed.files) {
    const outcome = cache ? cache.outcome(file, () => readOne(file, config)).outcome : readOne(file, config);
    problems.push(...outcome.problems);
    if (!outcome.entry) continue;
    entries.push(outcome.entry);
    if (outcome.withinAt) withinAt.set(outcome.entry.id, { file, at: outcome.withinAt });
    if (outcome.aliasesAt) aliases.set(entityKey(outcome.entry), { file, at: outcome.aliasesAt });
  }
  return { entries, withinAt, aliases };
}

/** Where each entry's aliases are written, by entry key (person:<id>, place:<id>). */
type AliasesByEntry = Map<string, { file: string; at: AliasesAt }>;

/**
 * Warns, at the alias, where an alias of one entry is the name of another: articles that write
 * it cannot be told apart (the text leaves it unlinked, a front-matter reference is ambiguous).
 * Two entries that share a name (two Tripolis) are not reported: that is what the ids are for.
 */
function checkAliases(entries: readonly Entity[], where: AliasesByEntry, problems: Diagnostic[]) {
  const byName = new Map<string, Entity[]>();
  for (const e of entries) {
    const key = foldArabic(e.name);
    byName.set(key, [...(byName.get(key) ?? []), e]);
  }
  for (const e of entries) {
    const at = where.get(entityKey(e));
    if (!at) continue;
    for (const field of ['aliases', 'contextAliases'] as const) {
      e[field].forEach((alias, i) => {
        const others = (byName.get(foldArabic(alias)) ?? []).filter((o) => o !== e);
        if (others.length === 0) return;
        problems.push(
          diagnostic(
            'registry/alias-clash',
            at.file,
            at.at[field][i] ?? { line: 1, column: 1 },
            `the alias ${quote(alias)} in “${field}” is the name of ${others.map((o) => `${o.sourcePath} (${o.latin ?? o.name})`).join(' and ')}: where an article writes it, the build cannot tell the two apart and leaves it unlinked`,
            `remove it from “${field}” here if it is the other entry’s name; if both really go by it, keep it and tag the one you mean in each article’s front matter`,
          ),
        );
      });
    }
  }
}

/** Checks every `within`: it names a place, and following it never comes back (no cycle). */
function checkWithin(index: NameIndex<Place>, withinAt: WithinAt, problems: Diagnostic[]) {
  for (const place of index.all()) {
    if (!place.within) continue;
    const { file, at } = withinAt.get(place.id)!;
    const target = index.get(place.within);
    if (!target) {
      const suggestions = index.suggest(place.within);
      problems.push(
        diagnostic(
          'registry/within-unknown',
          file,
          at,
          `“within” names ${quote(place.within)}, which is not the id of a place in content/places/`,
          suggestions.length ? `did you mean ${suggestions.map((s) => `${s.id} (${quote(s.form)})`).join(' or ')}?` : 'write the id (file name) of the containing place, or add that place',
        ),
      );
      continue;
    }
    const chain = [place.id];
    let current: Place | undefined = target;
    while (current) {
      if (chain.includes(current.id)) {
        problems.push(
          diagnostic(
            'registry/within-cycle',
            file,
            at,
            `“within” makes a loop: ${[...chain, current.id].join(' → ')}`,
            'a place cannot contain itself: fix “within” in one of these files',
          ),
        );
        break;
      }
      chain.push(current.id);
      current = current.within ? index.get(current.within) : undefined;
    }
  }
}

/** Resolves the `people`/`places` references of an article to ids, reporting unknown and ambiguous ones. */
function resolveReferences<E extends Entity>(
  field: 'people' | 'places',
  references: string[],
  index: NameIndex<E>,
  entry: Parsed<unknown>,
  problems: Diagnostic[],
): E[] {
  const found: E[] = [];
  references.forEach((reference, i) => {
    const at = positionOf(entry.yaml, [field, i]);
    const result = index.resolve(reference);
    if (result.kind === 'found') {
      if (!found.includes(result.entity)) found.push(result.entity);
    } else if (result.kind === 'ambiguous') {
      problems.push(
        diagnostic(
          'reference/ambiguous',
          entry.file.absolutePath,
          at,
          `${quote(reference)} in “${field}” is the name of ${result.entities.length} entries: ${result.entities.map((e) => `${e.id} (${e.latin ?? e.name})`).join(', ')}`,
          `write the id of the one you mean, e.g. ${result.entities[0]!.id}`,
        ),
      );
    } else {
      const folder = field === 'people' ? 'content/people' : 'content/places';
      problems.push(
        diagnostic(
          'reference/unknown',
          entry.file.absolutePath,
          at,
          `${quote(reference)} in “${field}” matches no id, name or alias in ${folder}/`,
          result.suggestions.length
            ? `did you mean ${result.suggestions.map((s) => `${quote(s.form)} (${s.id})`).join(' or ')}?`
            : `add ${folder}/<id>.md for it, or fix the spelling`,
        ),
      );
    }
  });
  return found;
}

/** The places containing a place, nearest first, stopping at a cycle (reported elsewhere). */
function ancestorsIn(index: NameIndex<Place>) {
  return (place: Place): Place[] => {
    const chain: Place[] = [];
    const seen = new Set([place.id]);
    for (let p = place.within ? index.get(place.within) : undefined; p && !seen.has(p.id); p = p.within ? index.get(p.within) : undefined) {
      chain.push(p);
      seen.add(p.id);
    }
    return chain;
  };
}

/** The renderer for articles: finds and links the registry's people and places. */
function articleRenderer(config: BuildConfig, people: NameIndex<Person>, places: NameIndex<Place>): Renderer {
  return createRenderer({
    index: new MentionIndex([...people.all(), ...places.all()], config.settings.stopPhrases),
    ancestors: ancestorsIn(places),
    hrefFor: (e) => href(config.base, paths.entity(e)),
    countDemonyms: config.settings.countDemonyms,
  });
}

/** Ids of tagged entries first (in the order written), then mentioned ones (in order of first mention). */
function union(tagged: readonly Entity[], mentioned: readonly Entity[]): string[] {
  const ids: string[] = [];
  for (const e of [...tagged, ...mentioned]) if (!ids.includes(e.id)) ids.push(e.id);
  return ids;
}

/**
 * What reading one article file gives: its problems, and the article unless it is a draft or
 * cannot be published. It depends only on the file's bytes, its path and the registry, which is
 * what lets the parse cache (src/archive/cache/parse-cache.ts) keep it between builds.
 */
export interface ArticleOutcome {
  problems: Diagnostic[];
  draft: boolean;
  article?: Article;
  /** Where a clash of URLs is reported: the slug line, or the top of the file. */
  slugAt?: { line: number; column: number };
  /** The body as written, for the content checker (left out when the outcome is cached). */
  source?: ArticleSource;
}

/** Reads, validates and renders one article file. */
function readArticle(file: string, config: BuildConfig, people: NameIndex<Person>, places: NameIndex<Place>, renderer: Renderer): ArticleOutcome {
  const problems: Diagnostic[] = [];
  const entry = readEntry(file, config, ArticleFrontMatterSchema, problems);
  if (!entry) return { problems, draft: false };
  const fm = entry.value;
  if (fm.draft) return { problems, draft: true };
  const where = entry.file.absolutePath;
  const date = parseArticleDate(fm.date, config.settings.timeZone, 'date');
  if (!date.ok) {
    problems.push(diagnostic('front-matter/date', where, positionOf(entry.yaml, ['date']), `“date” ${quote(fm.date)}: ${date.problem}`, date.hint ?? 'write the date as YYYY-MM-DD, e.g. date: 2021-04-19'));
  }
  const updated = fm.updated === undefined ? undefined : parseArticleDate(fm.updated, config.settings.timeZone, 'updated');
  if (updated && !updated.ok) {
    problems.push(diagnostic('front-matter/date', where, positionOf(entry.yaml, ['updated']), `“updated” ${quote(fm.updated)}: ${updated.problem}`, updated.hint ?? 'write the date as YYYY-MM-DD, e.g. updated: 2021-04-20'));
  }
  let slug: string;
  if (fm.slug !== undefined) {
    slug = fm.slug.normalize('NFC');
    const problem = slugProblem(slug);
    if (problem) {
      problems.push(diagnostic('article/slug', where, positionOf(entry.yaml, ['slug']), `“slug” ${quote(fm.slug)} cannot be used in a URL: ${problem}`, `write e.g. slug: ${slugify(fm.slug) || 'my-article'}`));
    }
  } else {
    // No slug written: derive one from the file name, so a file named with spaces still gets a clean URL.
    slug = slugify(path.basename(entry.file.relativePath).replace(/\.md$/i, ''));
    if (slugProblem(slug)) {
      problems.push(diagnostic('article/slug', where, { line: 1, column: 1 }, `the file name gives no usable URL segment (${quote(slug)})`, 'add a line “slug: …” with a-z, 0-9, Arabic letters and hyphens'));
    }
  }
  const taggedPeople = resolveReferences('people', fm.people, people, entry, problems);
  const taggedPlaces = resolveReferences('places', fm.places, places, entry, problems);
  const leading = [fm.title, ...(fm.summary ? [fm.summary] : [])];
  const rendered = render(entry, problems, renderer, { tagged: [...taggedPeople, ...taggedPlaces], leading });
  const mentions = rendered.mentions!;
  if (entry.body.trim() === '') {
    problems.push(diagnostic('article/empty-body', where, { line: entry.bodyLine - 1, column: 1 }, 'the article has no text after its front matter; it is published with a title only', 'add the text below the closing “---”, or mark it “draft: true”'));
  }
  for (const a of mentions.ambiguous) {
    problems.push(
      diagnostic(
        'mention/ambiguous',
        where,
        { line: a.line + entry.bodyLine - 1, column: a.column },
        `${quote(a.text)} could be ${a.candidates.map((c) => `${c.id} (${c.latin ?? c.name})`).join(' or ')}, and nothing else in the article tells which; it is left unlinked`,
        `add the one you mean to “${kindOf(a.candidates[0]!).field}:” in the front matter, e.g. ${a.candidates[0]!.id}`,
      ),
    );
  }
  const mentioned = mentions.found.map((f) => f.entity);
  if (!date.ok || (updated && !updated.ok)) return { problems, draft: false };
  const article: Article = {
    sourcePath: entry.file.relativePath,
    revision: '',
    title: fm.title,
    date: date.date,
    updated: updated?.ok ? updated.date : undefined,
    slug,
    path: paths.article(date.date.year, date.date.month, slug),
    summary: fm.summary ?? rendered.firstParagraph,
    source: fm.source,
    sourceUrl: fm.sourceUrl,
    author: fm.author,
    people: union(taggedPeople, mentioned.filter((e) => e.entity === 'person')),
    places: union(taggedPlaces, mentioned.filter((e) => e.entity === 'place')),
    tagged: [...taggedPeople, ...taggedPlaces].map(entityKey),
    mentionCounts: Object.fromEntries(mentions.found.map((f) => [entityKey(f.entity), f.count])),
    html: rendered.html,
    searchText: '',
  };
  article.searchText = searchText(article.title, article.summary, article.html);
  // The revision is a digest of what the article became, not of its file: pages showing it are
  // re-rendered when it changes, and only then (an alias that links nothing new changes none).
  article.revision = digest(JSON.stringify(article));
  return {
    problems,
    draft: false,
    article,
    slugAt: fm.slug !== undefined ? positionOf(entry.yaml, ['slug']) : { line: 1, column: 1 },
    source: { file: where, sourcePath: entry.file.relativePath, body: entry.body, bodyLine: entry.bodyLine, fields: Object.keys(entry.yaml.data) },
  };
}

/** The article files of a content folder, each with its cached outcome when there is one. */
interface ArticleFiles {
  files: { file: string; bytes: string | undefined; outcome: ArticleOutcome | undefined }[];
}

/** Lists the article files and looks each up in the parse cache. */
function listArticles(config: BuildConfig, problems: Diagnostic[], cache: ParseCache<ArticleOutcome> | undefined): ArticleFiles {
  const listed = listMarkdownFiles(config.contentDir, 'articles', true);
  problems.push(...listed.problems);
  return {
    files: listed.files.map((file) => {
      const found = cache?.lookup(file);
      return { file, bytes: found?.bytes, outcome: found?.outcome };
    }),
  };
}

/** A reader of article files for a registry (the renderer is built once, on first use). */
export function articleReader(config: BuildConfig, people: NameIndex<Person>, places: NameIndex<Place>): (file: string) => ArticleOutcome {
  let renderer: Renderer | undefined;
  return (file) => readArticle(file, config, people, places, (renderer ??= articleRenderer(config, people, places)));
}

/** Reads article files in this thread (the parallel reader does the same in workers). */
export function readArticleFiles(files: readonly string[], config: BuildConfig, people: NameIndex<Person>, places: NameIndex<Place>): ArticleOutcome[] {
  return files.map(articleReader(config, people, places));
}

/** Puts the outcomes together in file order: URL clashes, drafts, the published articles. */
function collectArticles(outcomes: readonly { file: string; outcome: ArticleOutcome }[], problems: Diagnostic[]) {
  const articles: Article[] = [];
  const sources: ArticleSource[] = [];
  let drafts = 0;
  const byPath = new Map<string, Article>();
  for (const { file, outcome } of outcomes) {
    problems.push(...outcome.problems);
    if (outcome.draft) drafts++;
    const article = outcome.article;
    if (!article) continue;
    const clash = byPath.get(article.path);
    if (clash) {
      problems.push(
        diagnostic(
          'article/duplicate-url',
          file,
          outcome.slugAt ?? { line: 1, column: 1 },
          `this article and ${clash.sourcePath} would both be published at ${article.path}`,
          'give one of them a different “slug:”',
        ),
      );
      continue;
    }
    byPath.set(article.path, article);
    if (outcome.source) sources.push(outcome.source);
    articles.push(article);
  }
  return { articles, drafts, sources };
}

/**
 * Reads a whole content folder into an Archive. Every problem of every file is collected;
 * the Archive is returned only when none of them is an error.
 */
export function loadArchive(config: BuildConfig, options: LoadOptions = {}): LoadResult {
  const stage = startLoad(config, options);
  return finishLoad(stage, readArticleFiles(stage.toParse, config, stage.peopleIndex, stage.placeIndex));
}

/**
 * The same, with the articles that need parsing parsed by `parse` (the build passes one that
 * spreads them over worker threads, src/archive/parallel-parse.ts).
 */
export async function loadArchiveWith(
  config: BuildConfig,
  options: LoadOptions,
  parse: (files: readonly string[], registry: { people: Person[]; places: Place[] }) => Promise<ArticleOutcome[]>,
): Promise<LoadResult> {
  const stage = startLoad(config, options);
  return finishLoad(stage, await parse(stage.toParse, { people: stage.people, places: stage.places }));
}

/** A load halfway: the registry read, the articles listed and looked up in the cache. */
interface LoadStage {
  config: BuildConfig;
  problems: Diagnostic[];
  people: Person[];
  places: Place[];
  peopleIndex: NameIndex<Person>;
  placeIndex: NameIndex<Place>;
  cache: ParseCache<ArticleOutcome> | undefined;
  listed: ArticleFiles;
  /** The article files the cache could not give back. */
  toParse: string[];
}

function startLoad(config: BuildConfig, options: LoadOptions): LoadStage {
  const problems: Diagnostic[] = [];
  if (!fs.existsSync(path.join(config.contentDir, 'articles'))) {
    problems.push(
      diagnostic('file/unreadable', config.contentDir, { line: 1, column: 1 }, 'there is no articles/ folder here: is this the content folder?', 'run the build from the project folder, or set ARCHIVE_CONTENT_DIR to the folder that holds articles/, people/ and places/'),
    );
  }
  // Registry files depend only on their own bytes (and the code and settings).
  const registryKey = digest(JSON.stringify([options.codeVersion ?? '', config.settings, config.base, config.contentDir]));
  const peopleCache = options.cacheDir ? ParseCache.open<RegistryOutcome<Person>>(path.join(options.cacheDir, 'people'), registryKey) : undefined;
  const placesCache = options.cacheDir ? ParseCache.open<RegistryOutcome<Place>>(path.join(options.cacheDir, 'places'), registryKey) : undefined;
  const { entries: people, aliases: peopleAliases } = readRegistry('people', readPerson, config, problems, peopleCache);
  const { entries: places, withinAt, aliases: placeAliases } = readRegistry('places', readPlace, config, problems, placesCache);
  peopleCache?.save();
  placesCache?.save();
  const peopleIndex = new NameIndex(people);
  const placeIndex = new NameIndex(places);
  checkWithin(placeIndex, withinAt, problems);
  checkAliases([...people, ...places], new Map([...peopleAliases, ...placeAliases]), problems);
  // Everything an article's outcome depends on besides its own bytes: the code, the registry,
  // the settings and where links point. Any change to these throws the whole parse cache away.
  const cache = options.cacheDir
    ? ParseCache.open<ArticleOutcome>(
        path.join(options.cacheDir, 'articles'),
        digest(JSON.stringify([options.codeVersion ?? '', people, places, config.settings, config.base, config.contentDir])),
        // The body is kept only for the content checker, which never reads through the cache.
        ({ source: _source, ...kept }) => kept,
      )
    : undefined;
  const listed = listArticles(config, problems, cache);
  const toParse = listed.files.filter((f) => !f.outcome).map((f) => f.file);
  return { config, problems, people, places, peopleIndex, placeIndex, cache, listed, toParse };
}

function finishLoad(stage: LoadStage, parsedOutcomes: readonly ArticleOutcome[]): LoadResult {
  const { config, problems, people, places, cache, listed } = stage;
  let next = 0;
  const outcomes = listed.files.map((f) => {
    if (f.outcome) return { file: f.file, outcome: f.outcome };
    const outcome = parsedOutcomes[next++]!;
    // Over the time budget or out of stack depends on the machine and the thread: not kept.
    if (!outcome.problems.some((p) => p.rule === 'markdown/too-complex')) cache?.store(f.file, f.bytes, outcome);
    return { file: f.file, outcome };
  });
  cache?.save();
  const { articles, drafts, sources } = collectArticles(outcomes, problems);
  const hasErrors = problems.some((p) => p.severity === 'error');
  return {
    archive: hasErrors ? undefined : new Archive({ articles, people, places, pageSize: config.settings.pageSize }),
    diagnostics: problems,
    stats: { articles: articles.length, drafts, people: people.length, places: places.length, parsed: stage.toParse.length, reused: cache?.hits ?? 0 },
    sources,
    registry: { people, places },
    contentDir: config.contentDir,
  };
}
