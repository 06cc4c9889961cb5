import { describe, expect, it } from 'vitest';
import { MentionIndex } from '../../../src/archive/model/mention-index.ts';
import { resolveMatches } from '../../../src/archive/model/mentions.ts';
import type { Person } from '../../../src/archive/model/person.ts';
import type { Place } from '../../../src/archive/model/place.ts';
import type { Entity } from '../../../src/archive/model/registry.ts';

const base = { contextAliases: [] as string[], stopPhrases: [] as string[], html: '', latin: undefined, description: undefined, wikidata: undefined };
const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({ ...base, entity: 'person', id, name, aliases: [], sourcePath: '', ...extra });
const place = (id: string, name: string, extra: Partial<Place> = {}): Place => ({
  ...base,
  entity: 'place',
  id,
  name,
  aliases: [],
  demonyms: [],
  kind: 'city',
  within: undefined,
  coordinates: undefined,
  sourcePath: '',
  ...extra,
});

const registry: Entity[] = [
  person('tebboune', 'عبد المجيد تبون', { aliases: ['تبون'] }),
  person('menfi', 'محمد المنفي', { contextAliases: ['المنفي'] }),
  person('makri', 'نور الدين مقري', { contextAliases: ['مقري'] }),
  person('boukadoum', 'صبري بوقادوم', { aliases: ['بوقادوم'] }),
  place('algeria', 'الجزائر', { kind: 'country', demonyms: ['الجزائري', 'الجزائرية'], stopPhrases: ['الجزائر العاصمة'] }),
  place('algiers', 'الجزائر العاصمة', { within: 'algeria' }),
  place('libya', 'ليبيا', { kind: 'country', demonyms: ['الليبي', 'الليبية', 'ليبية'] }),
  place('lebanon', 'لبنان', { kind: 'country', demonyms: ['اللبنانية'] }),
  place('morocco', 'المغرب', { kind: 'country', stopPhrases: ['اتحاد المغرب العربي'] }),
  place('tripoli', 'طرابلس', { within: 'libya' }),
  place('tripoli-lb', 'طرابلس', { within: 'lebanon' }),
];
const index = new MentionIndex(registry);
const byId = new Map(registry.filter((e) => e.entity === 'place').map((e) => [e.id, e as Place]));
const ancestors = (p: Place) => {
  const chain: Place[] = [];
  for (let q = p.within ? byId.get(p.within) : undefined; q; q = q.within ? byId.get(q.within) : undefined) chain.push(q);
  return chain;
};

/** The mentions of a text as `surface=id`, in order. */
function mentions(text: string, tagged: Entity[] = []): string[] {
  const matches = index.findNames(text);
  return resolveMatches(matches, { tagged, ancestors })
    .filter((d) => d.status === 'mention')
    .map((d) => `${text.slice(d.match.start, d.match.end)}=${d.entity!.id}`);
}

describe('finding registry names in Arabic text', () => {
  it('takes proclitics off the first word, including ل + ال written لل', () => {
    expect(mentions('زار بوقادوم الجزائر ثم ليبيا')).toEqual(['بوقادوم=boukadoum', 'الجزائر=algeria', 'ليبيا=libya']);
    expect(mentions('والجزائر وبليبيا فالجزائر بالجزائر لليبيا كالجزائر')).toEqual([
      'والجزائر=algeria',
      'وبليبيا=libya',
      'فالجزائر=algeria',
      'بالجزائر=algeria',
      'لليبيا=libya',
      'كالجزائر=algeria',
    ]);
  });

  it('matches whole words only', () => {
    expect(mentions('الوفد الجزائري والحكومة الجزائرية')).toEqual([]);
    expect(mentions('مقر السفارة')).toEqual([]);
    expect(mentions('تبونية')).toEqual([]);
  });

  it('prefers the longest form, and joins «عبد ال…» with or without the space', () => {
    expect(mentions('الرئيس عبد المجيد تبون')).toEqual(['عبد المجيد تبون=tebboune']);
    expect(mentions('الرئيس عبدالمجيد تبون')).toEqual(['عبدالمجيد تبون=tebboune']);
    expect(mentions('الجزائر العاصمة')).toEqual(['الجزائر العاصمة=algiers']);
  });

  it('folds spelling: tashkeel, tatweel, hamza, invisible marks; the text keeps its form', () => {
    expect(mentions('قال تَبُّون إن الجـــزائر')).toEqual(['تَبُّون=tebboune', 'الجـــزائر=algeria']);
    expect(mentions('ليبيا\u200f')).toEqual(['ليبيا\u200f=libya']);
  });

  it('does not match across punctuation', () => {
    expect(mentions('عبد المجيد، تبون')).toEqual(['تبون=tebboune']);
  });

  it('ignores a name inside a stop phrase', () => {
    expect(mentions('آليات تفعيل اتفاقية اتحاد المغرب العربي')).toEqual([]);
    expect(mentions('زار المغرب')).toEqual(['المغرب=morocco']);
  });

  it('applies the site-wide stop phrases to every entry', () => {
    const bare = new MentionIndex([place('morocco', 'المغرب')], ['المغرب العربي', 'صلاة المغرب']);
    const found = (text: string) => bare.findNames(text).map((m) => text.slice(m.start, m.end));
    expect(found('اتفاقية اتحاد المغرب العربي ودول المغرب العربي')).toEqual([]);
    expect(found('بعد صلاة المغرب في المغرب')).toEqual(['المغرب']);
  });

  it('counts a context alias only after the full name (or a tag)', () => {
    expect(mentions('وأكد المنفي ثم قال محمد المنفي إن المنفي')).toEqual(['محمد المنفي=menfi', 'المنفي=menfi']);
    expect(mentions('ونقل للمنفي دعوة', [registry[1]!])).toEqual(['للمنفي=menfi']);
    expect(mentions('رئيس المجلس محمد المنفي. وقدم بوقادوم للمنفي دعوة')).toEqual(['محمد المنفي=menfi', 'بوقادوم=boukadoum', 'للمنفي=menfi']);
  });

  it('tells two places with one name apart by what else the article names', () => {
    expect(mentions('وصل إلى طرابلس الليبية')).toEqual(['طرابلس=tripoli']);
    expect(mentions('في طرابلس شمال لبنان')).toEqual(['طرابلس=tripoli-lb', 'لبنان=lebanon']);
    expect(mentions('زار طرابلس')).toEqual([]);
    const decisions = resolveMatches(index.findNames('زار طرابلس'), { tagged: [], ancestors });
    expect(decisions.map((d) => [d.status, d.candidates.map((c) => c.id)])).toEqual([['ambiguous', ['tripoli', 'tripoli-lb']]]);
    expect(mentions('زار طرابلس', [registry[9]!])).toEqual(['طرابلس=tripoli']);
  });

  it('records demonyms as a signal, not a mention', () => {
    const decisions = resolveMatches(index.findNames('الحكومة الليبية'), { tagged: [], ancestors });
    expect(decisions.map((d) => [d.status, d.entity?.id])).toEqual([['demonym', 'libya']]);
  });
});
