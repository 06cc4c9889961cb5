import { z } from 'zod';
import { nameList, optionalText, requiredText, wikidataId } from './fields.ts';

/**
 * The front matter of an entry of a kind the site declares in its settings
 * (`content/<kind>/<id>.md`, e.g. content/sections/politics.md): the fields every entry has.
 */
export const TermFrontMatterSchema = z.object({
  /** Display name in Arabic. */
  name: requiredText(),
  /** Name in Latin letters. */
  latin: optionalText(),
  /** Other forms of the name, for front-matter references (and the text, when the kind matches text). */
  aliases: nameList(),
  /** Forms that count as a mention only after the full name appeared (kinds that match text). */
  contextAliases: nameList(),
  /** Phrases inside which the name is not this entry (kinds that match text). */
  stopPhrases: nameList(),
  /** One line about the entry. */
  description: optionalText(),
  /** Wikidata item id. */
  wikidata: wikidataId().optional(),
});

/** A term's front matter after validation. */
export type TermFrontMatter = z.output<typeof TermFrontMatterSchema>;

/** An entry of a configured kind. */
export interface Term extends TermFrontMatter {
  /** The family of every configured kind's entries. */
  entity: 'term';
  /** The configured kind's id (its folder): `sections`. */
  taxonomy: string;
  /** The file name without `.md`. */
  id: string;
  /** Source path relative to the content folder. */
  sourcePath: string;
  /** The Markdown description rendered to HTML ('' when there is none). */
  html: string;
}
