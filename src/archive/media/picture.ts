/**
 * The markup of a picture, one function for the article's lead photo (the layout) and the
 * figures of its body (rehype-pictures.ts): `<picture>` with AVIF and WebP sources and the
 * fallback `<img>`, every file at every width in `srcset`, `width`/`height` so nothing moves
 * as it loads, lazy below the fold, and a `<figure>` with the caption and the credit.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { href } from '../urls.ts';
import type { LeadImage } from '../model/lead-image.ts';
import { fallbackFormat, fallbackNear, MIME, variantsOf, type PublishedImage, type VariantFormat } from './published-image.ts';

/** How wide the picture is shown: the article's column (42rem of 18px) on wide screens, the screen below. */
export const ARTICLE_SIZES = '(min-width: 800px) 756px, 100vw';

/** How a picture is shown. */
export interface PictureOptions {
  alt: string;
  /** The site's base path, for the files' URLs. */
  base: string;
  sizes?: string;
  /** The lead photo: fetched first (`fetchpriority="high"`), never lazily, decoded as soon as it arrives. */
  priority?: boolean;
}

/** `<picture>`: a source per better format, and the fallback image. */
export function pictureElement(image: PublishedImage, options: PictureOptions): Element {
  const variants = variantsOf(image);
  const srcset = (format: VariantFormat) =>
    variants
      .filter((v) => v.format === format)
      .map((v) => `${href(options.base, `/${v.file}`)} ${v.width}w`)
      .join(', ');
  const fallback = fallbackFormat(image);
  const largest = variants.filter((v) => v.format === fallback).at(-1)!;
  const sizes = options.sizes ?? ARTICLE_SIZES;
  const source = (format: VariantFormat): Element => ({ type: 'element', tagName: 'source', properties: { type: MIME[format], srcSet: srcset(format), sizes }, children: [] });
  const img: Element = {
    type: 'element',
    tagName: 'img',
    properties: {
      src: href(options.base, `/${largest.file}`),
      srcSet: srcset(fallback),
      sizes,
      alt: options.alt,
      width: largest.width,
      height: largest.height,
      // The lead photo is painted as soon as it is decoded (it is the largest thing on the page);
      // the others are decoded off the main thread, when they are scrolled to.
      ...(options.priority ? { fetchPriority: 'high' } : { decoding: 'async', loading: 'lazy' }),
    },
    children: [],
  };
  return { type: 'element', tagName: 'picture', properties: {}, children: [source('avif'), source('webp'), img] };
}

/** The words a credit starts with when it says what it is: «تصوير: …», «المصدر: …», «رسم: …». */
const CREDIT_WORDS = '(?:تصوير|المصدر|مصدر الصورة|الصورة|صورة|رسم|خريطة)\\s*[:：]';
const SAYS_WHAT = new RegExp(`^${CREDIT_WORDS}`);

/** A credit as shown: as written when it says what it is, else a photographer's («تصوير: …»). */
export function creditLine(credit: string): string {
  const text = credit.trim();
  return SAYS_WHAT.test(text) ? text : `تصوير: ${text}`;
}

/** `<figure>`: the picture, and under it the caption and the credit when there are any. */
export function figureElement(image: PublishedImage, options: PictureOptions & { caption?: ElementContent[] | string | undefined; credit?: string | undefined; className?: string }): Element {
  const caption: ElementContent[] = typeof options.caption === 'string' ? [{ type: 'text', value: options.caption }] : (options.caption ?? []);
  const lines: ElementContent[] = [];
  if (caption.length > 0) lines.push({ type: 'element', tagName: 'span', properties: { className: ['figure-caption'] }, children: caption });
  if (options.credit) lines.push({ type: 'element', tagName: 'span', properties: { className: ['figure-credit'] }, children: [{ type: 'text', value: creditLine(options.credit) }] });
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: options.className ? [options.className] : [] },
    children: [pictureElement(image, options), ...(lines.length > 0 ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: lines } satisfies Element] : [])],
  };
}

/** The one file sharing cards, JSON-LD and feeds take of a photo: the fallback format, about 1200 pixels across. */
export function sharedFile(photo: LeadImage): { path: string; width: number; height: number; type: string; alt: string } {
  const file = fallbackNear(photo.image, 1200);
  return { path: `/${file.file}`, width: file.width, height: file.height, type: MIME[file.format], alt: photo.alt };
}

/** How wide an entry's picture is drawn beside its name: 12rem on wide screens, 8rem on narrow ones. */
export const ENTRY_PICTURE_SIZES = '(min-width: 640px) 216px, 144px';

/** How wide a list's thumbnail is drawn (7rem of 18px): the narrowest file is plenty. */
export const THUMBNAIL_SIZES = '126px';

/** A list's thumbnail as HTML: decorative (the card's title says what the article is), lazy. */
export function thumbnailHtml(image: PublishedImage, base: string): string {
  return toHtml(pictureElement(image, { alt: '', base, sizes: THUMBNAIL_SIZES }));
}

/** The same as HTML (for the layouts). */
export function figureHtml(...args: Parameters<typeof figureElement>): string {
  return toHtml(figureElement(...args));
}

/**
 * A body figure's title split into caption and credit: `"الوفدان في طرابلس — تصوير: فلان"`.
 * The credit is what follows the last « — » (or « - ») when it says what it is.
 */
export function splitTitle(title: string | undefined | null): { caption: string | undefined; credit: string | undefined } {
  const text = (title ?? '').trim();
  if (SAYS_WHAT.test(text)) return { caption: undefined, credit: text };
  const match = new RegExp(`^(.*?)\\s+[—–-]\\s+(${CREDIT_WORDS}.+)$`).exec(text);
  if (!match) return { caption: text || undefined, credit: undefined };
  return { caption: match[1]!.trim() || undefined, credit: match[2]!.trim() };
}
