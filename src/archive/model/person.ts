import type { z } from 'zod';
import { EntryFrontMatterSchema, type EntryFile } from './entry.ts';

/** The front matter of `content/people/<id>.md`: the fields every entry has. */
export const PersonFrontMatterSchema = EntryFrontMatterSchema;

/** A person's front matter after validation. */
export type PersonFrontMatter = z.output<typeof PersonFrontMatterSchema>;

/** A person in the registry. */
export interface Person extends Omit<PersonFrontMatter, 'image'>, EntryFile {
  /** Which family the entry belongs to. */
  entity: 'person';
}
