import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { Archive } from './archive.ts';
import { kindsOf, type BuildConfig } from './config.ts';
import { diagnostic, quote, type Diagnostic, type MessageLanguage, type Position } from './diagnostics.ts';
import { PLACEHOLDER_TEXT } from './authoring.ts';
import { createRenderer, renderMarkdown, type Renderer } from './markdown/pipeline.ts';
import { MentionIndex, entityKey } from './model/mention-index.ts';
import { articleFrontMatterSchema, LeadImageSchema, type Article } from './model/article.ts';
import { OrganisationFrontMatterSchema } from './model/organisation.ts';
import { PersonFrontMatterSchema } from './model/person.ts';
import { PlaceFrontMatterSchema, type Place } from './model/place.ts';
import { ancestorChain, NameIndex, parentId, type Entity } from './model/registry.ts';
import { TermFrontMatterSchema } from './model/term.ts';
import type { MentionInput } from './markdown/remark-link-mentions.ts';
import type { ImageInput } from './markdown/remark-resolve-images.ts';
import { arabicWords } from './markdown/report.ts';
import { resolveImageReference } from './media/image-reference.ts';
import type { PublishedImage } from './media/published-image.ts';
import { imagesUnchanged, readImage, unshownPictures, type ImageDependency, type ImageRule } from './media/read-image.ts';
import { listMarkdownFiles, readContentFile, strayContentEntries, type ContentFile } from './read/content-files.ts';
import { parseYaml, positionOf, splitFrontMatter, validateFrontMatter, type ParsedYaml } from './read/front-matter.ts';
import { foldArabic } from './text/arabic.ts';
import { parseArticleDate } from './text/dates.ts';
import { ID_PATTERN, slugify, slugProblem } from './text/slug.ts';
import { BUILTIN_KINDS, kindIdOf, type BuiltinKindId, type KindDescription, type KindId, type Kinds } from './kinds.ts';
import { href, paths } from './urls.ts';
import { ParseCache } from './cache/parse-cache.ts';
import { digest } from './cache/digest.ts';
import { articleDependencies, isAffected, registryChange, registrySnapshot, type ArticleDependencies, type RegistryChange, type RegistrySnapshot } from './cache/article-dependencies.ts';
import { readRegistrySnapshot, writeRegistrySnapshot } from './cache/registry-snapshot.ts';
import { searchRecordInputs, searchText } from './output/search-index.ts';

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
  stats: { articles: number; drafts: number; entries: Record<KindId, number>; parsed: number; reused: number };
  /** The Markdown source of every published article, for the content checker. */
  sources: ArticleSource[];
  /** Every valid registry entry, kind by kind, even when the build has errors. */
  registry: Entity[];
  /** The content folder read (absolute). */
  contentDir: string;
  /** The configuration it was read with. */
  config: BuildConfig;
}

/** The registry's counts for a report: `7 people, 6 places, 5 organisations` (`separator` between them). */
export function registryCounts(stats: LoadResult['stats'], config: BuildConfig, separator = ', ', language: MessageLanguage = 'en'): string {
  return kindsOf(config)
    .all.map((kind) => (language === 'ar' ? `${kind.labels.plural} ${stats.entries[kind.id] ?? 0}` : `${stats.entries[kind.id] ?? 0} ${kind.folder}`))
    .join(language === 'ar' ? separator.replace(',', '،') : separator);
}

