import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentFile, utf16Form } from '../../../src/archive/read/content-files.ts';
import { tempDir } from '../../helpers/content.ts';

const ARTICLE = '---\ntitle: خبر عن ليبيا والجزائر وتونس ومصر والمغرب، بعنوان طويل جدا بالعربية كله حروف عربية\ndate: 2021-04-19\n---\n\nنص الخبر.\n';
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => Buffer.from(utf16le(text)).swap16();

describe('UTF-16 files are named as such (issue 12, item 13)', () => {
  it('recognises UTF-16 and UTF-32 by their byte-order marks', () => {
    expect(utf16Form(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(ARTICLE)]))).toBe('UTF-16 (little-endian, with a byte-order mark)');
    expect(utf16Form(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ARTICLE)]))).toBe('UTF-16 (big-endian, with a byte-order mark)');
    expect(utf16Form(Buffer.from([0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0]))).toBe('UTF-32 (little-endian, with a byte-order mark)');
  });

  it('recognises UTF-16 without a mark by the NUL byte of every ASCII character', () => {
    expect(utf16Form(utf16le(ARTICLE))).toBe('UTF-16 (little-endian)');
    expect(utf16Form(utf16be(ARTICLE))).toBe('UTF-16 (big-endian)');
    // Not starting with “---”: the NULs, all on one side, still tell.
    expect(utf16Form(utf16le('title: x\ndate: 2021-04-19\n'))).toBe('UTF-16 (little-endian)');
  });

  it('leaves UTF-8 alone, even with a stray NUL or Windows-1256 bytes', () => {
    expect(utf16Form(Buffer.from(ARTICLE))).toBeUndefined();
    expect(utf16Form(Buffer.from('---\ntitle: x\0\n---\n'))).toBeUndefined();
    expect(utf16Form(Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc8, 0xd1, 0xc7, 0x0a]))).toBeUndefined();
    expect(utf16Form(Buffer.from(''))).toBeUndefined();
  });

  const dir = tempDir('utf16');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports a UTF-16 file as UTF-16, not as Windows-1256 or a NUL byte', () => {
    for (const [name, bytes] of [
      ['bom.md', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(ARTICLE)])],
      ['nobom.md', utf16le(ARTICLE)],
    ] as const) {
      fs.writeFileSync(path.join(dir, name), bytes);
      const read = readContentFile(path.join(dir, name), dir);
      expect(read.file).toBeUndefined();
      expect(read.problems).toHaveLength(1);
      const [p] = read.problems;
      expect(p).toMatchObject({ rule: 'file/encoding', line: 1, column: 1 });
      expect(p!.message).toMatch(/^the file is saved as UTF-16 \(little-endian.*\), not UTF-8$/);
      expect(p!.message).not.toMatch(/Windows-1256|NUL/);
      expect(p!.hint).toContain('save it as UTF-8');
    }
  });
});
