import { z } from 'zod';
import { entryFields, type EntryFile } from './entry.ts';
import { optionalText } from './fields.ts';

/** What kind of organisation an entry is. */
export const ORGANISATION_KINDS = ['government', 'ministry', 'parliament', 'party', 'agency', 'military', 'company', 'media', 'club', 'international', 'other'] as const;

/** The front matter of `content/organisations/<id>.md`: the common fields, plus what it is, where and under whom. */
export const OrganisationFrontMatterSchema = z.object({
  ...entryFields,
  /** What kind of organisation it is. */
  kind: z.enum(ORGANISATION_KINDS).default('other'),
  /** Id of the place (a country) it belongs to. */
  country: optionalText(),
  /** Id of the organisation it is part of (a ministry → its government). */
  parent: optionalText(),
});

/** An organisation's front matter after validation. */
export type OrganisationFrontMatter = z.output<typeof OrganisationFrontMatterSchema>;

/** An organisation in the registry. */
export interface Organisation extends Omit<OrganisationFrontMatter, 'image'>, EntryFile {
  /** Which family the entry belongs to. */
  entity: 'organisation';
}