/** An article's body as written, with where it starts in its file. */
export interface ArticleSource {
  file: string;
  sourcePath: string;
  body: string;
  bodyLine: number;
  /** Front-matter fields the editor wrote (for metadata checks). */
  fields: string[];
  /** Where the lead photo is, when it has no credit. */
  uncreditedImageAt?: Position;
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

const articleSchemas = new WeakMap<Kinds, ReturnType<typeof articleFrontMatterSchema>>();

/** The article schema of a site's kinds (made once per set of kinds). */
function articleSchemaOf(kinds: Kinds) {
  let schema = articleSchemas.get(kinds);
  if (!schema) articleSchemas.set(kinds, (schema = articleFrontMatterSchema(kinds)));
  return schema;
}

/** Renders a body and turns the pipeline's messages into located diagnostics. */
function render(entry: Parsed<unknown>, problems: Diagnostic[], renderer: Renderer = renderMarkdown, mentionInput?: MentionInput, images?: ImageInput) {
  const rendered = renderer(entry.body, { path: entry.file.absolutePath, ...(mentionInput ? { mentionInput } : {}), ...(images ? { images } : {}) });
  for (const m of rendered.messages) {
    problems.push(
      diagnostic(
        `${m.source}/${m.ruleId}` as 'markdown/unsafe-html' | 'markdown/too-deep' | 'markdown/too-large' | 'markdown/too-complex' | 'image/not-found' | 'image/refused' | 'image/no-alt' | 'image/animated',
        entry.file.absolutePath,
        { line: (m.line ?? 1) + entry.bodyLine - 1, column: m.column ?? 1 },
        m.reason,
        m.note,
        // Every plugin reports with its Arabic words (src/archive/markdown/report.ts); a message
        // from elsewhere in unified (none today) would show its own words in both languages.
        arabicWords(m) ?? { message: m.reason, hint: m.note },
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
      {
        message: `اسم الملف ${quote(id)} ليس معرّفا صالحا: المعرّف حروف لاتينية صغيرة وأرقام وشرطات، ويصير عنوان الصفحة`,
        hint: suggestion ? `غيّر اسمه إلى ${folder}/${suggestion}.md (واترك الاسم العربي في «name:»)` : `غيّر اسمه إلى كتابة لاتينية، مثلا ${folder}/sabri-boukadoum.md`,
      },
    ),
  );
  return undefined;
}

/** What reading one registry file gives: its problems, the entry, and where its references to other entries were written. */
interface RegistryOutcome {
  problems: Diagnostic[];
  entry?: Entity;
  /** Where each field naming another entry (`within`, `parent`, `country`) was written. */
  referencesAt?: Partial<Record<EntryReferenceField, Position>>;
  /** Where each alias and context alias was written, for the check across entries. */
  aliasesAt?: AliasesAt;
  /** The picture file it reads, so replacing it reads the entry again. */
  images?: ImageDependency[];
}

/** The fields of a registry entry that name another entry, and the kind they name. */
type EntryReferenceField = 'within' | 'parent' | 'country';
const REFERENCE_KIND: Record<EntryReferenceField, BuiltinKindId> = { within: 'place', parent: 'organisation', country: 'place' };

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

/** Reads one registry file of a kind: validated against its family's schema, its description rendered. */
function readRegistryFile(file: string, kind: KindDescription, config: BuildConfig): RegistryOutcome {
  const problems: Diagnostic[] = [];
  const id = registryId(file, kind.folder, problems);
  const images: ImageDependency[] = [];
  /** The entry's picture (`image:`), read beside its file or in content/media/. */
  const picture = (parsed: Parsed<unknown>): Entity['image'] => {
    const written = (parsed.value as { image?: z.output<typeof LeadImageSchema> }).image;
    if (!written) return undefined;
    const at = positionOf(parsed.yaml, ['image', 'src']);
    const image = pictureReader(config, parsed.file.relativePath, images)(written.src, (rule, problem, fix, ar) =>
      problems.push(diagnostic(rule, parsed.file.absolutePath, at, problem, fix, { message: ar.problem, hint: ar.fix })),
    );
    return image && { image, alt: written.alt, caption: written.caption, credit: written.credit, focus: written.focus };
  };
  const made = ((): { entry: Entity; parsed: Parsed<{ aliases: string[]; contextAliases: string[] }> } | undefined => {
    const common = (parsed: Parsed<unknown>) => {
      // A biography's figures are read as an article's are.
      const body = render(parsed, problems, renderMarkdown, undefined, { base: config.base, resolve: pictureReader(config, parsed.file.relativePath, images) });
      const image = picture(parsed);
      const figures = uniquePictures(body.images.map((i) => i.image));
      return { id: id!, sourcePath: parsed.file.relativePath, html: body.html, image, ...(figures.length > 0 ? { figures } : {}) };
    };
    switch (kind.family) {
      case 'person': {
        const parsed = readEntry(file, config, PersonFrontMatterSchema, problems);
        return parsed && id ? { parsed, entry: { ...parsed.value, entity: 'person', ...common(parsed) } } : undefined;
      }
      case 'place': {
        const parsed = readEntry(file, config, PlaceFrontMatterSchema, problems);
        return parsed && id ? { parsed, entry: { ...parsed.value, entity: 'place', ...common(parsed) } } : undefined;
      }
      case 'organisation': {
        const parsed = readEntry(file, config, OrganisationFrontMatterSchema, problems);
        return parsed && id ? { parsed, entry: { ...parsed.value, entity: 'organisation', ...common(parsed) } } : undefined;
      }
      case 'term': {
        const parsed = readEntry(file, config, TermFrontMatterSchema, problems);
        return parsed && id ? { parsed, entry: { ...parsed.value, entity: 'term', taxonomy: kind.id, ...common(parsed) } } : undefined;
      }
    }
  })();
  if (!made) return { problems, images };
  const referencesAt: Partial<Record<EntryReferenceField, Position>> = {};
  for (const field of Object.keys(REFERENCE_KIND) as EntryReferenceField[]) {
    if ((made.entry as Partial<Record<EntryReferenceField, string>>)[field] !== undefined) referencesAt[field] = positionOf(made.parsed.yaml, [field]);
  }
  return { problems, entry: made.entry, aliasesAt: aliasesAt(made.parsed), referencesAt, images };
}

/** Where each entry's references to other entries were written, by entry key. */
type ReferencesAt = Map<string, { file: string; at: Partial<Record<EntryReferenceField, Position>> }>;

/** Reads a kind's registry folder, through the cache when there is one. */
function readRegistry(
  kind: KindDescription,
  config: BuildConfig,
  problems: Diagnostic[],
  cache: ParseCache<RegistryOutcome> | undefined,
): { entries: Entity[]; referencesAt: ReferencesAt; aliases: AliasesByEntry; pictures: string[] } {
  const listed = listMarkdownFiles(config.contentDir, kind.folder, false);
  problems.push(...listed.problems);
  const entries: Entity[] = [];
  const referencesAt: ReferencesAt = new Map();
  const aliases: AliasesByEntry = new Map();
  for (const file of listed.files) {
    const found = cache?.lookup(file, (o) => imagesUnchanged(config.contentDir, o.images ?? []));
    let outcome = found?.outcome;
    if (!outcome) {
      outcome = readRegistryFile(file, kind, config);
      cache?.store(file, found?.bytes, outcome);
    }
    problems.push(...outcome.problems);
    if (!outcome.entry) continue;
    entries.push(outcome.entry);
    if (outcome.referencesAt) referencesAt.set(entityKey(outcome.entry), { file, at: outcome.referencesAt });
    if (outcome.aliasesAt) aliases.set(entityKey(outcome.entry), { file, at: outcome.aliasesAt });
  }
  return { entries, referencesAt, aliases, pictures: listed.pictures };
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
            {
              message: `الصيغة ${quote(alias)} في «${field}» اسم ${others.map((o) => `${o.sourcePath} (${o.latin ?? o.name})`).join(' و')}: حيث يكتبها مقال لا يميز البناء بينهما فيتركها بلا رابط`,
              hint: `احذفها من «${field}» هنا إن كانت اسم المدخل الآخر؛ وإن عُرف بها الاثنان فأبقها واذكر المقصود في بيانات كل مقال`,
            },
          ),
        );
      });
    }
  }
}

