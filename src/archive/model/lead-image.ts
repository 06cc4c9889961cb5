/**
 * A photo with its words, as editors write it (content-format.md): an article's lead photo,
 * and the portrait or picture of a registry entry.
 */
import { z } from 'zod';
import { optionalText, requiredText } from './fields.ts';
import type { PublishedImage } from '../media/published-image.ts';

/** Where the interest of a photo is, for crops (thumbnails): `object-position` of CSS. */
export const FOCUS_VALUES = ['center', 'top', 'bottom', 'left', 'right'] as const;

/** The photo as editors write it under `image:`. */
export const LeadImageSchema = z
  .object({
    /** Beside the article (`./photo.jpg`) or in the shared folder (`/media/…`). */
    src: requiredText(),
    /** What it shows, for readers who cannot see it: required. */
    alt: requiredText(),
    /** Shown under it. */
    caption: optionalText(),
    /** The photographer or agency: «تصوير: …» unless it says what it is («المصدر: …»). */
    credit: optionalText(),
    focus: z.enum(FOCUS_VALUES).optional(),
  })
  .strict();

/** A photo as published: an article's lead photo, an entry's portrait or picture. */
export interface LeadImage {
  image: PublishedImage;
  alt: string;
  caption: string | undefined;
  credit: string | undefined;
  focus: (typeof FOCUS_VALUES)[number] | undefined;
}
