/** The kinds of entry as data: each kind's description, the URLs built from it (the contract's), and kinds a site configures. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_KINDS, Kinds, configuredKindProblem, kindIdOf } from '../../src/archive/kinds.ts';
import { paths } from '../../src/archive/urls.ts';

describe('kinds', () => {
  it('give each kind its own folder, front-matter field and schema.org type', () => {
    const kinds = new Kinds([{ id: 'sections', singular: 'قسم', plural: 'الأقسام' }]).all;
    for (const key of ['id', 'folder', 'field', 'schemaOrgType'] as const) expect(new Set(kinds.map((k) => k[key])).size, key).toBe(kinds.length);
    for (const [id, kind] of Object.entries(BUILTIN_KINDS)) expect(kind.id).toBe(id);
  });

  it('build the URLs of content-format.md', () => {
    expect(paths.entity({ entity: 'person', id: 'sabri-boukadoum' })).toBe('/people/sabri-boukadoum/');
    expect(paths.entity({ entity: 'place', id: 'ghadames' })).toBe('/places/ghadames/');
    expect(paths.entity({ entity: 'organisation', id: 'presidential-council' })).toBe('/organisations/presidential-council/');
    expect(paths.entity({ entity: 'term', taxonomy: 'sections', id: 'politics' })).toBe('/sections/politics/');
    expect(paths.entityPage({ entity: 'person', id: 'x' }, 3)).toBe('/people/x/page/3/');
    expect(paths.entityPage({ entity: 'place', id: 'y' }, 2)).toBe('/places/y/page/2/');
    expect(paths.entityFeed({ entity: 'organisation', id: 'z' })).toBe('/organisations/z/feed.xml');
    expect(paths.kindIndex('person')).toBe('/people/');
    expect(paths.kindIndex('place')).toBe('/places/');
    expect(paths.kindIndex('organisation')).toBe('/organisations/');
    expect(paths.kindIndex('sections')).toBe('/sections/');
  });

  it('describe an entry by its kind', () => {
    expect(BUILTIN_KINDS.place).toMatchObject({ folder: 'places', field: 'places', schemaOrgType: 'Place', hierarchy: 'within', map: true });
    expect(BUILTIN_KINDS.person).toMatchObject({ folder: 'people', labels: { singular: 'شخص', plural: 'الأشخاص' }, hierarchy: undefined });
    expect(BUILTIN_KINDS.organisation).toMatchObject({ folder: 'organisations', schemaOrgType: 'Organization', hierarchy: 'parent', matchText: true });
    const kinds = new Kinds([{ id: 'sections', singular: 'قسم', plural: 'الأقسام' }]);
    expect(kinds.of({ entity: 'term', taxonomy: 'sections' })).toMatchObject({ family: 'term', folder: 'sections', field: 'sections', schemaOrgType: 'DefinedTerm', matchText: false, feed: true });
    expect(kindIdOf({ entity: 'term', taxonomy: 'sections' })).toBe('sections');
    expect(kinds.of({ entity: 'term', taxonomy: 'sections' }).labels.intro).toBe('كل الأقسام في الأرشيف، مرتبة أبجديًا.');
    expect(kinds.configured.map((k) => k.id)).toEqual(['sections']);
  });

  it('refuse a configured kind that would take a built-in kind’s or the site’s own URLs', () => {
    const kind = (id: string) => ({ id, singular: 'قسم', plural: 'الأقسام' });
    expect(configuredKindProblem(kind('sections'))).toBeUndefined();
    expect(configuredKindProblem(kind('people'))).toMatch(/built-in kind person/);
    expect(configuredKindProblem(kind('organisation'))).toMatch(/built-in kind organisation/);
    for (const id of ['page', 'hijri', 'search', 'pagefind', 'articles']) expect(configuredKindProblem(kind(id)), id).toMatch(/uses itself/);
    for (const id of ['2021', 'Sections', 'أقسام', 'a b']) expect(configuredKindProblem(kind(id)), id).toMatch(/lower-case ASCII/);
    expect(() => new Kinds([kind('sections'), kind('sections')])).toThrow(/declared twice/);
    expect(() => new Kinds([{ id: 'topics', singular: '', plural: 'المواضيع' }])).toThrow(/singular and plural/);
  });
});
