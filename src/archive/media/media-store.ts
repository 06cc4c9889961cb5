/**
 * The media stage: the files made from every picture the site shows (published-image.ts names
 * them), encoded with sharp into the cache folder (`<cache>/media/`) once, and linked into each
 * output that needs them. A picture is encoded again only when its bytes or the encoding
 * settings change (both are in the files' names), so a rebuild encodes only new pictures.
 *
 * What is made: the picture turned as the camera meant (EXIF orientation), in sRGB, with its
 * metadata left out (a camera's EXIF can hold where the photo was taken: a source's or a
 * photographer's whereabouts); each width in AVIF, WebP and the fallback format. Pictures are
 * encoded on every core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { damagedImage, inspectImage, MAX_IMAGE_PIXELS } from './image-file.ts';
import { ENCODING, variantsOf, type ImageVariant, type PublishedImage } from './published-image.ts';

/** The folder of encoded files in the cache. */
export function mediaCacheFolder(cacheDir: string): string {
  return path.join(cacheDir, 'media');
}

/** A picture that could not be made into files. */
export interface MediaProblem {
  image: PublishedImage;
  problem: string;
  fix: string;
  ar: { problem: string; fix: string };
}

/** What the stage did. */
export interface MediaReport {
  /** Distinct pictures the site shows. */
  pictures: number;
  /** Of those, encoded this build. */
  encoded: number;
  /** Files written to the cache this build. */
  files: number;
  problems: MediaProblem[];
  seconds: number;
}

/** The distinct pictures of a list (by their bytes: two paths to one photo are one picture). */
export function distinctPictures(pictures: Iterable<PublishedImage>): PublishedImage[] {
  const byDigest = new Map<string, PublishedImage>();
  for (const p of pictures) if (!byDigest.has(p.digest)) byDigest.set(p.digest, p);
  return [...byDigest.values()];
}

/** Encodes one variant from its pixels (already at its size, in sRGB) into `file` (written whole, or not at all). */
async function encode(pixels: Sharp, variant: ImageVariant, file: string): Promise<void> {
  let pipeline = pixels;
  switch (variant.format) {
    case 'avif':
      pipeline = pipeline.avif(ENCODING.avif);
      break;
    case 'webp':
      pipeline = pipeline.webp(ENCODING.webp);
      break;
    case 'jpeg':
      pipeline = pipeline.flatten({ background: '#ffffff' }).jpeg(ENCODING.jpeg);
      break;
    case 'png':
      pipeline = pipeline.png(ENCODING.png);
      break;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  await pipeline.toFile(temporary);
  fs.renameSync(temporary, file);
}

/** Makes the files of one picture that the cache does not hold yet; returns how many it wrote. */
async function makeFiles(image: PublishedImage, contentDir: string, folder: string): Promise<number | MediaProblem> {
  const missing = variantsOf(image).filter((v) => !fs.existsSync(path.join(folder, path.basename(v.file))));
  if (missing.length === 0) return 0;
  const bytes = fs.readFileSync(path.join(contentDir, ...image.source.split('/')));
  const inspected = await inspectImage(bytes, { decode: false });
  if (!inspected.ok) return { image, problem: inspected.problem, fix: inspected.fix, ar: inspected.ar };
  // A drawing is drawn at the size of the widest file, not scaled up from its own.
  const density = image.format === 'svg' ? Math.min(2400, Math.max(72, (72 * Math.max(...missing.map((v) => v.width))) / image.width)) : undefined;
  // The picture is decoded once, turned as the camera meant and in sRGB, and every file is made
  // from those pixels: decoding it again for each of its dozen files cost a fifth of the time.
  // A damaged file fails here, before any file of it is written.
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', ...(density ? { density } : {}) })
      .rotate()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    const damaged = damagedImage(error);
    return { image, problem: damaged.problem, fix: damaged.fix, ar: damaged.ar };
  }
  const pixels = (data: Buffer, info: OutputInfo) => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  // Each size is scaled once, and its formats encoded from it.
  for (const variants of Map.groupBy(missing, (v) => `${v.width}x${v.height}`).values()) {
    const { width, height } = variants[0]!;
    const scaled = await pixels(decoded.data, decoded.info).resize({ width, height, fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
    for (const variant of variants) await encode(pixels(scaled.data, scaled.info), variant, path.join(folder, path.basename(variant.file)));
  }
  return missing.length;
}

/**
 * Makes sure the cache holds every file of every picture, encoding what is missing on every
 * core; `progress` is told how many pictures are done.
 */
export async function ensureMedia(pictures: readonly PublishedImage[], contentDir: string, cacheDir: string, progress: (done: number, total: number) => void = () => {}): Promise<MediaReport> {
  const started = performance.now();
  const folder = mediaCacheFolder(cacheDir);
  fs.mkdirSync(folder, { recursive: true });
  const distinct = distinctPictures(pictures);
  const report: MediaReport = { pictures: distinct.length, encoded: 0, files: 0, problems: [], seconds: 0 };
  let next = 0;
  let done = 0;
  // libvips runs each picture on several threads already; one picture per core keeps them all busy.
  const lanes = Array.from({ length: Math.max(1, Math.min(os.availableParallelism(), distinct.length)) }, async () => {
    while (next < distinct.length) {
      const image = distinct[next++]!;
      try {
        const made = await makeFiles(image, contentDir, folder);
        if (typeof made === 'number') {
          if (made > 0) report.encoded++;
          report.files += made;
        } else report.problems.push(made);
      } catch (error) {
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        report.problems.push({
          image,
          problem: `the picture could not be made into files (${why})`,
          fix: 'save the picture again from the original, or replace the file',
          ar: { problem: `تعذّر صنع ملفات الصورة (${why})`, fix: 'احفظ الصورة مجددا من أصلها، أو ضع ملفا غيرها' },
        });
      }
      progress(++done, distinct.length);
    }
  });
  await Promise.all(lanes);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** The output files of these pictures (relative to the output root), sorted. */
export function mediaFiles(pictures: readonly PublishedImage[]): string[] {
  return [...new Set(distinctPictures(pictures).flatMap((p) => variantsOf(p).map((v) => v.file)))].sort();
}

/** Puts these output files (from `mediaFiles`) into a folder: hard links to the cache, or copies where links cannot be made. */
export function linkMedia(files: readonly string[], cacheDir: string, outDir: string): void {
  const folder = mediaCacheFolder(cacheDir);
  for (const file of files) {
    const target = path.join(outDir, ...file.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const cached = path.join(folder, path.basename(file));
    try {
      fs.linkSync(cached, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      fs.copyFileSync(cached, target);
    }
  }
}