/**
 * Checks every field of an entry that names another entry (a place's `within`, an
 * organisation's `parent` and `country`): it names an entry of the right kind, and following a
 * hierarchy never comes back (no cycle).
 */
function checkReferences(entries: readonly Entity[], indexes: NameIndexes, referencesAt: ReferencesAt, problems: Diagnostic[]) {
  for (const entry of entries) {
    const where = referencesAt.get(entityKey(entry));
    if (!where) continue;
    for (const [field, at] of Object.entries(where.at) as [EntryReferenceField, Position][]) {
      const targetKind = BUILTIN_KINDS[REFERENCE_KIND[field]];
      const index = indexes.get(targetKind.id)!;
      const value = (entry as Partial<Record<EntryReferenceField, string>>)[field]!;
      const target = index.get(value);
      if (!target) {
        const suggestions = index.suggest(value);
        problems.push(
          diagnostic(
            field === 'within' ? 'registry/within-unknown' : 'registry/reference-unknown',
            where.file,
            at,
            `“${field}” names ${quote(value)}, which is not the id of ${field === 'parent' ? 'an organisation' : 'a place'} in content/${targetKind.folder}/`,
            suggestions.length ? `did you mean ${suggestions.map((s) => `${s.id} (${quote(s.form)})`).join(' or ')}?` : `write the id (file name) of the ${field === 'parent' ? 'organisation' : 'place'}, or add it to content/${targetKind.folder}/`,
            {
              message: `«${field}» يذكر ${quote(value)}، وليس معرّف ${field === 'parent' ? 'مؤسسة' : 'مكان'} في content/${targetKind.folder}/`,
              hint: suggestions.length ? `هل تقصد ${suggestions.map((s) => `${s.id} (${quote(s.form)})`).join(' أو ')}؟` : `اكتب معرّف ${field === 'parent' ? 'المؤسسة' : 'المكان'} (اسم ملفه)، أو أضفه إلى content/${targetKind.folder}/`,
            },
          ),
        );
        continue;
      }
      if (field === 'country') continue;
      const chain = [entry.id];
      for (let current: Entity | undefined = target; current; ) {
        if (chain.includes(current.id)) {
          problems.push(
            diagnostic(
              field === 'within' ? 'registry/within-cycle' : 'registry/parent-cycle',
              where.file,
              at,
              `“${field}” makes a loop: ${[...chain, current.id].join(' → ')}`,
              `an entry cannot contain itself: fix “${field}” in one of these files`,
              { message: `«${field}» يصنع حلقة: ${[...chain, current.id].join(' ← ')}`, hint: `لا يحتوي مدخل نفسه: صحّح «${field}» في أحد هذه الملفات` },
            ),
          );
          break;
        }
        chain.push(current.id);
        const up = parentId(current);
        current = up === undefined ? undefined : index.get(up);
      }
    }
  }
}

