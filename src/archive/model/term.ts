import type { z } from 'zod';
import { EntryFrontMatterSchema, type EntryFile } from './entry.ts';

/**
 * The front matter of an entry of a kind the site declares in its settings
 * (`content/<kind>/<id>.md`, e.g. content/sections/politics.md): the fields every entry has.
 */
export const TermFrontMatterSchema = EntryFrontMatterSchema;

/** A term's front matter after validation. */
export type TermFrontMatter = z.output<typeof TermFrontMatterSchema>;

/** An entry of a configured kind. */
export interface Term extends Omit<TermFrontMatter, 'image'>, EntryFile {
  /** The family of every configured kind's entries. */
  entity: 'term';
  /** The configured kind's id (its folder): `sections`. */
  taxonomy: string;
}
