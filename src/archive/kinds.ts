/**
 * The kinds of registry entry, as data: one typed description per kind says where its files
 * live, where its pages are published, which front-matter field of an article tags it, what
 * schema.org calls it, what readers call it, and what the site does with it (find its names in
 * the text, draw a map, keep a hierarchy, write a feed). Code that differs by kind reads the
 * description, or switches on the entry's family exhaustively, so the compiler lists every
 * place a new family must handle.
 *
 * People, places and organisations are built in. A site adds kinds of its own (sections,
 * topics) in its settings (`kinds:` in src/settings.ts): their entries are of the family
 * `term`, carry the kind's id in `taxonomy`, and get the same pages, index, feeds, sitemap
 * entries, search filter and JSON-LD as the built-in kinds.
 */

/** What an entry is, which decides its fields and behaviour: the discriminant `entity` of every entry. */
export type Family = 'person' | 'place' | 'organisation' | 'term';

/** The built-in kinds; their ids are their families. */
export type BuiltinKindId = 'person' | 'place' | 'organisation';

/**
 * The id of a kind: a built-in id, or a configured kind's id, which is also its folder, URL
 * prefix and front-matter field (`sections` → content/sections/, /sections/<id>/, `sections:`).
 */
export type KindId = string;

/** What the site knows about one kind of entry. */
export interface KindDescription {
  /** The kind's id: `person`, `place`, `organisation`, or a configured kind's id. */
  id: KindId;
  /** The family of its entries. */
  family: Family;
  /** Folder under content/, which is also the URL prefix: `people` → `/people/<id>/`. */
  folder: string;
  /** The field of an article's front matter that tags entries of this kind (`people: [...]`). */
  field: string;
  /** The schema.org type of its JSON-LD. */
  schemaOrgType: string;
  /** What readers call one entry and many, in Arabic, and the sentence under the index's title. */
  labels: { singular: string; plural: string; intro: string };
  /** Whether its names and aliases are found in article text and linked. */
  matchText: boolean;
  /** The field naming the entry that contains it (`within`, `parent`), shown as a breadcrumb; none without a hierarchy. */
  hierarchy: 'within' | 'parent' | undefined;
  /** Whether its pages draw a map (entries with coordinates). */
  map: boolean;
  /** Whether each entry has a feed of its newest articles. */
  feed: boolean;
}

/** The built-in kinds, in the order the site lists them. */
export const BUILTIN_KINDS = {
  person: {
    id: 'person',
    family: 'person',
    folder: 'people',
    field: 'people',
    schemaOrgType: 'Person',
    labels: { singular: 'شخص', plural: 'الأشخاص', intro: 'كل الأشخاص الذين تذكرهم مقالات الأرشيف، مرتبين أبجديًا.' },
    matchText: true,
    hierarchy: undefined,
    map: false,
    feed: true,
  },
  place: {
    id: 'place',
    family: 'place',
    folder: 'places',
    field: 'places',
    schemaOrgType: 'Place',
    labels: { singular: 'مكان', plural: 'الأماكن', intro: 'كل الأماكن التي تذكرها مقالات الأرشيف، مرتبة أبجديًا.' },
    matchText: true,
    hierarchy: 'within',
    map: true,
    feed: true,
  },
  organisation: {
    id: 'organisation',
    family: 'organisation',
    folder: 'organisations',
    field: 'organisations',
    schemaOrgType: 'Organization',
    labels: { singular: 'مؤسسة', plural: 'المؤسسات', intro: 'كل المؤسسات والهيئات التي تذكرها مقالات الأرشيف، مرتبة أبجديًا.' },
    matchText: true,
    hierarchy: 'parent',
    map: false,
    feed: true,
  },
} as const satisfies Record<BuiltinKindId, KindDescription & { family: BuiltinKindId }>;

