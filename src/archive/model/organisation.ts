import { z } from 'zod';
import { nameList, optionalText, requiredText, wikidataId } from './fields.ts';

/** What kind of organisation an entry is. */
export const ORGANISATION_KINDS = ['government', 'ministry', 'parliament', 'party', 'agency', 'military', 'company', 'media', 'club', 'international', 'other'] as const;

/** The front matter of `content/organisations/<id>.md`: a person's fields, plus what it is, where and under whom. */
export const OrganisationFrontMatterSchema = z.object({
  /** Display name in Arabic. */
  name: requiredText(),
  /** Name in Latin letters. */
  latin: optionalText(),
  /** What kind of organisation it is. */
  kind: z.enum(ORGANISATION_KINDS).default('other'),
  /** Id of the place (a country) it belongs to. */
  country: optionalText(),
  /** Id of the organisation it is part of (a ministry → its government). */
  parent: optionalText(),
  /** Other forms of the name. */
  aliases: nameList(),
  /** Forms that count as a mention only after the full name appeared («الرئاسي»). */
  contextAliases: nameList(),
  /** Phrases inside which the name is not this entry. */
  stopPhrases: nameList(),
  /** One line about the organisation. */
  description: optionalText(),
  /** Wikidata item id. */
  wikidata: wikidataId().optional(),
});

/** An organisation's front matter after validation. */
export type OrganisationFrontMatter = z.output<typeof OrganisationFrontMatterSchema>;

/** An organisation in the registry. */
export interface Organisation extends OrganisationFrontMatter {
  /** Which family the entry belongs to. */
  entity: 'organisation';
  /** The file name without `.md`. */
  id: string;
  /** Source path relative to the content folder. */
  sourcePath: string;
  /** The Markdown description rendered to HTML ('' when there is none). */
  html: string;
}
