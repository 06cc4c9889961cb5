import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../../src/archive/config.ts';
import { loadArchive } from '../../../src/archive/load.ts';
import { ID_PATTERN, MAX_SLUG_BYTES, slugify, slugProblem, truncateToBytes, utf8Length } from '../../../src/archive/text/slug.ts';

describe('slugProblem', () => {
  it('accepts ASCII and Arabic slugs', () => {
    expect(slugProblem('boukadoum-tripoli')).toBeUndefined();
    expect(slugProblem('زيارة-بوقادوم')).toBeUndefined();
    expect(slugProblem('2021-visit')).toBeUndefined();
  });

  it.each([
    ['a/b', 'only'],
    ['..', 'only'],
    ['100%', 'only'],
    ['two words', 'only'],
    ['tab\there', 'only'],
    ['Upper', 'only'],
    ['double--hyphen', 'only'],
    ['page', 'reserved'],
    ['', 'empty'],
  ])('refuses %j', (slug, reason) => {
    expect(slugProblem(slug)).toContain(reason);
  });

  it('refuses NFD Arabic and tashkeel inside a slug', () => {
    expect(slugProblem('آمنة'.normalize('NFD'))).toContain('NFC');
    expect(slugProblem('تَبون')).toContain('only');
  });
});

describe('slugify', () => {
  it('turns file names and titles into valid slugs', () => {
    expect(slugify('My File Name')).toBe('my-file-name');
    expect(slugify('معرض الكتاب 2023')).toBe('معرض-الكتاب-2023');
    expect(slugify('تَبُّون: زيارة')).toBe('تبون-زيارة');
    expect(slugify('Café à Tunis')).toBe('cafe-a-tunis');
    expect(slugify('page')).toBe('page-1');
    for (const input of ['a/b', '..', 'x%y', 'أحمد\u200f']) expect(slugProblem(slugify(input) || 'x')).toBeUndefined();
  });
});

describe('slugs are limited in bytes, as file systems count folder names', () => {
  it('refuses a 190-letter Arabic slug (under 200 characters, 380 bytes)', () => {
    expect(slugProblem('ب'.repeat(190))).toBe(
      'it is 380 bytes long (190 letters); a URL segment becomes a folder name and may be at most 200 bytes: 100 Arabic letters or 200 Latin ones',
    );
  });

  it('accepts 100 Arabic letters or 200 Latin ones, not one more', () => {
    expect(MAX_SLUG_BYTES).toBe(200);
    expect(slugProblem('ب'.repeat(100))).toBeUndefined();
    expect(slugProblem('ب'.repeat(101))).toContain('202 bytes');
    expect(slugProblem('a'.repeat(200))).toBeUndefined();
    expect(slugProblem('a'.repeat(201))).toContain('201 bytes');
    expect(slugProblem('a-ب'.repeat(50))).toBeUndefined(); // 50 × 4 bytes
  });

  it('slugify cuts a long title or file name at a word within 200 bytes', () => {
    const title = Array.from({ length: 40 }, (_, i) => `كلمة${i % 10}`).join(' ');
    const slug = slugify(title);
    expect(utf8Length(slug)).toBeLessThanOrEqual(200);
    expect(slugProblem(slug)).toBeUndefined();
    expect(title.replace(/ /g, '-').startsWith(slug + '-')).toBe(true);
    // One long word: cut after the last whole letter that fits.
    expect(slugify('ب'.repeat(190))).toBe('ب'.repeat(100));
    expect(slugify('a'.repeat(300))).toBe('a'.repeat(200));
    expect(truncateToBytes('ab-' + 'ب'.repeat(150), 200)).toBe('ab-' + 'ب'.repeat(98));
  });

  it('counts bytes as UTF-8 does', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('بوقادوم')).toBe(14);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('😀')).toBe(Buffer.byteLength('😀'));
  });

  it('registry ids too: at most 200 characters', () => {
    expect(ID_PATTERN.test('a'.repeat(200))).toBe(true);
    expect(ID_PATTERN.test('a'.repeat(201))).toBe(false);
    expect(ID_PATTERN.test('sabri-boukadoum')).toBe(true);
    expect(ID_PATTERN.test('')).toBe(false);
  });
});

describe('an article file name too long for a URL segment', () => {
  it('gives a default slug cut to 200 bytes at a word, and the article loads', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archive-long-name-'));
    fs.mkdirSync(path.join(dir, 'articles'));
    // 215 bytes of name (+ .md): a valid file name, but over the 200 bytes a slug may have.
    const name = Array.from({ length: 24 }, () => 'كلمة').join(' ') + '.md';
    expect(Buffer.byteLength(name)).toBeGreaterThan(200);
    fs.writeFileSync(path.join(dir, 'articles', name), '---\ntitle: خبر\ndate: 2021-04-19\n---\n\nنص.\n');
    const result = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: dir }, path.resolve(import.meta.dirname, '../../..')));
    expect(result.diagnostics).toEqual([]);
    const slug = result.archive!.articles[0]!.slug;
    expect(slug).toBe(Array.from({ length: 22 }, () => 'كلمة').join('-')); // 197 bytes
    expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(200);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
