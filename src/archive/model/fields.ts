import { z } from 'zod';

/** A required line of text: trimmed, not empty. */
export const requiredText = () => z.string().trim().min(1);

/** An optional line of text; an empty value counts as absent. */
export const optionalText = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** A list of names (aliases, demonyms, references). A single string is accepted as a list of one. */
export const nameList = () =>
  // Preprocess rather than a union, so a bad item is reported at its own line (people[1]).
  z.preprocess((v) => (v === undefined || v === null ? [] : typeof v === 'string' ? [v] : v), z.array(z.string().trim().min(1)));

/** An absolute http(s) URL, normalised (quotes, spaces and Arabic percent-encoded) for attributes and feeds. */
export const httpUrl = () => z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).transform((v) => new URL(v).href);

/** A Wikidata item id such as Q123. */
export const wikidataId = () => z.string().regex(/^Q[1-9]\d*$/, 'a Wikidata id is Q followed by digits, e.g. Q123');