/** Resolves an article's references of one kind (`people:`, `organisations:`…) to entries, reporting unknown and ambiguous ones. */
function resolveReferences<E extends Entity>(
  kind: KindDescription,
  references: string[],
  index: NameIndex<E>,
  entry: Parsed<unknown>,
  problems: Diagnostic[],
): E[] {
  const found: E[] = [];
  references.forEach((written, i) => {
    const at = positionOf(entry.yaml, [kind.field, i]);
    // «صبري بوقادوم، محمد المنفي»: the Arabic comma does not separate YAML list items, but the
    // editor meant two names. Read as such (when the whole is no name), with a warning.
    const parts = written.split('،').map((p) => p.trim()).filter(Boolean);
    const split = parts.length > 1 && index.resolve(written).kind === 'unknown';
    if (split) {
      problems.push(
        diagnostic(
          'reference/arabic-comma',
          entry.file.absolutePath,
          at,
          `${quote(written)} in “${kind.field}” is ${parts.length} names separated by the Arabic comma «،»; they are read as ${parts.length} names`,
          `separate list items with a Latin comma: ${kind.field}: [${parts.join(', ')}]`,
          {
            message: `${quote(written)} في «${kind.field}» أسماء يفصل بينها الفاصلة العربية «،»، فقُرئت ${parts.length} أسماء`,
            hint: `افصل بين عناصر القائمة بالفاصلة اللاتينية: ${kind.field}: [${parts.join(', ')}]`,
          },
        ),
      );
    }
    for (const reference of split ? parts : [written]) {
      const result = index.resolve(reference);
      if (result.kind === 'found') {
        if (!found.includes(result.entity)) found.push(result.entity);
      } else if (result.kind === 'ambiguous') {
        problems.push(
          diagnostic(
            'reference/ambiguous',
            entry.file.absolutePath,
            at,
            `${quote(reference)} in “${kind.field}” is the name of ${result.entities.length} entries: ${result.entities.map((e) => `${e.id} (${e.latin ?? e.name})`).join(', ')}`,
            `write the id of the one you mean, e.g. ${result.entities[0]!.id}`,
            {
              message: `${quote(reference)} في «${kind.field}» اسم ${result.entities.length} مداخل: ${result.entities.map((e) => `${e.id} (${e.latin ?? e.name})`).join('، ')}`,
              hint: `اكتب معرّف المقصود منها، مثلا ${result.entities[0]!.id}`,
            },
          ),
        );
      } else {
        const folder = `content/${kind.folder}`;
        problems.push(
          diagnostic(
            'reference/unknown',
            entry.file.absolutePath,
            at,
            `${quote(reference)} in “${kind.field}” matches no id, name or alias in ${folder}/`,
            result.suggestions.length
              ? `did you mean ${result.suggestions.map((s) => `${quote(s.form)} (${s.id})`).join(' or ')}?`
              : `add ${folder}/<id>.md for it, or fix the spelling`,
            {
              message: `${quote(reference)} في «${kind.field}» لا يطابق أي معرّف أو اسم أو صيغة في ${folder}/`,
              hint: result.suggestions.length
                ? `هل تقصد ${result.suggestions.map((s) => `${quote(s.form)} (${s.id})`).join(' أو ')}؟`
                : `أضف له الملف ${folder}/<id>.md، أو صحّح الكتابة`,
            },
          ),
        );
      }
    }
  });
  return found;
}

/** The name index of each kind, by kind id. */
export type NameIndexes = Map<KindId, NameIndex<Entity>>;

/** The name indexes of a registry, one per kind (every kind has one, empty or not). */
export function nameIndexes(kinds: Kinds, entries: readonly Entity[]): NameIndexes {
  return new Map(kinds.all.map((kind) => [kind.id, new NameIndex(entries.filter((e) => kindIdOf(e) === kind.id))]));
}

/** The entries containing an entry in its kind's hierarchy, nearest first, stopping at a cycle. */
function ancestorsOfEntry<E extends Entity>(entry: E, indexes: NameIndexes): E[] {
  const index = indexes.get(kindIdOf(entry))!;
  return ancestorChain(entry, (id) => index.get(id));
}

