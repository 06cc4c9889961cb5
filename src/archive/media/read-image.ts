/**
 * Reading a picture while its article is parsed (in a parse worker): the file's digest, and its
 * format and size from its header (image-size, pure JavaScript: libvips stays out of worker
 * threads). That is all the article's HTML needs to name the files made from it
 * (published-image.ts). Decoding the whole picture, which finds a damaged file, is the media
 * stage's (media-store.ts), once per distinct picture.
 */
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { digest } from '../cache/digest.ts';
import { activeSvgContent, IMAGE_FORMATS, looksLikeSvg, MAX_IMAGE_BYTES, type ImageFormat } from './image-file.ts';
import type { PublishedImage } from './published-image.ts';
import { MEDIA_FOLDER } from './image-reference.ts';
import { IMAGE_FILE } from '../read/content-files.ts';

/** What a parsed article remembers of a picture it shows, so the parse cache can tell when it changed. */
export interface ImageDependency {
  /** Path in the content folder. */
  source: string;
  digest: string;
  size: number;
  mtimeMs: number;
}

/**
 * A picture read, or why not. Either way the dependency is recorded: an article whose picture
 * is missing is parsed again once the file is there.
 */
/** The rules a picture's reference is reported under (src/archive/diagnostics.ts). */
export type ImageRule = 'image/not-found' | 'image/refused' | 'image/animated';

export type ReadImage = (
  | { ok: true; image: PublishedImage; notice?: { rule: 'image/animated'; problem: string; fix: string; ar: { problem: string; fix: string } } }
  | { ok: false; rule: 'image/not-found' | 'image/refused'; problem: string; fix: string; ar: { problem: string; fix: string } }
) & { dependency: ImageDependency };

/**
 * Does a GIF hold more than one frame? Its frames are image descriptors (0x2C) after the
 * header; an animation almost always loops (the NETSCAPE2.0 block), which is checked first.
 */
function isAnimatedGif(bytes: Buffer): boolean {
  if (bytes.includes('NETSCAPE2.0') || bytes.includes('ANIMEXTS1.0')) return true;
  let frames = 0;
  for (let at = bytes.indexOf(0x21); at >= 0 && at < bytes.length - 1; at = bytes.indexOf(0x21, at + 1)) {
    // A graphic control extension (0x21 0xF9, 4 bytes) comes before each frame of an animation.
    if (bytes[at + 1] === 0xf9 && bytes[at + 2] === 0x04 && ++frames > 1) return true;
  }
  return false;
}

