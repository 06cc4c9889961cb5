/**
 * What an image file is, before anything is made from it: its format and size, read by sharp
 * (libvips), or why it cannot be published (content-format.md; issue 14). Formats are judged
 * by their bytes, never by the file name. The whole image is decoded, so a truncated or
 * corrupt file is refused here, located, and not halfway through encoding.
 *
 * An SVG is refused when it holds script, event handlers, embedded documents or references
 * to other files or sites: it would run or fetch something in the reader's browser. (It is
 * published as pictures made from it, so even what this misses never reaches a page as SVG.)
 */
import sharp, { type Metadata } from 'sharp';
import { SaxesParser } from 'saxes';

/** The largest image file accepted: larger ones are originals that should be exported for the web first. */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

/** The most pixels accepted (a 10,000 × 10,000 picture): decoding more costs too much memory. */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** The formats accepted, by what their bytes are. */
export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'gif', 'svg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** What an image file is, or why it is refused. */
/** Why a picture cannot be published, and what to do, in English and in Arabic. */
export interface ImageRefusal {
  ok: false;
  problem: string;
  fix: string;
  ar: { problem: string; fix: string };
}

export type ImageInspection = { ok: true; format: ImageFormat; width: number; height: number } | ImageRefusal;

/** Elements of an SVG that run or embed something. */
const ACTIVE_SVG_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener', 'audio', 'video']);

/** Raster pictures an SVG may carry inside itself. */
const EMBEDDED_PICTURE = /^data:image\/(?:png|jpeg|gif|webp);base64,/i;

