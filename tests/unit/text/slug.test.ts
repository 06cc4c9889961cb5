import { describe, expect, it } from 'vitest';
import { slugify, slugProblem } from '../../../src/archive/text/slug.ts';

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
