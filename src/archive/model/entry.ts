import { z } from 'zod';
import { nameList, optionalText, requiredText, wikidataId } from './fields.ts';
import { LeadImageSchema, type LeadImage } from './lead-image.ts';
import type { PublishedImage } from '../media/published-image.ts';

/**
 * The front-matter fields every registry entry has, whatever its kind: a person's are exactly
 * these; places and organisations add theirs (src/archive/model/place.ts, organisation.ts).
 */
export const entryFields = {
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
  /** One line about the entry. */
  description: optionalText(),
  /** Wikidata item id, e.g. Q123. */
  wikidata: wikidataId().optional(),
  /** A portrait, or a photo of the place, beside the entry's file or in content/media/. */
  image: LeadImageSchema.optional(),
};

/** The front matter of an entry with the common fields only. */
export const EntryFrontMatterSchema = z.object(entryFields);

/** What the build adds to every entry it reads. */
export interface EntryFile {
  /** The file name without `.md`: URL segment and reference. */
  id: string;
  /** Source path relative to the content folder. */
  sourcePath: string;
  /** The Markdown body (biography, description) rendered to HTML ('' when there is none). */
  html: string;
  /** Its picture, read (the front matter's `image`). */
  image?: LeadImage | undefined;
  /** The figures of its body (a biography's pictures), for the media stage. */
  figures?: PublishedImage[];
}