/** The renderer for articles: finds and links the names of every kind that matches text, in one index. */
function articleRenderer(config: BuildConfig, indexes: NameIndexes): Renderer {
  const kinds = kindsOf(config);
  const matched = kinds.all.filter((k) => k.matchText).flatMap((k) => indexes.get(k.id)!.all());
  return createRenderer({
    index: new MentionIndex(matched, config.settings.stopPhrases),
    ancestors: (place: Place) => ancestorsOfEntry(place, indexes),
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
  /** What it depends on in the registry, so a registry edit re-parses only the articles it can change. */
  dependencies?: ArticleDependencies;
  /** The picture files it reads, so replacing one re-parses the articles that show it. */
  images?: ImageDependency[];
}

/** Each picture once (by its file), in order. */
function uniquePictures(pictures: readonly PublishedImage[]): PublishedImage[] {
  const seen = new Set<string>();
  return pictures.filter((p) => !seen.has(p.source) && seen.add(p.source));
}

/**
 * Reads the pictures an article names (src/archive/media/): each reference resolved in content/
 * and the file read, every file recorded as a dependency, what cannot be published reported.
 */
function pictureReader(config: BuildConfig, from: string, dependencies: ImageDependency[]) {
  return (src: string, report: (rule: ImageRule, problem: string, fix: string, ar: { problem: string; fix: string }) => void): PublishedImage | undefined => {
    const reference = resolveImageReference(src, from);
    if (!reference.ok) return void report('image/refused', reference.problem, reference.fix, reference.ar);
    const read = readImage(config.contentDir, reference.path);
    if (!dependencies.some((d) => d.source === read.dependency.source)) dependencies.push(read.dependency);
    if (!read.ok) return void report(read.rule, read.problem, read.fix, read.ar);
    if (read.notice) report(read.notice.rule, read.notice.problem, read.notice.fix, read.notice.ar);
    return read.image;
  };
}

/**
 * What a new article starts with, published as it is: `npm run new`'s placeholder text, and
 * fields left empty («source: ""»). Each is an error at its line: readers would see the
 * placeholder, or an article that names no source.
 */
function placeholderProblems(entry: NonNullable<ReturnType<typeof readEntry>>, where: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const lines = entry.body.split('\n');
  const index = lines.findIndex((line) => line.includes(PLACEHOLDER_TEXT));
  if (index !== -1) {
    problems.push(
      diagnostic(
        'article/placeholder',
        where,
        { line: entry.bodyLine + index, column: lines[index]!.indexOf(PLACEHOLDER_TEXT) + 1 },
        `the article still has the text a new article starts with (${quote(PLACEHOLDER_TEXT)}), which readers would see`,
        'write the article’s text in its place, or keep “draft: true” in the front matter until it is written',
        { message: `ما زال في المقال النص الذي يبدأ به كل مقال جديد (${quote(PLACEHOLDER_TEXT)})، وسيراه القراء`, hint: 'اكتب نص المقال مكانه، أو أبقِ «draft: true» في بياناته حتى يُكتب' },
      ),
    );
  }
  const empty = (value: unknown) => typeof value === 'string' && value.trim() === '';
  const fields = entry.yaml.data as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    const paths: string[][] = empty(value) ? [[key]] : value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).filter(([, v]) => empty(v)).map(([k]) => [key, k]) : [];
    for (const field of paths) {
      problems.push(
        diagnostic(
          'front-matter/empty',
          where,
          positionOf(entry.yaml, field),
          `“${field.join('.')}” is empty`,
          `write its value, or delete the line “${field.at(-1)}:” if the article has none`,
          { message: `الحقل «${field.join('.')}» فارغ`, hint: `اكتب قيمته، أو احذف السطر «${field.at(-1)}:» إن لم تكن للمقال قيمة له` },
        ),
      );
    }
  }
  return problems;
}

