import { z } from 'zod';
import { nameList, optionalText, requiredText, wikidataId } from './fields.ts';

/** The front matter of `content/people/<id>.md`. */
export const PersonFrontMatterSchema = z.object({
  /** Display name in Arabic. */
  name: requiredText(),
  /** Name in Latin letters, shown isolated left-to-right. */
  latin: optionalText(),
  /** Other forms of the name, for front-matter references and text matching. */
  aliases: nameList(),
  /** Forms that count as a mention only after the full name appeared (a bare surname that is also a word). */
  contextAliases: nameList(),
  /** Phrases inside which the name is not this entry (اتحاد المغرب العربي for المغرب). */
  stopPhrases: nameList(),
  /** One line about the person. */
  description: optionalText(),
  /** Wikidata item id, e.g. Q123. */
  wikidata: wikidataId().optional(),
});

/** A person's front matter after validation. */
export type PersonFrontMatter = z.output<typeof PersonFrontMatterSchema>;

/** A person in the registry. */
export interface Person extends PersonFrontMatter {
  /** Which registry the entry belongs to. */
  entity: 'person';
  /** The file name without `.md`: URL segment and reference. */
  id: string;
  /** Source path relative to the content folder. */
  sourcePath: string;
  /** The Markdown biography rendered to HTML ('' when there is none). */
  html: string;
}
