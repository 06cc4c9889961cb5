import { z } from 'zod';
import type { EntryFile } from './entry.ts';
import { nameList, optionalText, requiredText, wikidataId } from './fields.ts';
import { LeadImageSchema } from './lead-image.ts';

/** What kind of place an entry is. */
export const PLACE_KINDS = ['country', 'region', 'city', 'town', 'crossing', 'other'] as const;

/** The front matter of `content/places/<id>.md`: the fields every entry has (src/archive/model/entry.ts), in the order editors know, and a place's own. */
export const PlaceFrontMatterSchema = z.object({
  /** Display name in Arabic. */
  name: requiredText(),
  /** Name in Latin letters. */
  latin: optionalText(),
  /** What kind of place it is. */
  kind: z.enum(PLACE_KINDS).default('other'),
  /** Id of the place that contains it (a city within its country). */
  within: optionalText(),
  /** `[latitude, longitude]` in degrees. */
  coordinates: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]).optional(),
  /** Other forms of the name. */
  aliases: nameList(),
  /** Forms that count as a mention only after the full name appeared. */
  contextAliases: nameList(),
  /** Phrases inside which the name is not this entry (اتحاد المغرب العربي for المغرب). */
  stopPhrases: nameList(),
  /** Adjective forms (ليبي، ليبية), for later mention detection. */
  demonyms: nameList(),
  /** One line about the place. */
  description: optionalText(),
  /** Wikidata item id. */
  wikidata: wikidataId().optional(),
  /** A photo of the place, beside its file or in content/media/. */
  image: LeadImageSchema.optional(),
});

/** A place's front matter after validation. */
export type PlaceFrontMatter = z.output<typeof PlaceFrontMatterSchema>;

/** A place in the registry. */
export interface Place extends Omit<PlaceFrontMatter, 'image'>, EntryFile {
  /** Which family the entry belongs to. */
  entity: 'place';
}
