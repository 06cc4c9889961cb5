/**
 * Property-based tests (fast-check) over random text rich in Arabic, marks, direction controls
 * and Markdown syntax: the readers never throw anything but diagnostics, folding is idempotent,
 * slugs are safe, and mention linking neither overlaps nor nests links nor changes the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRenderer, renderMarkdown } from '../../src/archive/markdown/pipeline.ts';
import { Kinds } from '../../src/archive/kinds.ts';
import { articleFrontMatterSchema } from '../../src/archive/model/article.ts';
import { MentionIndex } from '../../src/archive/model/mention-index.ts';
import type { Person } from '../../src/archive/model/person.ts';
import type { Place } from '../../src/archive/model/place.ts';
import { parseYaml, splitFrontMatter, validateFrontMatter } from '../../src/archive/read/front-matter.ts';
import { foldArabic } from '../../src/archive/text/arabic.ts';
import { slugify, slugProblem } from '../../src/archive/text/slug.ts';

const CHARS = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة',
  '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0640', '\u200F', '\u200E', '\u200D', '\u200C', '\u202B', '\u202C',
  ...' \n\n\t،؛؟.:!«»"\'()[]#>*-_`|\\/%&<=',
  ...'abcXYZ0129٠١٩',
  '---', 'title: ', 'date: 2021-04-19', 'people: [', ']', 'محمد المنفي', 'الجزائر', 'للمنفي', 'طرابلس', '<a href="x">', '</a>', '[رابط](https://e.org)',
];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 120 }).map((parts) => parts.join(''));
const RUNS = { numRuns: 1500 };

const base = { contextAliases: [] as string[], stopPhrases: [] as string[], html: '', latin: undefined, description: undefined, wikidata: undefined, sourcePath: '' };
const registry = [
  { ...base, entity: 'person', id: 'menfi', name: 'محمد المنفي', aliases: [], contextAliases: ['المنفي'] } as Person,
  { ...base, entity: 'place', id: 'algeria', name: 'الجزائر', aliases: [], demonyms: ['الجزائري'], kind: 'country', within: undefined, coordinates: undefined } as Place,
  { ...base, entity: 'place', id: 'tripoli', name: 'طرابلس', aliases: [], demonyms: [], kind: 'city', within: undefined, coordinates: undefined } as Place,
];
const index = new MentionIndex(registry);
const renderWithMentions = createRenderer({ index, ancestors: () => [], hrefFor: (e) => `/x/${e.id}/`, countDemonyms: false });
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe('properties', () => {
  it('the front-matter reader returns diagnostics, never throws', () => {
    fc.assert(
      fc.property(text, (input) => {
        const split = splitFrontMatter(`---\n${input}\n---\nbody`, 'a.md');
        if (!split.split) return;
        const yaml = parseYaml(split.split, 'a.md');
        if (yaml.parsed) validateFrontMatter(articleFrontMatterSchema(new Kinds()), yaml.parsed, 'a.md');
      }),
      RUNS,
    );
  });

  it('the Markdown pipeline renders anything without throwing', () => {
    fc.assert(fc.property(text, (input) => void renderMarkdown(input)), RUNS);
  });

  it('folding is idempotent and never longer than the text', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = foldArabic(input);
        expect(foldArabic(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(input.normalize('NFC').length);
      }),
      RUNS,
    );
  });

  it('slugs are empty or safe path segments', () => {
    fc.assert(
      fc.property(text, (input) => {
        const slug = slugify(input);
        if (slug === '') return;
        expect(slugProblem(slug)).toBeUndefined();
        expect(slug).not.toMatch(/[/%\\\s]|\.\./);
        expect(encodeURIComponent(slug)).not.toContain('%2F');
      }),
      RUNS,
    );
  });

  it('name matches are in order and never overlap', () => {
    fc.assert(
      fc.property(text, (input) => {
        const matches = index.findNames(input);
        for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
        for (const m of matches) expect(m.end).toBeGreaterThan(m.start);
      }),
      RUNS,
    );
  });

  it('mention links never nest inside links and never change the text', () => {
    fc.assert(
      fc.property(text, (input) => {
        const linked = renderWithMentions(input).html;
        expect(linked).not.toMatch(/<a [^>]*>(?:(?!<\/a>).)*<a /s);
        expect(textOf(linked)).toBe(textOf(renderMarkdown(input).html));
      }),
      RUNS,
    );
  });
});
