/**
 * Where an image an editor wrote lives in `content/` (content-format.md): beside its article
 * (`./photo.jpg`, `photo.jpg`, `2021/photo.jpg`), or in the shared folder (`/media/…`). A
 * reference is resolved to a path relative to the content folder, or refused with what is
 * wrong and what to do: a path that leaves `content/`, a URL of another site (the archive
 * publishes only what it holds, and loading a picture from elsewhere tells that site who
 * reads what), a path from the site's root outside `/media/`.
 *
 * Nothing here reads a file: whether the image exists and what it is comes next
 * (the caller looks the path up in the content folder).
 */
import path from 'node:path';

/** The shared folder of photos, in `content/` and in references (`/media/…`). */
export const MEDIA_FOLDER = 'media';

/** A reference resolved, or refused. */
export type ResolvedReference = { ok: true; path: string } | { ok: false; problem: string; fix: string; ar: { problem: string; fix: string } };

/** Percent-escapes read as the characters they stand for (Markdown keeps them as written); a malformed one is kept. */
function decoded(reference: string): string {
  try {
    return decodeURIComponent(reference);
  } catch {
    return reference;
  }
}

/**
 * Resolves the image reference `reference`, written in the file `from` (both as the editor
 * wrote them; `from` relative to the content folder with `/` separators), to the image's path
 * relative to the content folder (NFC, `/` separators).
 */
export function resolveImageReference(reference: string, from: string): ResolvedReference {
  const written = reference.trim();
  if (written === '') {
    return {
      ok: false,
      problem: 'the image has no file name',
      fix: 'write the image file’s name, e.g. ./photo.jpg beside the article, or /media/photo.jpg',
      ar: { problem: 'لا اسم ملف للصورة', fix: 'اكتب اسم ملف الصورة، مثلا ./photo.jpg بجانب المقال، أو /media/photo.jpg' },
    };
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(written) || written.startsWith('//')) {
    return {
      ok: false,
      problem: `the image ${written} is not in content/: only images the archive holds are published`,
      fix: `save it beside the article (and write ./<its name>), or in content/${MEDIA_FOLDER}/ (and write /${MEDIA_FOLDER}/<its name>)`,
      ar: {
        problem: `الصورة ${written} ليست في content/: لا يُنشر إلا ما في الأرشيف من صور`,
        fix: `احفظها بجانب المقال (واكتب ./<اسمها>)، أو في content/${MEDIA_FOLDER}/ (واكتب /${MEDIA_FOLDER}/<اسمها>)`,
      },
    };
  }
  const text = decoded(written).replace(/\\/g, '/').normalize('NFC');
  if (/[?#]/.test(text)) {
    return {
      ok: false,
      problem: `the image path ${written} has a “?” or “#”, which a file name here cannot have`,
      fix: 'write the file’s path alone',
      ar: { problem: `في مسار الصورة ${written} «?» أو «#»، ولا يكونان في اسم ملف هنا`, fix: 'اكتب مسار الملف وحده' },
    };
  }
  let resolved: string;
  if (text.startsWith('/')) {
    const inside = path.posix.normalize(text).slice(1);
    if (!inside.startsWith(`${MEDIA_FOLDER}/`)) {
      return {
        ok: false,
        problem: `the image path ${written} starts at the site’s root but not in /${MEDIA_FOLDER}/`,
        fix: `write a path beside the article (./photo.jpg), or move the image into content/${MEDIA_FOLDER}/ and write /${MEDIA_FOLDER}/…`,
        ar: { problem: `مسار الصورة ${written} يبدأ من جذر الموقع لكن خارج /${MEDIA_FOLDER}/`, fix: `اكتب مسارا بجانب المقال (./photo.jpg)، أو انقل الصورة إلى content/${MEDIA_FOLDER}/ واكتب /${MEDIA_FOLDER}/…` },
      };
    }
    resolved = inside;
  } else {
    resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from), text));
  }
  if (resolved === '..' || resolved.startsWith('../')) {
    return {
      ok: false,
      problem: `the image path ${written} leads out of content/`,
      fix: `keep images in content/: beside the article, or in content/${MEDIA_FOLDER}/`,
      ar: { problem: `مسار الصورة ${written} يخرج من content/`, fix: `أبقِ الصور في content/: بجانب المقال، أو في content/${MEDIA_FOLDER}/` },
    };
  }
  if (resolved === '.' || text.endsWith('/')) {
    return {
      ok: false,
      problem: `the image path ${written} names a folder, not an image`,
      fix: 'write the image file’s name at the end of the path',
      ar: { problem: `مسار الصورة ${written} اسم مجلد لا صورة`, fix: 'اكتب اسم ملف الصورة في آخر المسار' },
    };
  }
  return { ok: true, path: resolved };
}