/** Reads, validates and renders one article file. */
function readArticle(file: string, config: BuildConfig, indexes: NameIndexes, renderer: Renderer): ArticleOutcome {
  const problems: Diagnostic[] = [];
  const kinds = kindsOf(config);
  const entry = readEntry(file, config, articleSchemaOf(kinds), problems);
  if (!entry) return { problems, draft: false };
  const fm = entry.value;
  if (fm.draft) return { problems, draft: true };
  const where = entry.file.absolutePath;
  const date = parseArticleDate(fm.date, config.settings.timeZone, 'date');
  if (!date.ok) {
    problems.push(
      diagnostic('front-matter/date', where, positionOf(entry.yaml, ['date']), `“date” ${quote(fm.date)}: ${date.problem}`, date.hint ?? 'write the date as YYYY-MM-DD, e.g. date: 2021-04-19', {
        message: `«date» ${quote(fm.date)}: ${date.ar.problem}`,
        hint: date.ar.hint ?? 'اكتب التاريخ YYYY-MM-DD، مثلا date: 2021-04-19',
      }),
    );
  }
  const updated = fm.updated === undefined ? undefined : parseArticleDate(fm.updated, config.settings.timeZone, 'updated');
  if (updated && !updated.ok) {
    problems.push(
      diagnostic('front-matter/date', where, positionOf(entry.yaml, ['updated']), `“updated” ${quote(fm.updated)}: ${updated.problem}`, updated.hint ?? 'write the date as YYYY-MM-DD, e.g. updated: 2021-04-20', {
        message: `«updated» ${quote(fm.updated)}: ${updated.ar.problem}`,
        hint: updated.ar.hint ?? 'اكتب التاريخ YYYY-MM-DD، مثلا updated: 2021-04-20',
      }),
    );
  }
  for (const [field, parsed] of [['date', date], ['updated', updated]] as const) {
    if (parsed?.ok && parsed.notice) {
      const iso = parsed.date.hasTime ? parsed.notice.hint.split(': ').at(-1)! : parsed.date.isoDate;
      problems.push(
        diagnostic('front-matter/date-digits', where, positionOf(entry.yaml, [field]), `“${field}”: ${parsed.notice.problem}`, parsed.notice.hint, {
          message: `«${field}» مكتوب بغير الأرقام 0–9 (٠–٩ أو ۰–۹)؛ قُرئ ${iso}`,
          hint: `اكتبه بالأرقام 0–9: ${field}: ${iso}`,
        }),
      );
    }
  }
  let slug: string;
  if (fm.slug !== undefined) {
    slug = fm.slug.normalize('NFC');
    const problem = slugProblem(slug);
    if (problem) {
      problems.push(
        diagnostic('article/slug', where, positionOf(entry.yaml, ['slug']), `“slug” ${quote(fm.slug)} cannot be used in a URL: ${problem}`, `write e.g. slug: ${slugify(fm.slug) || 'my-article'}`, {
          message: `لا يصلح «slug» ${quote(fm.slug)} في عنوان: ${problem}`,
          hint: `اكتب مثلا slug: ${slugify(fm.slug) || 'my-article'}`,
        }),
      );
    }
  } else {
    // No slug written: derive one from the file name, so a file named with spaces still gets a clean URL.
    slug = slugify(path.basename(entry.file.relativePath).replace(/\.md$/i, ''));
    if (slugProblem(slug)) {
      problems.push(
        diagnostic('article/slug', where, { line: 1, column: 1 }, `the file name gives no usable URL segment (${quote(slug)})`, 'add a line “slug: …” with a-z, 0-9, Arabic letters and hyphens', {
          message: `لا يعطي اسم الملف جزءا صالحا للعنوان (${quote(slug)})`,
          hint: 'أضف سطرا «slug: …» بحروف a-z وأرقام 0-9 وحروف عربية وشرطات',
        }),
      );
    }
  }
  // The references written for each kind (`people: [...]`, `sections: [...]`), resolved.
  const written = kinds.all.map((kind) => ({ kind, references: ((fm as Record<string, unknown>)[kind.field] as string[] | undefined) ?? [] }));
  const taggedByKind = written.map(({ kind, references }) => ({ kind, tagged: resolveReferences(kind, references, indexes.get(kind.id)!, entry, problems) }));
  const tagged = taggedByKind.flatMap((t) => t.tagged);
  const leading = [fm.title, ...(fm.summary ? [fm.summary] : [])];
  const imageDependencies: ImageDependency[] = [];
  const readPicture = pictureReader(config, entry.file.relativePath, imageDependencies);
  let lead: Article['image'];
  if (fm.image) {
    const at = positionOf(entry.yaml, ['image', 'src']);
    const image = readPicture(fm.image.src, (rule, problem, fix, ar) => problems.push(diagnostic(rule, where, at, problem, fix, { message: ar.problem, hint: ar.fix })));
    if (image) lead = { image, alt: fm.image.alt, caption: fm.image.caption, credit: fm.image.credit, focus: fm.image.focus };
  }
  const rendered = render(entry, problems, renderer, { tagged, leading }, { base: config.base, resolve: readPicture });
  const mentions = rendered.mentions!;
  if (entry.body.trim() === '') {
    problems.push(
      diagnostic('article/empty-body', where, { line: entry.bodyLine - 1, column: 1 }, 'the article has no text after its front matter; it is published with a title only', 'add the text below the closing “---”, or mark it “draft: true”', {
        message: 'لا نص في المقال بعد بياناته؛ يُنشر بعنوانه وحده',
        hint: 'أضف النص تحت سطر «---» الأخير، أو اجعله مسودة: draft: true',
      }),
    );
  }
  problems.push(...placeholderProblems(entry, where));
  for (const a of mentions.ambiguous) {
    problems.push(
      diagnostic(
        'mention/ambiguous',
        where,
        { line: a.line + entry.bodyLine - 1, column: a.column },
        `${quote(a.text)} could be ${a.candidates.map((c) => `${c.id} (${c.latin ?? c.name})`).join(' or ')}, and nothing else in the article tells which; it is left unlinked`,
        `add the one you mean to “${kinds.of(a.candidates[0]!).field}:” in the front matter, e.g. ${a.candidates[0]!.id}`,
        {
          message: `${quote(a.text)} قد يكون ${a.candidates.map((c) => `${c.id} (${c.latin ?? c.name})`).join(' أو ')}، ولا شيء آخر في المقال يحدد أيهما؛ فيُترك بلا رابط`,
          hint: `أضف المقصود إلى «${kinds.of(a.candidates[0]!).field}:» في البيانات، مثلا ${a.candidates[0]!.id}`,
        },
      ),
    );
  }
  const mentioned = mentions.found.map((f) => f.entity);
  if (!date.ok || (updated && !updated.ok)) return { problems, draft: false, images: imageDependencies };
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
    entries: Object.fromEntries(
      taggedByKind
        .map(({ kind, tagged: ofKind }) => [kind.id, union(ofKind, mentioned.filter((e) => kindIdOf(e) === kind.id))] as const)
        .filter(([, ids]) => ids.length > 0),
    ),
    tagged: tagged.map(entityKey),
    mentionCounts: Object.fromEntries(mentions.found.map((f) => [entityKey(f.entity), f.count])),
    html: rendered.html,
    image: lead,
    pictures: uniquePictures([...(lead ? [lead.image] : []), ...rendered.images.map((i) => i.image)]),
    searchText: '',
    searchRevision: '',
  };
  article.searchText = searchText(article.title, article.summary, article.html);
  article.searchRevision = digest(JSON.stringify(searchRecordInputs(article)));
  // The revision is a digest of what the article became, not of its file: pages showing it are
  // re-rendered when it changes, and only then (an alias that links nothing new changes none).
  article.revision = digest(JSON.stringify(article));
  return {
    problems,
    draft: false,
    article,
    slugAt: fm.slug !== undefined ? positionOf(entry.yaml, ['slug']) : { line: 1, column: 1 },
    images: imageDependencies,
    dependencies: articleDependencies(
      [fm.title, fm.summary ?? '', entry.body],
      written.flatMap((w) => w.references),
    ),
    source: {
      file: where,
      sourcePath: entry.file.relativePath,
      body: entry.body,
      bodyLine: entry.bodyLine,
      // The fields written with a value (an empty «source: ""» is not a source).
      fields: Object.entries(entry.yaml.data)
        .filter(([, value]) => !(typeof value === 'string' && value.trim() === ''))
        .map(([key]) => key),
      ...(fm.image && !fm.image.credit ? { uncreditedImageAt: positionOf(entry.yaml, ['image'], 'key') } : {}),
    },
  };
}