/** A kind as a site declares it in its settings (`kinds:`). */
export interface ConfiguredKind {
  /** Folder, URL prefix and front-matter field: lower-case ASCII letters, digits and hyphens, e.g. `sections`. */
  id: string;
  /** What readers call one entry and many: «قسم», «الأقسام». */
  singular: string;
  plural: string;
  /** One sentence under the index's title (default: built from the plural). */
  intro?: string;
  /** Find its entries' names in article text too (default: no, front matter only). */
  matchText?: boolean;
  /** A feed per entry (default: yes). */
  feed?: boolean;
  /** The schema.org type of its pages (default: DefinedTerm). */
  schemaOrgType?: string;
}

/** Folders and first URL segments that a configured kind may not take: the site's own pages and the built-in kinds. */
const RESERVED = new Set(['articles', 'media', 'page', 'hijri', 'archive', 'search', 'pagefind', 'sitemap', 'feed', 'assets', '_astro', 'fonts', 'maps']);

/** What is wrong with a configured kind, or undefined when it can be used. */
export function configuredKindProblem(kind: ConfiguredKind, others: readonly ConfiguredKind[] = []): string | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(kind.id)) return `the kind id ${JSON.stringify(kind.id)} must be lower-case ASCII letters, digits and hyphens, starting with a letter (it becomes a folder and a URL)`;
  const builtin = Object.values(BUILTIN_KINDS).find((k) => k.id === kind.id || k.folder === kind.id || k.field === kind.id);
  if (builtin) return `the kind id ${JSON.stringify(kind.id)} is the built-in kind ${builtin.id} (${builtin.folder})`;
  if (RESERVED.has(kind.id)) return `the kind id ${JSON.stringify(kind.id)} is a folder or URL the site uses itself`;
  if (others.filter((o) => o.id === kind.id).length > 1) return `the kind id ${JSON.stringify(kind.id)} is declared twice`;
  if (kind.singular.trim() === '' || kind.plural.trim() === '') return `the kind ${kind.id} needs an Arabic singular and plural`;
  return undefined;
}

/** The description of a configured kind. */
function describe(kind: ConfiguredKind): KindDescription {
  return {
    id: kind.id,
    family: 'term',
    folder: kind.id,
    field: kind.id,
    schemaOrgType: kind.schemaOrgType ?? 'DefinedTerm',
    labels: { singular: kind.singular, plural: kind.plural, intro: kind.intro ?? `كل ${kind.plural} في الأرشيف، مرتبة أبجديًا.` },
    matchText: kind.matchText ?? false,
    hierarchy: undefined,
    map: false,
    feed: kind.feed ?? true,
  };
}

/** Anything that names its kind: an entry, a ref, a key's parts. */
export interface OfKind {
  entity: Family;
  /** The configured kind of a term. */
  taxonomy?: string;
}

/** The id of an entry's kind: its family, or for a term its configured kind. */
export function kindIdOf(entry: OfKind): KindId {
  return entry.entity === 'term' ? entry.taxonomy! : entry.entity;
}

/** The folder (and URL prefix) of a kind, by id, without the settings: a configured kind's folder is its id. */
export function folderOf(kind: KindId): string {
  return kind in BUILTIN_KINDS ? BUILTIN_KINDS[kind as BuiltinKindId].folder : kind;
}

/** Every kind of a site: the built-in ones, then those its settings declare. */
export class Kinds {
  readonly all: readonly KindDescription[];
  readonly #byId: Map<KindId, KindDescription>;

  constructor(configured: readonly ConfiguredKind[] = []) {
    for (const kind of configured) {
      const problem = configuredKindProblem(kind, configured);
      if (problem) throw new Error(`kinds: ${problem}.`);
    }
    this.all = [...Object.values(BUILTIN_KINDS), ...configured.map(describe)];
    this.#byId = new Map(this.all.map((k) => [k.id, k]));
  }

  /** The kind with this id. */
  get(id: KindId): KindDescription | undefined {
    return this.#byId.get(id);
  }

  /** The kind of an entry. */
  of(entry: OfKind): KindDescription {
    const kind = this.#byId.get(kindIdOf(entry));
    if (!kind) throw new Error(`no kind ${kindIdOf(entry)} is declared in the settings`);
    return kind;
  }

  /** The kinds declared in the settings (family `term`). */
  get configured(): KindDescription[] {
    return this.all.filter((k) => k.family === 'term');
  }
}