/** What in an SVG's markup would run or fetch something, or undefined when nothing does. */
export function activeSvgContent(svg: string): string | undefined {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let found: string | undefined;
  const at = () => `line ${parser.line}`;
  parser.on('error', (e) => {
    found ??= `it is not well-formed XML (${e.message})`;
  });
  parser.on('doctype', (doctype) => {
    // An internal subset can declare entities (an "entity bomb"), or load other files.
    if (doctype.includes('[') || /\bSYSTEM\b/.test(doctype)) found ??= `its DOCTYPE declares entities or loads a file (${at()})`;
  });
  parser.on('opentag', (tag) => {
    const name = tag.name.toLowerCase().replace(/^[^:]*:/, '');
    if (ACTIVE_SVG_ELEMENTS.has(name)) found ??= `it has a <${tag.name}> element (${at()})`;
    for (const [attribute, value] of Object.entries(tag.attributes as Record<string, string>)) {
      const local = attribute.toLowerCase().replace(/^[^:]*:/, '');
      if (local.startsWith('on')) found ??= `its <${tag.name}> has an event handler, ${attribute} (${at()})`;
      if ((local === 'href' || local === 'src') && !value.trim().startsWith('#') && !EMBEDDED_PICTURE.test(value.trim())) {
        found ??= `its <${tag.name}> refers to another file or site, ${attribute}="${value.slice(0, 60)}" (${at()})`;
      }
      if (local === 'style' && /url\(\s*['"]?(?!#)/i.test(value)) found ??= `its <${tag.name}> style loads another file or site (${at()})`;
    }
  });
  parser.on('text', (text) => {
    // A <style> element's @import or url() would fetch another file when the SVG is shown.
    if (/@import|url\(\s*['"]?(?!#|data:image\/)/i.test(text)) found ??= `its style sheet loads another file or site (${at()})`;
  });
  try {
    parser.write(svg).close();
  } catch (error) {
    found ??= `it is not well-formed XML (${error instanceof Error ? error.message : String(error)})`;
  }
  return found;
}

/** Does this file start like an SVG document (an XML declaration, a comment or `<svg`)? */
export function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return /^<(?:\?xml|!--|!DOCTYPE svg|svg[\s>])/i.test(head) && /<svg[\s>]/i.test(bytes.subarray(0, 4096).toString('utf8'));
}

/** The refusal of an image that its header passes but its pixels do not. */
export function damagedImage(error: unknown): ImageRefusal {
  return {
    ok: false,
    problem: `the image is damaged or cut short (${reason(error)})`,
    fix: 'save the picture again from the original, or replace the file',
    ar: { problem: `الصورة تالفة أو ناقصة (${reason(error)})`, fix: 'احفظ الصورة مجددا من أصلها، أو ضع ملفا غيرها' },
  };
}

/**
 * Inspects an image file's bytes: what it is, or why it cannot be published. With `decode:
 * false` only the header is read; the caller then decodes the pixels itself (the media stage
 * does, once for all the files it makes) and refuses a failure with `damagedImage`.
 */
export async function inspectImage(bytes: Buffer, { decode = true }: { decode?: boolean } = {}): Promise<ImageInspection> {
  if (bytes.length === 0) return { ok: false, problem: 'the image file is empty', fix: 'save the picture again, or replace the file', ar: { problem: 'ملف الصورة فارغ', fix: 'احفظ الصورة مجددا، أو ضع ملفا غيرها' } };
  if (bytes.length > MAX_IMAGE_BYTES) {
    return {
      ok: false,
      problem: `the image file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB is accepted`,
      fix: 'export it for the web first (a JPEG of about 2,500 pixels across is plenty); the build makes the sizes readers need',
      ar: {
        problem: `حجم ملف الصورة ${(bytes.length / 1024 / 1024).toFixed(1)} ميغابايت، والمقبول ${MAX_IMAGE_BYTES / 1024 / 1024} ميغابايت على الأكثر`,
        fix: 'صدّرها للويب أولا (JPEG بعرض نحو 2500 بكسل يكفي)؛ البناء يصنع المقاسات التي يحتاجها القراء',
      },
    };
  }
  if (looksLikeSvg(bytes)) {
    const active = activeSvgContent(bytes.toString('utf8'));
    if (active) {
      return {
        ok: false,
        problem: `this SVG cannot be published: ${active}`,
        fix: 'export the drawing again without scripts, links or embedded files, or as a PNG',
        ar: { problem: `لا يمكن نشر ملف SVG هذا: ${active}`, fix: 'صدّر الرسم مجددا بلا نصوص برمجية أو روابط أو ملفات مضمّنة، أو بصيغة PNG' },
      };
    }
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  } catch (error) {
    return { ok: false, problem: `the file is not an image that can be read (${reason(error)})`, fix: `save it as ${formatList()}`, ar: { problem: `الملف ليس صورة يمكن قراءتها (${reason(error)})`, fix: `احفظها بصيغة ${FORMATS_AR}` } };
  }
  const format = metadata.format === 'heif' && metadata.compression === 'av1' ? 'avif' : metadata.format;
  if (!(IMAGE_FORMATS as readonly string[]).includes(format)) {
    return {
      ok: false,
      problem: `the image is ${String(format).toUpperCase()}, which browsers cannot all show`,
      fix: `save it as ${formatList()}`,
      ar: { problem: `الصورة بصيغة ${String(format).toUpperCase()} لا تعرضها كل المتصفحات`, fix: `احفظها بصيغة ${FORMATS_AR}` },
    };
  }
  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.height;
  if (!width || !height) return { ok: false, problem: 'the image has no size (width and height)', fix: `save it again as ${formatList()}`, ar: { problem: 'لا أبعاد للصورة (العرض والارتفاع)', fix: `احفظها مجددا بصيغة ${FORMATS_AR}` } };
  if (width * height > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      problem: `the image is ${width} × ${height} pixels; at most ${MAX_IMAGE_PIXELS / 1e6} million pixels are accepted`,
      fix: 'make it smaller first (about 2,500 pixels across is plenty)',
      ar: { problem: `الصورة ${width} × ${height} بكسل، والمقبول ${MAX_IMAGE_PIXELS / 1e6} مليون بكسل على الأكثر`, fix: 'صغّرها أولا (نحو 2500 بكسل عرضا يكفي)' },
    };
  }
  try {
    // Decode it all: a truncated or damaged file passes the header but not this.
    if (decode) await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).stats();
  } catch (error) {
    return damagedImage(error);
  }
  return { ok: true, format: format as ImageFormat, width, height };
}

/** The first line of libvips' message, without its noise. */
function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.replace(/^Input (buffer|file) (has|contains) /, '').trim();
}

function formatList(): string {
  return 'JPEG, PNG, WebP, AVIF or GIF';
}

const FORMATS_AR = 'JPEG أو PNG أو WebP أو AVIF أو GIF';