/** The article files of a content folder, each with its cached outcome when there is one. */
interface ArticleFiles {
  files: { file: string; bytes: string | undefined; outcome: ArticleOutcome | undefined }[];
  /** The picture files under articles/. */
  pictures: string[];
}

/** Lists the article files and looks each up in the parse cache. */
function listArticles(config: BuildConfig, problems: Diagnostic[], cache: ParseCache<ArticleOutcome> | undefined, change: RegistryChange | undefined): ArticleFiles {
  const listed = listMarkdownFiles(config.contentDir, 'articles', true);
  problems.push(...listed.problems);
  // An outcome the registry's change can alter, or whose pictures changed, is not kept: the article is parsed again.
  const keep = (outcome: ArticleOutcome) => (!change || !isAffected(outcome, change)) && imagesUnchanged(config.contentDir, outcome.images ?? []);
  return {
    files: listed.files.map((file) => {
      const found = cache?.lookup(file, keep);
      return { file, bytes: found?.bytes, outcome: found?.outcome };
    }),
    pictures: listed.pictures,
  };
}

/** A reader of article files for a registry (the renderer is built once, on first use). */
export function articleReader(config: BuildConfig, indexes: NameIndexes): (file: string) => ArticleOutcome {
  let renderer: Renderer | undefined;
  return (file) => readArticle(file, config, indexes, (renderer ??= articleRenderer(config, indexes)));
}

/** Reads article files in this thread (the parallel reader does the same in workers). */
export function readArticleFiles(files: readonly string[], config: BuildConfig, indexes: NameIndexes): ArticleOutcome[] {
  return files.map(articleReader(config, indexes));
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
          { message: `هذا المقال و${clash.sourcePath} سيُنشران كلاهما في ${article.path}`, hint: 'أعط أحدهما «slug:» آخر' },
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
  return finishLoad(stage, readArticleFiles(stage.toParse, config, stage.indexes));
}

/**
 * The same, with the articles that need parsing parsed by `parse` (the build passes one that
 * spreads them over worker threads, src/archive/parallel-parse.ts).
 */
export async function loadArchiveWith(
  config: BuildConfig,
  options: LoadOptions,
  parse: (files: readonly string[], registry: readonly Entity[]) => Promise<ArticleOutcome[]>,
): Promise<LoadResult> {
  const stage = startLoad(config, options);
  return finishLoad(stage, await parse(stage.toParse, stage.registry));
}

/** A load halfway: the registry read, the articles listed and looked up in the cache. */
interface LoadStage {
  config: BuildConfig;
  problems: Diagnostic[];
  /** Every valid registry entry, kind by kind. */
  registry: Entity[];
  indexes: NameIndexes;
  cache: ParseCache<ArticleOutcome> | undefined;
  listed: ArticleFiles;
  /** The article files the cache could not give back. */
  toParse: string[];
  /** The picture files met while listing articles/ and the registry folders. */
  pictureFiles: string[];
  cacheDir: string | undefined;
  /** The registry the cached outcomes will be valid for, saved with them (with a cache only). */
  snapshot: { fixedKey: string; snapshot: RegistrySnapshot | undefined };
}

