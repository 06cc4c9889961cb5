import fs from 'node:fs';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { diagnostic, quote, type Diagnostic } from '../diagnostics.ts';

/** A content file read as text, ready for the front-matter reader. */
export interface ContentFile {
  /** Absolute path. */
  absolutePath: string;
  /** Path relative to the content folder, `/`-separated, NFC. */
  relativePath: string;
  /** The text: valid UTF-8 decoded, BOM removed, CRLF and CR turned into LF. */
  text: string;
}

/** The names of picture files (content-format.md): kept beside articles and in content/media/. */
export const IMAGE_FILE = /\.(?:jpe?g|png|webp|avif|gif|svg)$/i;

/** The content format's documentation (content-format, for editors), kept in the content folder: not content. */
export const CONTENT_README = 'README.md';

/**
 * What sits at the top of the content folder that the build does not read: a folder that is
 * neither articles/, media/ nor an entries' folder (a typo such as «peple/»), or a file; each a
 * warning, so nothing an editor put there is dropped unseen. Dotfiles and the folder's
 * README.md are left alone.
 */
export function strayContentEntries(contentDir: string, folders: readonly string[]): Diagnostic[] {
  if (!fs.existsSync(contentDir)) return [];
  const problems: Diagnostic[] = [];
  const known = ['articles', 'media', ...folders];
  for (const entry of fs.readdirSync(contentDir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === CONTENT_README || known.includes(entry.name)) continue;
    const full = path.join(contentDir, entry.name);
    if (entry.isDirectory()) {
      const near = closest(entry.name, known);
      problems.push(
        diagnostic(
          'file/ignored',
          full,
          { line: 1, column: 1 },
          `the folder ${entry.name}/ is not read: the build reads ${known.map((k) => `${k}/`).join(', ')}`,
          near && distance(entry.name, near) <= 2 ? `did you mean ${near}/? rename the folder` : 'move its files into one of those folders, or out of content/',
          {
            message: `المجلد ${entry.name}/ لا يُقرأ: البناء يقرأ ${known.map((k) => `${k}/`).join(' و')}`,
            hint: near && distance(entry.name, near) <= 2 ? `هل تقصد ${near}/؟ غيّر اسم المجلد` : 'انقل ملفاته إلى أحد هذه المجلدات، أو إلى خارج content/',
          },
        ),
      );
    } else {
      problems.push(
        diagnostic('file/ignored', full, { line: 1, column: 1 }, 'files at the top of content/ are not read', 'move an article into articles/, a shared photo into media/, an entry into its kind’s folder', {
          message: 'الملفات في أعلى content/ لا تُقرأ',
          hint: 'انقل المقال إلى articles/، والصورة المشتركة إلى media/، والمدخل إلى مجلد نوعه',
        }),
      );
    }
  }
  return problems;
}

