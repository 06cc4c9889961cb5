/**
 * The words around a name decide whether it is one (src/archive/model/mentions.ts,
 * grammaticalUse and the evidence weak forms need), across people, places and organisations.
 */
import { describe, expect, it } from 'vitest';
import { MentionIndex } from '../../../src/archive/model/mention-index.ts';
import { resolveMatches } from '../../../src/archive/model/mentions.ts';
import type { Organisation } from '../../../src/archive/model/organisation.ts';
import type { Person } from '../../../src/archive/model/person.ts';
import type { Place } from '../../../src/archive/model/place.ts';
import type { Entity } from '../../../src/archive/model/registry.ts';

const base = { contextAliases: [] as string[], stopPhrases: [] as string[], html: '', latin: undefined, description: undefined, wikidata: undefined, sourcePath: '', aliases: [] as string[] };
const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({ ...base, entity: 'person', id, name, ...extra });
const place = (id: string, name: string, extra: Partial<Place> = {}): Place => ({ ...base, entity: 'place', id, name, demonyms: [], kind: 'country', within: undefined, coordinates: undefined, ...extra });
const organisation = (id: string, name: string, extra: Partial<Organisation> = {}): Organisation => ({ ...base, entity: 'organisation', id, name, kind: 'club', country: undefined, parent: undefined, ...extra });

const registry: Entity[] = [
  place('europe', 'أوروبا'),
  place('spain', 'إسبانيا'),
  place('syria', 'سورية', { aliases: ['سوريا'] }),
  place('portugal', 'البرتغال'),
  place('barcelona', 'برشلونة', { kind: 'city' }),
  place('uae', 'الإمارات'),
  person('newton', 'نيوتن'),
  person('ali', 'علي بن أبي طالب', { aliases: ['علي'] }),
  person('islam', 'إسلام الشاطر', { aliases: ['إسلام'] }),
  person('saied', 'قيس سعيد', { contextAliases: ['سعيد'] }),
  person('menfi', 'محمد المنفي', { contextAliases: ['المنفي'] }),
  person('crusader', 'صليبي'),
  organisation('selecao', 'منتخب البرتغال'),
  organisation('barca', 'نادي برشلونة', { aliases: ['برشلونة الإسباني'] }),
  place('lyon', 'ليون', { kind: 'city' }),
  place('qatar', 'قطر'),
  place('hours', 'الساعات', { kind: 'other' }),
  organisation('real', 'ريال مدريد'),
  organisation('real-short', 'الريال'),
  organisation('microsoft', 'مايكروسوفت', { kind: 'company' }),
  person('portuguese', 'برتغالي'),
  person('crusaders', 'الصليبيين'),
];
const index = new MentionIndex(registry);

/** The mentions of a text as `surface=id`, paragraphs separated by blank lines. */
function mentions(text: string): string[] {
  const paragraphs = text.split('\n\n');
  const matches = paragraphs.flatMap((p, segment) => index.findNames(p).map((m) => ({ ...m, segment, p })));
  return resolveMatches(matches, { tagged: [], ancestors: () => [] })
    .map((d, i) => ({ d, p: matches[i]!.p }))
    .filter(({ d }) => d.status === 'mention')
    .map(({ d, p }) => `${p.slice(d.match.start, d.match.end)}=${d.entity!.id}`);
}

describe('names inside other names', () => {
  it('does not link a name governed by the head of an event, prize, law or theory', () => {
    expect(mentions('فاز بدوري أبطال أوروبا وكأس ملك إسبانيا')).toEqual([]);
    expect(mentions('حسب قانون نيوتن ولقوانين نيوتن')).toEqual([]);
    expect(mentions('عاد إلى أوروبا بعد أن زار إسبانيا، وقال نيوتن')).toEqual(['أوروبا=europe', 'إسبانيا=spain', 'نيوتن=newton']);
  });

  it('lets an organisation hide the place inside its name, whatever the kinds', () => {
    expect(mentions('فاز منتخب البرتغال على نادي برشلونة')).toEqual(['منتخب البرتغال=selecao', 'نادي برشلونة=barca']);
    expect(mentions('سافر إلى برشلونة ثم إلى البرتغال')).toEqual(['برشلونة=barcelona', 'البرتغال=portugal']);
  });
});

