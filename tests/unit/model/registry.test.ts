import { describe, expect, it } from 'vitest';
import type { Person } from '../../../src/archive/model/person.ts';
import { NameIndex } from '../../../src/archive/model/registry.ts';

const person = (id: string, name: string, aliases: string[] = [], latin?: string): Person => ({
  entity: 'person',
  id,
  name,
  aliases,
  contextAliases: [],
  stopPhrases: [],
  sourcePath: `people/${id}.md`,
  html: '',
  latin,
  description: undefined,
  wikidata: undefined,
});

const index = new NameIndex([
  person('sabri-boukadoum', 'صبري بوقادوم', ['بوقادوم', 'بوقدوم'], 'Sabri Boukadoum'),
  person('abdelmadjid-tebboune', 'عبد المجيد تبون', ['تبون']),
  person('ahmed-a', 'أحمد علي'),
  person('ahmed-b', 'احمد علي'),
]);

describe('NameIndex', () => {
  it('resolves ids, names, aliases and Latin names', () => {
    for (const ref of ['sabri-boukadoum', 'صبري بوقادوم', 'بوقدوم', 'Sabri Boukadoum', 'sabri boukadoum']) {
      const r = index.resolve(ref);
      expect(r.kind === 'found' && r.entity.id, ref).toBe('sabri-boukadoum');
    }
  });

  it('resolves any spelling that folds the same: tashkeel, tatweel, «عبد ال» joined, NFD', () => {
    for (const ref of ['تَبّون', 'تبــون', 'عبدالمجيد تبون', 'عبد المجيد تبون'.normalize('NFD')]) {
      const r = index.resolve(ref);
      expect(r.kind === 'found' && r.entity.id, ref).toBe('abdelmadjid-tebboune');
    }
  });

  it('reports a name shared by two entries as ambiguous, naming both', () => {
    const r = index.resolve('أحمد علي');
    expect(r.kind).toBe('ambiguous');
    expect(r.kind === 'ambiguous' && r.entities.map((e) => e.id)).toEqual(['ahmed-a', 'ahmed-b']);
  });

  it('suggests the closest names for a near miss, and nothing for a stranger', () => {
    const r = index.resolve('بوقادوو');
    expect(r.kind === 'unknown' && r.suggestions[0]).toEqual({ form: 'بوقادوم', id: 'sabri-boukadoum' });
    const id = index.resolve('sabri-boukadom');
    expect(id.kind === 'unknown' && id.suggestions[0]?.id).toBe('sabri-boukadoum');
    const none = index.resolve('نجيب محفوظ');
    expect(none.kind === 'unknown' && none.suggestions).toEqual([]);
  });
});
