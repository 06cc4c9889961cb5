/**
 * Registry forms that are also words of the language, for the checker: each such form once,
 * with what the build requires before it links it. The build knows two kinds by itself (see
 * src/archive/model/mentions.ts): function words («علي» is folded «على») and adjectives of
 * relation («سورية», «الصليبي»). A third comes from how the archive itself uses a form: when
 * the articles use it unlinked, as an ordinary word, at least as often as they link it, the
 * editor should know («سعيد»: make it a context alias).
 */
import { MentionIndex, formShape } from '../model/mention-index.ts';
import { resolveMatches } from '../model/mentions.ts';
import type { Entity } from '../model/registry.ts';
import { foldArabic } from '../text/arabic.ts';
import { tokenize } from '../text/tokens.ts';

/** Why a form is also a word. */
export type CommonWordKind = 'function-word' | 'adjective' | 'used-as-word';

/** A registry form that is also a word, and what linking it takes. */
export interface CommonForm {
  form: string;
  entity: Entity;
  kind: CommonWordKind;
  /** For `used-as-word`: how often the articles use it unlinked as a word, and how often they link it. */
  unlinked?: number;
  linked?: number;
}

/** What the build requires of each kind of form, in the checker's words. */
export const REQUIREMENT: Record<CommonWordKind, string> = {
  'function-word': 'linked only after the full name, a title or an adjacent name',
  adjective: 'not linked where it is an adjective: after a noun it agrees with («قوات سورية», «الحضارة السورية»), or with an article it does not have',
  'used-as-word': 'the build links it wherever the words around it do not show a word',
};

/** The same, in Arabic. */
export const REQUIREMENT_AR: Record<CommonWordKind, string> = {
  'function-word': 'لا يُربط إلا بعد الاسم الكامل أو لقب أو اسم مجاور',
  adjective: 'لا يُربط حيث هو صفة: بعد اسم يطابقه («قوات سورية»، «الحضارة السورية»)، أو بأداة تعريف ليست في الاسم',
  'used-as-word': 'يربطه البناء حيث لا تدل الكلمات حوله على أنه كلمة عادية',
};

/** The forms an entry is matched by. */
function formsOf(entity: Entity): string[] {
  return [entity.name, ...entity.aliases, ...entity.contextAliases];
}

/**
 * Every registry form that is also a word, once (the first entry that has it), in registry
 * order. `entities` are those whose names the build looks for in the text; `bodies` are the
 * articles' texts, for the forms the archive uses as ordinary words.
 */
export function commonWordForms(entities: readonly Entity[], bodies: readonly string[], stopPhrases: readonly string[] = []): CommonForm[] {
  const found: CommonForm[] = [];
  const seen = new Set<string>();
  const contextOnly = new Set<string>();
  for (const entity of entities) {
    for (const form of formsOf(entity)) {
      const folded = foldArabic(form);
      if (seen.has(folded)) continue;
      const tokens = tokenize(form).map((t) => t.folded);
      if (tokens.length === 0) continue;
      seen.add(folded);
      // A context alias is one the editor already said is also a word.
      if (entity.contextAliases.includes(form)) {
        contextOnly.add(folded);
        continue;
      }
      const shape = formShape(tokens);
      if (shape.functionWord) found.push({ form, entity, kind: 'function-word' });
      else if (shape.nisba) found.push({ form, entity, kind: 'adjective' });
    }
  }

  // How the articles use each one-word form: linked, or left unlinked as a word.
  const index = new MentionIndex(entities, stopPhrases);
  const uses = new Map<string, { form: string; entity: Entity; linked: number; unlinked: number }>();
  for (const body of bodies) {
    const matches = index.findNames(body);
    resolveMatches(matches, { tagged: [], ancestors: () => [] }).forEach((decision) => {
      const { match } = decision;
      if (match.form.tokens.length !== 1 || !decision.entity) return;
      const key = match.form.tokens[0]!;
      const entry = uses.get(key) ?? { form: body.slice(match.start, match.end), entity: decision.entity, linked: 0, unlinked: 0 };
      if (decision.status === 'mention') entry.linked++;
      else if (decision.status === 'word' || decision.status === 'unconfirmed' || decision.status === 'too-early') entry.unlinked++;
      uses.set(key, entry);
    });
  }
  const listed = new Set(found.map((f) => foldArabic(f.form)));
  for (const [key, use] of uses) {
    if (listed.has(key) || contextOnly.has(key) || use.unlinked === 0 || use.unlinked < use.linked) continue;
    const form = formsOf(use.entity).find((f) => foldArabic(f) === key) ?? use.form;
    found.push({ form, entity: use.entity, kind: 'used-as-word', unlinked: use.unlinked, linked: use.linked });
  }
  return found;
}