describe('a country that is also a feminine adjective', () => {
  it('is the adjective after a noun it agrees with, or with an article it does not have', () => {
    expect(mentions('دخلت قوات سورية المنطقة')).toEqual([]);
    expect(mentions('الحضارة السورية القديمة')).toEqual([]);
    expect(mentions('مصادر إعلامية: السورية')).toEqual([]);
  });

  it('is the country after a preposition or «و», at the start of a sentence, after a verb', () => {
    expect(mentions('وصل إلى سورية')).toEqual(['سورية=syria']);
    expect(mentions('الوضع في سورية')).toEqual(['سورية=syria']);
    expect(mentions('سورية دولة عربية')).toEqual(['سورية=syria']);
    expect(mentions('زار لبنان وسورية')).toEqual(['وسورية=syria']);
    expect(mentions('زار الوفد سوريا')).toEqual(['سوريا=syria']);
  });
});

describe('names that are also words', () => {
  it('needs a title, an adjacent name or an earlier mention for a function word («علي» is folded «على»)', () => {
    expect(mentions('اعتمد على الخبرة')).toEqual([]);
    expect(mentions('قال الإمام علي')).toEqual(['علي=ali']);
    expect(mentions('علي بن أبي طالب ثم علي')).toEqual(['علي بن أبي طالب=ali', 'علي=ali']);
  });

  it('does not take «الإسلام» for a person named «إسلام»', () => {
    expect(mentions('انتشر الإسلام في المنطقة')).toEqual([]);
    expect(mentions('سجل إسلام الشاطر هدفا')).toEqual(['إسلام الشاطر=islam']);
  });

  it('reads an adjective of relation with an added article, or after a noun, as the adjective', () => {
    expect(mentions('قاد الجيش الصليبي')).toEqual([]);
    expect(mentions('هذه الإمارات صغيرة')).toEqual([]);
    expect(mentions('الإمارات دولة')).toEqual(['الإمارات=uae']);
  });

  it('counts a context alias after a title, and not when it is a word quoted on its own', () => {
    expect(mentions('واستقبل الرئيس المنفي الوفد')).toEqual(['المنفي=menfi']);
    expect(mentions('التقى قيس سعيد الوفد، وقال إنه "سعيد" بالزيارة')).toEqual(['قيس سعيد=saied']);
    expect(mentions('التقى قيس سعيد الوفد. وأكد سعيد')).toEqual(['قيس سعيد=saied', 'سعيد=saied']);
  });
});

describe('nouns of number, measure, time and currency', () => {
  it('does not read a number word as a proclitic and a name («بليون» is not «ب» + «ليون»)', () => {
    expect(mentions('بلغ عدد المستخدمين 319 بليون شخص')).toEqual([]);
    expect(mentions('سافر إلى ليون ثم بليون')).toEqual(['ليون=lyon']);
  });

  it('reads the word before a measured quantity as what is measured («بقطر 16 مترا»)', () => {
    expect(mentions('وهي بقطر 16 مترا')).toEqual([]);
    expect(mentions('فازت قطر 2 - 0')).toEqual(['قطر=qatar']);
  });

  it('needs evidence for a name that is a noun of time or currency, and «ريال مدريد» introduces «الريال»', () => {
    expect(mentions('في الساعات التي تلي الإصابة')).toEqual([]);
    expect(mentions('ارتفع سعر الريال')).toEqual([]);
    expect(mentions('لعب مع ريال مدريد، ثم فاز الريال')).toEqual(['ريال مدريد=real', 'الريال=real-short']);
  });
});

describe('names inside quoted titles and adjectives of relation', () => {
  it('does not link a name that opens a short quoted title', () => {
    expect(mentions('مثل برنامج " مايكروسوفت وورد " للكتابة')).toEqual([]);
    expect(mentions('قالت " مايكروسوفت " إن')).toEqual(['مايكروسوفت=microsoft']);
    expect(mentions('أعلنت مايكروسوفت أمس')).toEqual(['مايكروسوفت=microsoft']);
  });

  it('reads the adjective of a registered place or group after an indefinite noun as an adjective', () => {
    expect(mentions('رونالدو لاعب برتغالي محترف')).toEqual([]);
    expect(mentions('كان ريتشارد ملك صليبي نموذجي')).toEqual([]);
    expect(mentions('هاجم الصليبيين المدينة')).toEqual(['الصليبيين=crusaders']);
  });

  it('takes «أمم» as the head of a championship («أمم أوروبا»)', () => {
    expect(mentions('شارك في أمم أوروبا')).toEqual([]);
  });
});