/** Lists the Markdown files and the pictures under a folder; other files are reported, dotfiles skipped. */
export function listMarkdownFiles(
  contentDir: string,
  folder: string,
  recursive: boolean,
): { files: string[]; problems: Diagnostic[]; pictures: string[] } {
  const root = path.join(contentDir, folder);
  const files: string[] = [];
  const pictures: string[] = [];
  const problems: Diagnostic[] = [];
  if (!fs.existsSync(root)) return { files, problems, pictures };
  const visited = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      problems.push(
        diagnostic('file/unreadable', dir, { line: 1, column: 1 }, 'this folder cannot be read (a broken link?)', 'fix or remove it', {
          message: 'لا يمكن قراءة هذا المجلد (رابط مكسور؟)',
          hint: 'أصلحه أو احذفه',
        }),
      );
      return;
    }
    if (visited.has(real)) {
      problems.push(
        diagnostic('file/unreadable', dir, { line: 1, column: 1 }, 'this folder is a link back into a folder already read (a symlink loop); it is skipped', 'remove the link', {
          message: 'هذا المجلد رابط إلى مجلد قُرئ من قبل (حلقة روابط)، فيُتخطى',
          hint: 'احذف الرابط',
        }),
      );
      return;
    }
    visited.add(real);
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // Hidden files are the system's (.DS_Store, .git); a hidden Markdown file is an editor's.
      if (entry.name.startsWith('.')) {
        if (/\.md$/i.test(entry.name) && !entry.isDirectory()) {
          problems.push(
            diagnostic('file/ignored', full, { line: 1, column: 1 }, 'this Markdown file is hidden (its name starts with a dot); it is not published', 'remove the dot from its name to publish it', {
              message: 'ملف Markdown هذا مخفي (يبدأ اسمه بنقطة)، فلا يُنشر',
              hint: 'احذف النقطة من أول اسمه لينشر',
            }),
          );
        }
        continue;
      }
      // A name that is not UTF-8 comes back with U+FFFD in it, and cannot be opened by that name.
      if (entry.name.includes('\uFFFD')) {
        problems.push(
          diagnostic('file/encoding', full, { line: 1, column: 1 }, `the file name is not valid UTF-8 (it shows as ${quote(entry.name)}); it cannot be read`, 'rename it (your system may have saved it in another encoding, e.g. Windows-1256)', {
            message: `اسم الملف ليس UTF-8 صحيحا (يظهر ${quote(entry.name)})، فلا يمكن قراءته`,
            hint: 'غيّر اسمه (ربما حفظه نظامك بترميز آخر، مثل Windows-1256)',
          }),
        );
        continue;
      }
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(full);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch {
          problems.push(
            diagnostic('file/unreadable', full, { line: 1, column: 1 }, 'this link points nowhere (or into a loop)', 'fix or remove the link', {
              message: 'هذا الرابط لا يشير إلى شيء (أو يشير إلى حلقة)',
              hint: 'أصلح الرابط أو احذفه',
            }),
          );
          continue;
        }
      }
      if (isDir) {
        if (recursive) walk(full);
        else {
          problems.push(
            diagnostic('file/ignored', full, { line: 1, column: 1 }, `folders inside ${folder}/ are not read`, `move the files into ${folder}/ itself`, {
              message: `المجلدات داخل ${folder}/ لا تُقرأ`,
              hint: `انقل الملفات إلى ${folder}/ نفسه`,
            }),
          );
        }
      } else if (isFile && /\.md$/i.test(entry.name)) {
        files.push(full);
      } else if (isFile && IMAGE_FILE.test(entry.name)) {
        // A picture: published when an article shows it (the load warns about those none shows).
        pictures.push(full);
      } else if (isFile) {
        problems.push(
          diagnostic('file/ignored', full, { line: 1, column: 1 }, `this is not a Markdown (.md) file; it is not published`, 'rename it to .md if it is an entry, or move it out of content/', {
            message: 'هذا ليس ملف Markdown (.md)، فلا يُنشر',
            hint: 'غيّر امتداده إلى .md إن كان مدخلا، أو انقله إلى خارج content/',
          }),
        );
      } else {
        // A named pipe, a socket or a device: reading one could block the build forever.
        problems.push(
          diagnostic('file/ignored', full, { line: 1, column: 1 }, 'this is not a regular file (a pipe, socket or device); it is not read', 'replace it with a regular file, or remove it', {
            message: 'هذا ليس ملفا عاديا (أنبوب أو مقبس أو جهاز)، فلا يُقرأ',
            hint: 'ضع مكانه ملفا عاديا، أو احذفه',
          }),
        );
      }
    }
  };
  walk(root);
  return { files, problems, pictures };
}

