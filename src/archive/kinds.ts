/**
 * The kinds of registry entry, as data: one typed description per kind says where its files
 * live, where its pages are published, which front-matter field of an article tags it, what
 * schema.org calls it, what readers call it, and what the site does with it (find its names in
 * the text, draw a map, keep a hierarchy, write a feed). Code that differs by kind reads the
 * description, or switches on the kind exhaustively, so the compiler lists every place a new
 * kind must handle.
 *
 * People and places are the built-in kinds (issue 13 adds organisations, and kinds a site
 * configures in its settings, such as sections).
 */

/** The id of a kind, as entries carry it in `entity`. */
export type KindId = 'person' | 'place';

/** What the site knows about one kind of entry. */
export interface KindDescription {
  /** The id entries of this kind carry in `entity`. */
  id: KindId;
  /** Folder under content/, which is also the URL prefix: `people` → `/people/<id>/`. */
  folder: string;
  /** The field of an article's front matter that tags entries of this kind (`people: [...]`). */
  field: string;
  /** The schema.org type of its JSON-LD. */
  schemaOrgType: string;
  /** What readers call one entry and many, in Arabic. */
  labels: { singular: string; plural: string };
  /** Whether its names and aliases are found in article text and linked. */
  matchText: boolean;
  /** Whether entries sit inside one another (`within`), shown as a breadcrumb. */
  hierarchy: boolean;
  /** Whether its pages draw a map (entries with coordinates). */
  map: boolean;
  /** Whether each entry has a feed of its newest articles. */
  feed: boolean;
}

/** The built-in kinds, in the order the site lists them. */
export const KINDS = {
  person: {
    id: 'person',
    folder: 'people',
    field: 'people',
    schemaOrgType: 'Person',
    labels: { singular: 'شخص', plural: 'الأشخاص' },
    matchText: true,
    hierarchy: false,
    map: false,
    feed: true,
  },
  place: {
    id: 'place',
    folder: 'places',
    field: 'places',
    schemaOrgType: 'Place',
    labels: { singular: 'مكان', plural: 'الأماكن' },
    matchText: true,
    hierarchy: true,
    map: true,
    feed: true,
  },
} as const satisfies Record<KindId, KindDescription>;

/** The description of an entry's kind. */
export function kindOf(entry: { entity: KindId }): KindDescription {
  return KINDS[entry.entity];
}
