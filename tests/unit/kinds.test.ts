/** The kinds of entry as data: each kind's description, and the URLs built from it (the contract's). */
import { describe, expect, it } from 'vitest';
import { KINDS, kindOf } from '../../src/archive/kinds.ts';
import { paths } from '../../src/archive/urls.ts';

describe('kinds', () => {
  it('give each kind its own folder, front-matter field and schema.org type', () => {
    const kinds = Object.values(KINDS);
    for (const key of ['folder', 'field', 'schemaOrgType'] as const) expect(new Set(kinds.map((k) => k[key])).size, key).toBe(kinds.length);
    for (const [id, kind] of Object.entries(KINDS)) expect(kind.id).toBe(id);
  });

  it('build the URLs of content-format.md', () => {
    expect(paths.entity({ entity: 'person', id: 'sabri-boukadoum' })).toBe(paths.person('sabri-boukadoum'));
    expect(paths.entity({ entity: 'place', id: 'ghadames' })).toBe('/places/ghadames/');
    expect(paths.entityPage({ entity: 'person', id: 'x' }, 3)).toBe(paths.personPage('x', 3));
    expect(paths.entityPage({ entity: 'place', id: 'y' }, 2)).toBe(paths.placePage('y', 2));
    expect(paths.kindIndex('person')).toBe(paths.people());
    expect(paths.kindIndex('place')).toBe(paths.places());
  });

  it('describe an entry by its kind', () => {
    expect(kindOf({ entity: 'place' })).toMatchObject({ folder: 'places', field: 'places', schemaOrgType: 'Place', hierarchy: true, map: true });
    expect(kindOf({ entity: 'person' })).toMatchObject({ folder: 'people', labels: { singular: 'شخص', plural: 'الأشخاص' }, hierarchy: false });
  });
});