const TYPES: Record<string, ImageFormat> = { jpg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif', svg: 'svg' };

/** Reads the picture at `source` (relative to the content folder). */
export function readImage(contentDir: string, source: string): ReadImage {
  const file = path.join(contentDir, ...source.split('/'));
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return {
      ok: false,
      rule: 'image/not-found',
      problem: `there is no file content/${source}`,
      fix: 'check the file’s name and folder (names are case-sensitive), or add the picture there',
      ar: { problem: `لا ملف content/${source}`, fix: 'راجع اسم الملف ومجلده (الأحرف الكبيرة والصغيرة تختلف)، أو ضع الصورة هناك' },
      dependency: { source, digest: '', size: -1, mtimeMs: -1 },
    };
  }
  const refused = (problem: string, fix: string, ar: { problem: string; fix: string }): ReadImage => ({ ok: false, rule: 'image/refused', problem, fix, ar, dependency: { source, digest: '', size: stat.size, mtimeMs: stat.mtimeMs } });
  if (!stat.isFile()) return refused(`content/${source} is not a file`, 'write the path of the picture file itself', { problem: `content/${source} ليس ملفا`, fix: 'اكتب مسار ملف الصورة نفسه' });
  if (stat.size > MAX_IMAGE_BYTES) {
    return refused(
      `content/${source} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB is accepted`,
      'export it for the web first (a JPEG of about 2,500 pixels across is plenty); the build makes the sizes readers need',
      {
        problem: `حجم content/${source} ${(stat.size / 1024 / 1024).toFixed(1)} ميغابايت، والمقبول ${MAX_IMAGE_BYTES / 1024 / 1024} ميغابايت على الأكثر`,
        fix: 'صدّرها للويب أولا (JPEG بعرض نحو 2500 بكسل يكفي)؛ البناء يصنع المقاسات التي يحتاجها القراء',
      },
    );
  }
  const bytes = fs.readFileSync(file);
  // An SVG is judged by what it holds before anything reads its size.
  if (looksLikeSvg(bytes)) {
    const active = activeSvgContent(bytes.toString('utf8'));
    if (active) {
      return refused(`the SVG content/${source} cannot be published: ${active}`, 'export the drawing again without scripts, links or embedded files, or as a PNG', {
        problem: `لا يمكن نشر ملف SVG ‏content/${source}: ${active}`,
        fix: 'صدّر الرسم مجددا بلا نصوص برمجية أو روابط أو ملفات مضمّنة، أو بصيغة PNG',
      });
    }
  }
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return refused(`content/${source} is not a picture that can be published`, 'save it as JPEG, PNG, WebP, AVIF or GIF', { problem: `content/${source} ليس صورة يمكن نشرها`, fix: 'احفظها بصيغة JPEG أو PNG أو WebP أو AVIF أو GIF' });
  }
  const format = TYPES[size.type ?? ''];
  if (!format || !(IMAGE_FORMATS as readonly string[]).includes(format)) {
    return refused(`content/${source} is ${String(size.type ?? 'an unknown format').toUpperCase()}, which browsers cannot all show`, 'save it as JPEG, PNG, WebP, AVIF or GIF', {
      problem: `content/${source} بصيغة ${String(size.type ?? 'غير معروفة').toUpperCase()} لا تعرضها كل المتصفحات`,
      fix: 'احفظها بصيغة JPEG أو PNG أو WebP أو AVIF أو GIF',
    });
  }
  // Orientations 5–8 turn the picture a quarter: readers see it the other way round.
  const turned = (size.orientation ?? 1) >= 5;
  const width = turned ? size.height : size.width;
  const height = turned ? size.width : size.height;
  if (!width || !height) return refused(`content/${source} has no size (width and height)`, 'save it again as JPEG, PNG, WebP, AVIF or GIF', { problem: `لا أبعاد لـcontent/${source} (العرض والارتفاع)`, fix: 'احفظها مجددا بصيغة JPEG أو PNG أو WebP أو AVIF أو GIF' });
  const sum = digest(bytes);
  const notice =
    format === 'gif' && isAnimatedGif(bytes)
      ? {
          rule: 'image/animated' as const,
          problem: `content/${source} is an animated GIF; only its first frame is published`,
          fix: 'publish a still, or put the clip on a video site and write its link on a line of its own (a link card)',
          ar: { problem: `content/${source} صورة GIF متحركة؛ لا يُنشر إلا إطارها الأول`, fix: 'انشر صورة ثابتة، أو ضع المقطع على موقع فيديو واكتب رابطه في سطر وحده (بطاقة رابط)' },
        }
      : undefined;
  return { ok: true, image: { source, digest: sum, format, width, height }, ...(notice ? { notice } : {}), dependency: { source, digest: sum, size: stat.size, mtimeMs: stat.mtimeMs } };
}

/** Whether the pictures an article showed are as they were (a changed size or time means reading the file again). */
export function imagesUnchanged(contentDir: string, dependencies: readonly ImageDependency[]): boolean {
  return dependencies.every((d) => {
    const file = path.join(contentDir, ...d.source.split('/'));
    try {
      const stat = fs.statSync(file);
      if (stat.size === d.size && stat.mtimeMs === d.mtimeMs) return true;
      return stat.size === d.size && digest(fs.readFileSync(file)) === d.digest;
    } catch {
      return false;
    }
  });
}

/**
 * The pictures of the content folder that no article shows (`shown`: content paths): they are
 * not published, which an editor should hear about. `listed` are those met while listing
 * articles/ and the registry folders (absolute); content/media/ is looked through here. A
 * picture in a folder of `waiting` (those of drafts) is waiting with its article.
 */
export function unshownPictures(contentDir: string, listed: readonly string[], shown: ReadonlySet<string>, waiting: ReadonlySet<string> = new Set()): string[] {
  const media = path.join(contentDir, MEDIA_FOLDER);
  const inMedia = fs.existsSync(media)
    ? fs
        .readdirSync(media, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && IMAGE_FILE.test(e.name))
        .map((e) => path.join(e.parentPath, e.name))
    : [];
  const found: string[] = [];
  for (const file of [...listed, ...inMedia]) {
    const relative = path.relative(contentDir, file).split(path.sep).join('/').normalize('NFC');
    if (relative.split('/').some((part) => part.startsWith('.')) || shown.has(relative) || waiting.has(path.posix.dirname(relative))) continue;
    found.push(relative);
  }
  return found.sort();
}
