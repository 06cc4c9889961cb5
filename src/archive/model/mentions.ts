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
 * Shared names are resolved by what else the article names: a candidate place wins when a
 * place containing it is named, tagged or referred to by a demonym (طرابلس + ليبيا → Tripoli,
 * Libya); a tagged entry wins outright.
 */
export function resolveMatches(matches: readonly NameMatch[], context: ResolveContext): Decision[] {
  const tagged = new Set(context.tagged.map(entityKey));
  const named = (targets: FormTarget[]) => targets.filter((t) => t.kind !== 'demonym');

  // Places the article points at without ambiguity: tagged, named unambiguously, or by demonym.
  const placeSignals = new Set<string>([...tagged].filter((k) => k.startsWith('place:')));
  for (const m of matches) {
    const strong = named(m.targets);
    if (strong.length === 1 && strong[0]!.entity.entity === 'place') placeSignals.add(entityKey(strong[0]!.entity));
    if (strong.length === 0) for (const t of m.targets) placeSignals.add(entityKey(t.entity));
  }

  const introduced = new Set(tagged);
  return matches.map((match): Decision => {
    const strong = named(match.targets);
    if (strong.length === 0) {
      const places = match.targets.map((t) => t.entity);
      return { match, status: 'demonym', entity: places.length === 1 ? places[0] : undefined, candidates: places };
    }
    let chosen: FormTarget | undefined = strong.length === 1 ? strong[0] : undefined;
    if (!chosen) {
      const competing = new Set(strong.map((t) => entityKey(t.entity)));
      const supported = strong.filter((t) => {
        const key = entityKey(t.entity);
        if (tagged.has(key)) return true;
        if (t.entity.entity !== 'place') return false;
        return context.ancestors(t.entity).some((a) => !competing.has(entityKey(a)) && placeSignals.has(entityKey(a)));
      });
      if (supported.length === 1) chosen = supported[0];
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
