/**
 * A picture as the site publishes it: the source file in `content/` (by its digest, format and
 * size), and the files made from it: a few widths, each as AVIF, WebP and a JPEG (or PNG)
 * fallback. Everything here is a pure function of the source's digest and size, so an article's
 * HTML can name the files when it is parsed, before any of them is encoded (the media stage,
 * src/archive/media/media-store.ts, makes them), and a changed photo gets new names: the files
 * can be cached for ever.
 */
import { digest } from '../cache/digest.ts';
import type { ImageFormat } from './image-file.ts';

/** Where the files made from pictures are published (and cached for ever: their names change with them). */
export const MEDIA_OUTPUT = '_media';

/**
 * How the files are made: part of every name, so changing a width, a format or a quality here
 * names new files. (Bump `version` when the encoder's settings in media-store.ts change.)
 */
export const ENCODING = {
  version: 2,
  widths: [400, 800, 1200, 1600],
  // The efforts are chosen for an archive of 100,000 photos (measured on a 1600-pixel photo,
  // RESULTS.md "Issue 14: photos in the benchmark"): AVIF at effort 1 makes files the size effort 2 makes
  // in half the time; WebP at effort 2 and mozjpeg without trellis quantisation cost a fifth of
  // their defaults for files a few per cent larger. Together about half the encoding time.
  avif: { quality: 52, effort: 1 },
  webp: { quality: 76, effort: 2 },
  jpeg: { quality: 80, mozjpeg: true, trellisQuantisation: false },
  png: { compressionLevel: 9, palette: false },
} as const;

/** A source picture: what parsing knows of it. */
export interface PublishedImage {
  /** Its path in the content folder (`articles/2021/04/tripoli-meeting.jpg`, `media/…`). */
  source: string;
  /** A digest of its bytes. */
  digest: string;
  format: ImageFormat;
  /** Its size as readers see it (after the camera's orientation is applied). */
  width: number;
  height: number;
}

/** The encoded formats, best first. */
export type VariantFormat = 'avif' | 'webp' | 'jpeg' | 'png';

/** One file made from a picture. */
export interface ImageVariant {
  /** Relative to the output root: `_media/<key>-<width>.<ext>`. */
  file: string;
  format: VariantFormat;
  width: number;
  height: number;
}

const EXTENSION: Record<VariantFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };
export const MIME: Record<VariantFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };

/** The format browsers without AVIF or WebP get: JPEG for photos, PNG for what may be transparent or drawn. */
export function fallbackFormat(image: Pick<PublishedImage, 'format'>): 'jpeg' | 'png' {
  return image.format === 'jpeg' ? 'jpeg' : 'png';
}

/**
 * The widths made of a picture: the standard ones it is at least as wide as (a drawing scales to
 * all), and its own width when that is well beyond the widest of them (a 1024-pixel photo from
 * an older article is not served at 800 only), or its own width alone when it is narrower.
 */
export function widthsOf(image: Pick<PublishedImage, 'format' | 'width'>): number[] {
  if (image.format === 'svg') return [...ENCODING.widths];
  const fitting = ENCODING.widths.filter((w) => w <= image.width);
  const widest = fitting.at(-1);
  if (widest === undefined) return [image.width];
  return widest < ENCODING.widths.at(-1)! && image.width > widest * 1.2 ? [...fitting, image.width] : fitting;
}

const SETTINGS = JSON.stringify(ENCODING);
/** Names already made this build: the plan, the media stage and every page that shows a picture ask. */
const keys = new Map<string, string>();

/** The name shared by a picture's files: its digest and the encoding settings. */
function keyOf(image: Pick<PublishedImage, 'digest'>): string {
  let key = keys.get(image.digest);
  if (key === undefined) keys.set(image.digest, (key = digest(`${image.digest} ${SETTINGS}`).slice(0, 12).replace(/[-_]/g, 'x')));
  return key;
}

/** Every file made from a picture, by width (narrowest first), each in AVIF, WebP and the fallback. */
export function variantsOf(image: PublishedImage): ImageVariant[] {
  const key = keyOf(image);
  return widthsOf(image).flatMap((width) => {
    const height = Math.max(1, Math.round((width * image.height) / image.width));
    return (['avif', 'webp', fallbackFormat(image)] as const).map((format) => ({ file: `${MEDIA_OUTPUT}/${key}-${width}.${EXTENSION[format]}`, format, width, height }));
  });
}

/** The widest fallback file no wider than `width` (for sharing cards and feeds, which take one file). */
export function fallbackNear(image: PublishedImage, width: number): ImageVariant {
  const fallbacks = variantsOf(image).filter((v) => v.format === fallbackFormat(image));
  return fallbacks.filter((v) => v.width <= width).at(-1) ?? fallbacks[0]!;
}
