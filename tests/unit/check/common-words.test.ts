import { describe, expect, it } from 'vitest';
import { commonWordForms } from '../../../src/archive/check/common-words.ts';
import type { Person } from '../../../src/archive/model/person.ts';
import type { Place } from '../../../src/archive/model/place.ts';

const base = { contextAliases: [] as string[], stopPhrases: [] as string[], html: '', latin: undefined, description: undefined, wikidata: undefined, sourcePath: '' };
const person = (id: string, name: string, aliases: string[] = [], contextAliases: string[] = []): Person => ({ ...base, entity: 'person', id, name, aliases, contextAliases });
const place = (id: string, name: string): Place => ({ ...base, entity: 'place', id, name, aliases: [], demonyms: [], kind: 'country', within: undefined, coordinates: undefined });

describe('registry forms that are also words', () => {
  const entities = [
    person('ali', 'علي بن أبي طالب', ['علي']),
    person('gharib', 'أحمد غريب', ['غريب']),
    person('saied', 'قيس سعيد', [], ['سعيد']),
    person('tebboune', 'عبد المجيد تبون', ['تبون']),
    place('syria', 'سورية'),
    place('algeria', 'الجزائر'),
  ];
  const bodies = ['قال تبون في الجزائر إن الأمر الغريب هو ما حدث، وزار سورية', 'وهذا هو الغريب في القصة، وتبون يعرف ذلك'];
  const found = commonWordForms(entities, bodies).map((c) => `${c.form}:${c.entity.id}:${c.kind}`);

  it('lists function words and adjectives of relation once, from the forms alone', () => {
    expect(found).toContain('علي:ali:function-word');
    expect(found).toContain('سورية:syria:adjective');
  });

  it('lists a form the articles use as an ordinary word at least as often as they link it', () => {
    expect(found).toContain('غريب:gharib:used-as-word');
  });

  it('leaves out plain names, and context aliases (the editor already said so)', () => {
    expect(found.some((f) => f.startsWith('تبون') || f.startsWith('الجزائر') || f.startsWith('سعيد'))).toBe(false);
  });
});
