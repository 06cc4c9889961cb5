/**
 * Deciding what each found name means in one article: which entry a shared name (طرابلس)
 * stands for, whether a context alias (المنفي) has been earned, and what is only a demonym.
 */
import { entityKey, type FormTarget, type NameMatch } from './mention-index.ts';
import type { Place } from './place.ts';
import type { Entity } from './registry.ts';

/** What a found name turned out to be. */
export type MatchStatus =
  /** A mention of `entity`. */
  | 'mention'
  /** A demonym of `entity` (a place): a signal, a mention only when the site counts demonyms. */
  | 'demonym'
  /** A name shared by several entries that nothing else in the article tells apart. */
  | 'ambiguous'
  /** A context alias before the entry's full name appeared: not counted. */
  | 'too-early';

/** The decision about one match. */
export interface Decision {
  match: NameMatch;
  status: MatchStatus;
  /** The entry, for mentions and single-place demonyms. */
  entity: Entity | undefined;
  /** For ambiguous matches, the entries it could be. */
  candidates: Entity[];
}

/** What the resolver needs to know beyond the matches. */
export interface ResolveContext {
  /** Entries the editor tagged in front matter: they disambiguate and introduce. */
  tagged: readonly Entity[];
  /** The places containing a place, nearest first. */
  ancestors: (place: Place) => readonly Place[];
}

/**
 * Decides every match of an article, given in document order (title, summary, body).
 * A shared name (طرابلس) is resolved by what else the article names: a tagged entry wins
 * outright; otherwise a candidate place wins when the places containing it are named or
 * referred to by a demonym (طرابلس + ليبيا → Tripoli, Libya) — first within the same
 * paragraph, then across the article, where the candidate with clearly more support wins.
 */
export function resolveMatches(matches: readonly NameMatch[], context: ResolveContext): Decision[] {
  const tagged = new Set(context.tagged.map(entityKey));
  const named = (targets: FormTarget[]) => targets.filter((t) => t.kind !== 'demonym');

  // How often the article points at each place without ambiguity, overall and per paragraph.
  const overall = new Map<string, number>();
  const bySegment = new Map<number | undefined, Map<string, number>>();
  const signal = (key: string, segment: number | undefined) => {
    overall.set(key, (overall.get(key) ?? 0) + 1);
    const local = bySegment.get(segment) ?? new Map<string, number>();
    local.set(key, (local.get(key) ?? 0) + 1);
    bySegment.set(segment, local);
  };
  // A place tagged in front matter points at itself (and so at the places it contains).
  for (const key of tagged) if (key.startsWith('place:')) signal(key, undefined);
  for (const m of matches) {
    const strong = named(m.targets);
    if (strong.length === 1 && strong[0]!.entity.entity === 'place') signal(entityKey(strong[0]!.entity), m.segment);
    if (strong.length === 0) for (const t of m.targets) signal(entityKey(t.entity), m.segment);
  }

  /** The one candidate with support in `counts` clearly above the others', if any. */
  const pick = (candidates: FormTarget[], counts: Map<string, number> | undefined, margin: number) => {
    if (!counts) return undefined;
    const competing = new Set(candidates.map((t) => entityKey(t.entity)));
    const support = candidates.map((t) => ({
      t,
      n:
        t.entity.entity === 'place'
          ? context.ancestors(t.entity).reduce((sum, a) => sum + (competing.has(entityKey(a)) ? 0 : (counts.get(entityKey(a)) ?? 0)), 0)
          : 0,
    }));
    support.sort((a, b) => b.n - a.n);
    const [first, second] = support;
    if (!first || first.n === 0) return undefined;
    return !second || first.n >= (second.n === 0 ? 1 : second.n * margin) ? first.t : undefined;
  };

  const introduced = new Set(tagged);
  return matches.map((match): Decision => {
    const strong = named(match.targets);
    if (strong.length === 0) {
      const places = match.targets.map((t) => t.entity);
      return { match, status: 'demonym', entity: places.length === 1 ? places[0] : undefined, candidates: places };
    }
    let chosen: FormTarget | undefined = strong.length === 1 ? strong[0] : undefined;
    if (!chosen) {
      const taggedOnes = strong.filter((t) => tagged.has(entityKey(t.entity)));
      chosen =
        taggedOnes.length === 1
          ? taggedOnes[0]
          : (pick(strong, bySegment.get(match.segment), Number.POSITIVE_INFINITY) ?? pick(strong, overall, 2));
    }
    if (!chosen) return { match, status: 'ambiguous', entity: undefined, candidates: strong.map((t) => t.entity) };
    const key = entityKey(chosen.entity);
    if (chosen.kind === 'context' && !introduced.has(key)) {
      return { match, status: 'too-early', entity: chosen.entity, candidates: [chosen.entity] };
    }
    introduced.add(key);
    return { match, status: 'mention', entity: chosen.entity, candidates: [chosen.entity] };
  });
}
