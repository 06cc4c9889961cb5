/**
 * Deciding what each found name means in one article: which entry a shared name (طرابلس)
 * stands for, whether a context alias (المنفي) has been earned, and what is only a demonym.
 */
import { hasNisbaShape, isConstructNoun, isDefinite, isDemonstrative, isEponymHead, isFunctionWord, isHeadOf, isMeasurement, isNameLink, type HeadedKind } from '../text/words.ts';
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
  /** A context alias before the entry's full name appeared, or a name read with an article it does not have: not counted. */
  | 'too-early'
  /** The form used as an ordinary word or an adjective here: «الحضارة السورية», «قوات سورية», «البرتغالي» for «برتغالي». */
  | 'word'
  /** Part of the name of an event, prize, law or theory: «دوري أبطال أوروبا», «قانون نيوتن». */
  | 'inside-name'
  /** A form that is also a function word («علي» is folded «على») without a title, an adjacent name or an earlier mention. */
  | 'unconfirmed';

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
  // What the words around each name say it is (demonyms are adjectives anyway).
  const uses = matches.map((m) => (named(m.targets).length > 0 ? grammaticalUse(m) : undefined));

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
  matches.forEach((m, i) => {
    if (uses[i]) return;
    const strong = named(m.targets);
    if (strong.length === 1 && strong[0]!.entity.entity === 'place') signal(entityKey(strong[0]!.entity), m.segment);
    if (strong.length === 0) for (const t of m.targets) signal(entityKey(t.entity), m.segment);
  });

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
  // The words of the multi-word names mentioned so far: «راؤول غونزاليس» makes a later «راؤول» a
  // name, «ريال مدريد» a later «الريال» (the word with the article).
  const namedWords = new Set<string>();
  return matches.map((match, i): Decision => {
    const strong = named(match.targets);
    const use = uses[i];
    if (use) return { match, status: use, entity: strong.length === 1 ? strong[0]!.entity : undefined, candidates: strong.map((t) => t.entity) };
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
    // A form that is also a word needs more: a context alias, a function word, a name read
    // with an article it does not have count after an earlier mention, a title or a name beside them.
    const weak = chosen.kind === 'context' || match.proclitic.endsWith('ال') ? 'too-early' : match.form.functionWord ? 'unconfirmed' : undefined;
    if (weak) {
      const beside = namedBeside(match, matches);
      const word = match.form.tokens.length === 1 ? match.form.tokens[0]! : undefined;
      const earlier = introduced.has(key) || (word !== undefined && (namedWords.has(word) || (word.startsWith('ال') && namedWords.has(word.slice(2)))));
      if (!beside && !earlier) return { match, status: weak, entity: chosen.entity, candidates: [chosen.entity] };
      // Quoted on its own, such a word is a word being quoted («إنه "سعيد"», «لقب " ريال "»).
      if (!beside && match.context.quoted && match.form.tokens.length === 1) return { match, status: 'word', entity: chosen.entity, candidates: [chosen.entity] };
    }
    introduced.add(key);
    if (match.form.tokens.length > 1) for (const word of match.form.tokens) namedWords.add(word);
    return { match, status: 'mention', entity: chosen.entity, candidates: [chosen.entity] };
  });
}

/** The kinds among a match's entries that have titles or head nouns of their own. */
function headedKinds(targets: readonly FormTarget[]): HeadedKind[] {
  const kinds = new Set<HeadedKind>();
  for (const t of targets) if (t.entity.entity !== 'term') kinds.add(t.entity.entity);
  return [...kinds];
}

/**
 * Where the words around a match show it is not a name here. A name governed by the head of
 * an event, prize, law or theory («كأس ملك إسبانيا», «لقوانين نيوتن») is part of that name. One
 * word read with an article it does not have is the ordinary word when it has the shape of an
 * adjective of relation or is a function word («السورية» for «سورية»). After a noun it agrees
 * with, a one-word form is an adjective: definite after definite («الحضارة السورية», «الجناح
 * المتوسط»), a feminine or plural noun before an indefinite nisba («قوات سورية»), unless that
 * noun is a title or head of the entry's kind («الرئيس السيسي», «النادي الأهلي») or itself an
 * adjective («المجلس الرئاسي الليبي المنفي»). After a demonstrative a definite word is a common
 * noun («هذه الإمارات»). Prepositions, «و», the start of a sentence: nothing changes.
 */
export function grammaticalUse(match: NameMatch): 'word' | 'inside-name' | undefined {
  const { before } = match.context;
  if (before[0] !== undefined && (isEponymHead(before[0]) || (isConstructNoun(before[0]) && before[1] !== undefined && isEponymHead(before[1])))) return 'inside-name';
  // A name that begins a short quoted title is part of it: «" مايكروسوفت وورد "», «صحيفة "نيويورك تايمز"».
  if (match.context.opensTitle) return 'inside-name';
  if (match.form.tokens.length !== 1) return undefined;
  // Before a quantity, a word is what is measured: «بقطر 16 مترا» is a diameter, not Qatar.
  if (isMeasurement(match.context.after)) return 'word';
  const articleAdded = match.proclitic.endsWith('ال');
  if (articleAdded && (hasNisbaShape(`ال${match.form.tokens[0]}`) || match.form.functionWord)) return 'word';
  const previous = before[0];
  if (previous === undefined) return undefined;
  const definite = match.form.definite || articleAdded;
  if (definite && isDemonstrative(previous)) return 'word';
  if (isFunctionWord(previous)) return undefined;
  // A proclitic on the name («وسورية», «بالجزائر») makes it the head of its own phrase.
  if (match.proclitic !== '' && !articleAdded) return undefined;
  if (headedKinds(match.targets).some((kind) => isHeadOf(kind, previous))) return undefined;
  // A person after a definite noun is an adjective only in the singular shape of one
  // («الفكر النازي»); a plural («العلماء المسلمين») names the group.
  const personLike = match.targets.every((t) => t.entity.entity === 'person');
  const adjectiveShaped = !personLike || (match.form.nisba && /(ي|يه)$/.test(match.form.tokens[0]!)) || articleAdded;
  if (definite && isDefinite(previous) && !hasNisbaShape(previous) && adjectiveShaped) return 'word';
  if (!definite && match.form.nisba && match.context.beforeIsFeminine && !isDefinite(previous)) return 'word';
  // The adjective of a registered place or group after any indefinite noun: «لاعب برتغالي», «ملك صليبي».
  if (!definite && match.form.relationAdjective && !isDefinite(previous)) return 'word';
  return undefined;
}

/**
 * Is there a title or head noun before the match, a word that ties names («الإمام علي», «علي
 * بن»), or — for a person, unless the form is a function word — another person's name right
 * beside it (a given name and a surname registered apart: «أحمد غريب»)?
 */
function namedBeside(match: NameMatch, neighbours: readonly NameMatch[]): boolean {
  const { before, after } = match.context;
  const kinds = headedKinds(match.targets);
  if (before.slice(0, 2).some((w) => kinds.some((kind) => isHeadOf(kind, w)))) return true;
  if ((before[0] !== undefined && isNameLink(before[0])) || (after[0] !== undefined && isNameLink(after[0]))) return true;
  if (match.form.functionWord || !kinds.includes('person')) return false;
  const isPerson = (n: NameMatch) => n.targets.some((t) => t.kind !== 'demonym' && t.entity.entity === 'person');
  return neighbours.some(
    (n) =>
      n !== match &&
      n.segment === match.segment &&
      isPerson(n) &&
      ((n.word + n.words === match.word && before.length > 0) || (match.word + match.words === n.word && after.length > 0)),
  );
}