function startLoad(config: BuildConfig, options: LoadOptions): LoadStage {
  const problems: Diagnostic[] = [];
  if (!fs.existsSync(path.join(config.contentDir, 'articles'))) {
    problems.push(
      diagnostic('file/unreadable', config.contentDir, { line: 1, column: 1 }, 'there is no articles/ folder here: is this the content folder?', 'run the build from the project folder, or set ARCHIVE_CONTENT_DIR to the folder that holds articles/, people/ and places/', {
        message: 'لا مجلد articles/ هنا: هل هذا مجلد المحتوى؟',
        hint: 'شغّل البناء من مجلد المشروع، أو اجعل ARCHIVE_CONTENT_DIR المجلد الذي فيه articles/ وpeople/ وplaces/',
      }),
    );
  }
  // Registry files depend only on their own bytes (and the code and settings).
  const kinds = kindsOf(config);
  problems.push(...strayContentEntries(config.contentDir, kinds.all.map((k) => k.folder)));
  const registryKey = digest(JSON.stringify([options.codeVersion ?? '', config.settings, config.base, config.contentDir]));
  const registry: Entity[] = [];
  const referencesAt: ReferencesAt = new Map();
  const aliases: AliasesByEntry = new Map();
  // The picture files met while listing content/: those no article shows are reported at the end.
  const pictureFiles: string[] = [];
  for (const kind of kinds.all) {
    const cache = options.cacheDir ? ParseCache.open<RegistryOutcome>(path.join(options.cacheDir, 'registry', kind.folder), registryKey) : undefined;
    const read = readRegistry(kind, config, problems, cache);
    cache?.save();
    registry.push(...read.entries);
    pictureFiles.push(...read.pictures);
    for (const [key, at] of read.referencesAt) referencesAt.set(key, at);
    for (const [key, at] of read.aliases) aliases.set(key, at);
  }
  const indexes = nameIndexes(kinds, registry);
  checkReferences(registry, indexes, referencesAt, problems);
  checkAliases(registry, aliases, problems);
  // An article's outcome depends on its own bytes, the code, the settings and where links point
  // (any change to these throws the whole parse cache away), and on the registry entries it
  // names or could name (src/archive/cache/article-dependencies.ts): a change to the registry
  // re-parses only those articles.
  const fixedKey = digest(JSON.stringify([options.codeVersion ?? '', config.settings, config.base, config.contentDir]));
  // Without a cache (the checker, the dev server) there is nothing to compare the registry with.
  const snapshot = options.cacheDir ? registrySnapshot(registry, (e) => ancestorsOfEntry(e, indexes)) : undefined;
  const previous = options.cacheDir ? readRegistrySnapshot(options.cacheDir, fixedKey) : undefined;
  const cache = options.cacheDir
    ? ParseCache.open<ArticleOutcome>(
        path.join(options.cacheDir, 'articles'),
        digest(JSON.stringify([fixedKey, previous?.digest ?? ''])),
        // The body is kept only for the content checker, which never reads through the cache.
        ({ source: _source, ...kept }) => kept,
      )
    : undefined;
  const change = previous && snapshot ? registryChange(previous, snapshot) : undefined;
  if (cache && snapshot && previous?.digest !== snapshot.digest) cache.rekey(digest(JSON.stringify([fixedKey, snapshot.digest])));
  const listed = listArticles(config, problems, cache, change);
  const toParse = listed.files.filter((f) => !f.outcome).map((f) => f.file);
  return { config, problems, registry, indexes, cache, cacheDir: options.cacheDir, listed, pictureFiles: [...pictureFiles, ...listed.pictures], toParse, snapshot: { fixedKey, snapshot } };
}

function finishLoad(stage: LoadStage, parsedOutcomes: readonly ArticleOutcome[]): LoadResult {
  const { config, problems, registry, cache, listed } = stage;
  let next = 0;
  const outcomes = listed.files.map((f) => {
    if (f.outcome) return { file: f.file, outcome: f.outcome };
    const outcome = parsedOutcomes[next++]!;
    // Over the time budget or out of stack depends on the machine and the thread: not kept.
    if (!outcome.problems.some((p) => p.rule === 'markdown/too-complex')) cache?.store(f.file, f.bytes, outcome);
    return { file: f.file, outcome };
  });
  cache?.save();
  // After the outcomes: a crash between the two leaves outcomes under a key no snapshot has, which the next build discards.
  if (cache && stage.cacheDir && stage.snapshot.snapshot) writeRegistrySnapshot(stage.cacheDir, stage.snapshot.fixedKey, stage.snapshot.snapshot);
  const { articles, drafts, sources } = collectArticles(outcomes, problems);
  // Pictures no article shows are not published: say so, once per file. Not when an article
  // could not be read (what it shows is not known), nor beside a draft (they wait with it).
  const shown = new Set([...outcomes.flatMap(({ outcome }) => (outcome.images ?? []).map((d) => d.source)), ...registry.flatMap((e) => [...(e.image ? [e.image.image] : []), ...(e.figures ?? [])].map((p) => p.source))]);
  const unread = outcomes.some(({ outcome }) => !outcome.draft && !outcome.article);
  const waiting = new Set(outcomes.filter(({ outcome }) => outcome.draft).map(({ file }) => path.relative(config.contentDir, path.dirname(file)).split(path.sep).join('/').normalize('NFC')));
  for (const file of unread ? [] : unshownPictures(config.contentDir, stage.pictureFiles, shown, waiting)) {
    problems.push(
      diagnostic('image/unused', path.join(config.contentDir, ...file.split('/')), { line: 1, column: 1 }, 'no article shows this picture; it is not published', 'show it in an article (image: in the front matter, or ![description](…) in the text), or remove it', {
        message: 'لا يعرض أي مقال هذه الصورة، فلا تُنشر',
        hint: 'اعرضها في مقال (image: في البيانات، أو ![وصف](…) في النص)، أو احذفها',
      }),
    );
  }
  const hasErrors = problems.some((p) => p.severity === 'error');
  return {
    archive: hasErrors ? undefined : new Archive({ articles, entries: registry, kinds: kindsOf(config), pageSize: config.settings.pageSize }),
    diagnostics: problems,
    stats: {
      articles: articles.length,
      drafts,
      entries: Object.fromEntries(kindsOf(config).all.map((k) => [k.id, registry.filter((e) => kindIdOf(e) === k.id).length])),
      parsed: stage.toParse.length,
      reused: cache?.hits ?? 0,
    },
    sources,
    registry,
    contentDir: config.contentDir,
    config,
  };
}