/** Line and column of a byte offset in a buffer, for pointing at a bad byte. */
function positionOfByte(bytes: Buffer, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/** Finds the first invalid UTF-8 sequence in a buffer, or -1. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0x6 ? 2 : b >> 4 === 0xe ? 3 : b >> 3 === 0x1e ? 4 : 0;
    if (len === 0) return i;
    if (len > 1) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
      } catch {
        return i;
      }
    }
    i += len;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The UTF-16 (or UTF-32) form a file was saved in, if it was: by its byte-order mark, or, without
 * one, by the NUL byte every ASCII character (“---”, the field names) carries in UTF-16.
 */
export function utf16Form(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32 (little-endian, with a byte-order mark)';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32 (big-endian, with a byte-order mark)';
  if (a === 0xff && b === 0xfe) return 'UTF-16 (little-endian, with a byte-order mark)';
  if (a === 0xfe && b === 0xff) return 'UTF-16 (big-endian, with a byte-order mark)';
  const starts = (...expected: number[]) => expected.every((x, i) => bytes[i] === x);
  if (starts(0x2d, 0, 0x2d, 0, 0x2d, 0)) return 'UTF-16 (little-endian)'; // “---”
  if (starts(0, 0x2d, 0, 0x2d, 0, 0x2d)) return 'UTF-16 (big-endian)';
  const n = Math.min(bytes.length, 400) & ~1;
  if (n < 16) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  // Without “---” first: ASCII in UTF-16 still puts NULs in many pairs, always on the same side.
  const pairs = n / 2;
  if (oddNul >= pairs / 4 && evenNul === 0) return 'UTF-16 (little-endian)';
  if (evenNul >= pairs / 4 && oddNul === 0) return 'UTF-16 (big-endian)';
  return undefined;
}

/** Reads a content file as normalised text, or reports why it cannot be read. */
export function readContentFile(absolutePath: string, contentDir: string): { file?: ContentFile; problems: Diagnostic[] } {
  const relativePath = path.relative(contentDir, absolutePath).split(path.sep).join('/').normalize('NFC');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolutePath);
  } catch (error) {
    return {
      problems: [
        diagnostic('file/unreadable', absolutePath, { line: 1, column: 1 }, `the file cannot be read: ${(error as Error).message}`, 'check its permissions', {
          message: `لا يمكن قراءة الملف: ${(error as Error).message}`,
          hint: 'تحقق من صلاحيات الوصول إليه',
        }),
      ],
    };
  }
  const wide = utf16Form(bytes);
  if (wide) {
    return {
      problems: [
        diagnostic(
          'file/encoding',
          absolutePath,
          { line: 1, column: 1 },
          `the file is saved as ${wide}, not UTF-8`,
          'save it as UTF-8 in your editor (e.g. “Save as” → Encoding: UTF-8)',
          { message: `الملف محفوظ بترميز ${wide}، لا UTF-8`, hint: 'احفظه بترميز UTF-8 في محررك (مثلا «حفظ باسم» ← الترميز: UTF-8)' },
        ),
      ],
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes); // also drops a leading BOM
  } catch {
    const at = positionOfByte(bytes, Math.max(0, firstInvalidUtf8(bytes)));
    return {
      problems: [
        diagnostic('file/encoding', absolutePath, at, 'the file is not valid UTF-8 (a byte here belongs to another encoding, e.g. Windows-1256)', 'save the file as UTF-8 in your editor', {
          message: 'الملف ليس UTF-8 صحيحا (بايت هنا من ترميز آخر، مثل Windows-1256)',
          hint: 'احفظ الملف بترميز UTF-8 في محررك',
        }),
      ],
    };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul).split('\n');
    return {
      problems: [
        diagnostic('file/encoding', absolutePath, { line: before.length, column: before.at(-1)!.length + 1 }, 'the file contains a NUL byte (it is binary or damaged)', 'remove the character or restore the file from history', {
          message: 'في الملف بايت NUL (الملف ثنائي أو تالف)',
          hint: 'احذف الحرف، أو استرجع الملف من نسخة سابقة',
        }),
      ],
    };
  }
  return { file: { absolutePath, relativePath, text: text.replace(/\r\n?/g, '\n') }, problems: [] };
}
