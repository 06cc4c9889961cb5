import { distance } from 'fastest-levenshtein';
import { foldArabic } from '../text/arabic.ts';
import type { Organisation } from './organisation.ts';
import type { Person } from './person.ts';
import type { Place } from './place.ts';
import type { Term } from './term.ts';

/** An entry of the registry, of any kind. */
export type Entity = Person | Place | Organisation | Term;

/** What a front-matter reference resolved to. */
export type Resolution<E extends Entity> =
  | { kind: 'found'; entity: E }
  | { kind: 'unknown'; suggestions: Suggestion[] }
  | { kind: 'ambiguous'; entities: E[] };

/** A near miss for "did you mean": the form that was close, and the entry it belongs to. */
export interface Suggestion {
  form: string;
  id: string;
}

/**
 * The names index of one kind's registry (people, places…): every id, name and alias, folded for
 * matching, so a front-matter reference can be written any way the text writes the name.
 */
export class NameIndex<E extends Entity> {
  readonly #byId = new Map<string, E>();
  readonly #byName = new Map<string, E[]>();
  readonly #forms: { folded: string; form: string; id: string }[] = [];

  constructor(entities: Iterable<E>) {
    for (const entity of entities) {
      this.#byId.set(entity.id, entity);
      const forms = new Set([entity.name, ...entity.aliases, ...entity.contextAliases, ...(entity.latin ? [entity.latin] : [])]);
      const seen = new Set<string>();
      for (const form of forms) {
        const folded = foldArabic(form);
        if (folded === '' || seen.has(folded)) continue;
        seen.add(folded);
        const list = this.#byName.get(folded) ?? [];
        list.push(entity);
        this.#byName.set(folded, list);
        this.#forms.push({ folded, form, id: entity.id });
      }
    }
  }

  /** The entry with this id. */
  get(id: string): E | undefined {
    return this.#byId.get(id);
  }

  /** Every entry, in the order given. */
  all(): E[] {
    return [...this.#byId.values()];
  }

  /** Resolves an id, name or alias (any spelling that folds the same) to one entry. */
  resolve(reference: string): Resolution<E> {
    const byId = this.#byId.get(reference.trim());
    if (byId) return { kind: 'found', entity: byId };
    const folded = foldArabic(reference);
    const matches = this.#byName.get(folded) ?? [];
    if (matches.length === 1) return { kind: 'found', entity: matches[0]! };
    if (matches.length > 1) return { kind: 'ambiguous', entities: matches };
    return { kind: 'unknown', suggestions: this.suggest(reference) };
  }

  /** Up to three ids, names or aliases close to a reference that matched nothing. */
  suggest(reference: string): Suggestion[] {
    const folded = foldArabic(reference);
    const limit = Math.max(1, Math.min(3, Math.floor(folded.length / 3)));
    const candidates: { score: number; form: string; id: string }[] = [];
    for (const f of this.#forms) {
      const score = distance(folded, f.folded);
      if (score <= limit) candidates.push({ score, form: f.form, id: f.id });
    }
    for (const id of this.#byId.keys()) {
      const score = distance(reference.trim().toLowerCase(), id);
      if (score <= limit) candidates.push({ score, form: id, id });
    }
    candidates.sort((a, b) => a.score - b.score);
    const seen = new Set<string>();
    return candidates
      .filter((c) => !seen.has(c.id) && seen.add(c.id))
      .slice(0, 3)
      .map(({ form, id }) => ({ form, id }));
  }
}

/**
 * What a page shows of an entry it links to: enough for the link, JSON-LD and a map marker.
 * Pages hold refs rather than whole entries, so editing an entry's aliases or description
 * re-renders its own pages, not every page that names it.
 */
export type PersonRef = Pick<Person, 'entity' | 'id' | 'name' | 'wikidata'>;
export type PlaceRef = Pick<Place, 'entity' | 'id' | 'name' | 'wikidata' | 'kind' | 'coordinates'>;
export type OrganisationRef = Pick<Organisation, 'entity' | 'id' | 'name' | 'wikidata' | 'kind'>;
export type TermRef = Pick<Term, 'entity' | 'taxonomy' | 'id' | 'name' | 'wikidata'>;
export type EntityRef = PersonRef | PlaceRef | OrganisationRef | TermRef;

/** The ref of an entry. */
export function refOf(entity: Person): PersonRef;
export function refOf(entity: Place): PlaceRef;
export function refOf(entity: Organisation): OrganisationRef;
export function refOf(entity: Entity): EntityRef;
export function refOf(entity: Entity): EntityRef {
  const { id, name, wikidata } = entity;
  const common = { id, name, ...(wikidata !== undefined ? { wikidata } : {}) };
  switch (entity.entity) {
    case 'person':
      return { entity: 'person', ...common };
    case 'place':
      return { entity: 'place', ...common, kind: entity.kind, ...(entity.coordinates ? { coordinates: entity.coordinates } : {}) };
    case 'organisation':
      return { entity: 'organisation', ...common, kind: entity.kind };
    case 'term':
      return { entity: 'term', taxonomy: entity.taxonomy, ...common };
  }
}

/** The id of the entry containing this one in its kind's hierarchy (a place's `within`, an organisation's `parent`). */
export function parentId(entity: Entity): string | undefined {
  switch (entity.entity) {
    case 'place':
      return entity.within;
    case 'organisation':
      return entity.parent;
    case 'person':
    case 'term':
      return undefined;
  }
}

/**
 * The entries containing an entry in its kind's hierarchy, nearest first (Ghadames → [Libya]),
 * given how to find an entry of the same kind by id; a loop of `within` or `parent` (reported
 * by the registry checks) ends the chain.
 */
export function ancestorChain<E extends Entity>(entity: E, find: (id: string) => Entity | undefined): E[] {
  const chain: E[] = [];
  const seen = new Set([entity.id]);
  const up = (e: Entity) => {
    const id = parentId(e);
    return id === undefined ? undefined : (find(id) as E | undefined);
  };
  for (let e = up(entity); e && !seen.has(e.id); e = up(e)) {
    chain.push(e);
    seen.add(e.id);
  }
  return chain;
}

/** Forms that only describe an entry (a place's demonyms): they help tell entries apart, and are not its names. */
export function demonymsOf(entity: Entity): readonly string[] {
  switch (entity.entity) {
    case 'place':
      return entity.demonyms;
    case 'person':
    case 'organisation':
    case 'term':
      return [];
  }
}
