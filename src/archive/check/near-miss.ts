/**
 * Near-miss spellings of registry names: a word one letter away from a one-word name or alias
 * of five or more letters («الحزائر» for «الجزائر»), the kind of slip a dot or a hamza makes.
 * Only a substitution counts: adding or dropping a letter turns names into ordinary words
 * (الجزائر → الجزائري) far too often. Words inside longer names are not compared: they are
 * often common words («الدين» in «نور الدين», one letter from «البلدين»).
 */
import { demonymsOf, type Entity } from '../model/registry.ts';
import { readings, tokenize } from '../text/tokens.ts';

/** A word that looks like a misspelt registry name. */
export interface NearMiss {
  /** Offset of the word in the text. */
  start: number;
  end: number;
  /** The registry form it is close to, as written in the registry. */
  form: string;
  entity: Entity;
}

/** Is `a` exactly one substituted letter away from `b`? */
function oneSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length && differences < 2; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}

/** Finds near misses of registry names in a text; words that are themselves registry forms are not. */
export class NearMissFinder {
  readonly #words: { folded: string; form: string; entity: Entity }[] = [];
  readonly #known = new Set<string>();

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      const forms = [entity.name, ...entity.aliases, ...entity.contextAliases, ...demonymsOf(entity)];
      for (const form of forms) {
        const tokens = tokenize(form);
        for (const token of tokens) this.#known.add(token.folded);
        const only = tokens.length === 1 ? tokens[0]! : undefined;
        if (only && [...only.folded].length >= 5) this.#words.push({ folded: only.folded, form, entity });
      }
    }
  }

  /** Every near miss in a text. */
  find(text: string): NearMiss[] {
    const found: NearMiss[] = [];
    for (const token of tokenize(text)) {
      // The word as written or without a proclitic; not with «ال» taken off (البلدين → بلدين).
      const stems = readings(token.folded)
        .filter((r) => !r.proclitic.endsWith('ال'))
        .map((r) => r.stem);
      if (stems.some((s) => this.#known.has(s))) continue;
      const hit = this.#words.find((w) => stems.some((s) => oneSubstitution(s, w.folded)));
      if (hit) found.push({ start: token.start, end: token.end, form: hit.form, entity: hit.entity });
    }
    return found;
  }
}
