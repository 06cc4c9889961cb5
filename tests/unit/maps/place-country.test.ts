import { describe, expect, it } from 'vitest';
import { countryOf, placesByCountry, type RegistryPlace } from '../../../src/archive/maps/place-country.ts';
import { registry } from './map-fixtures.ts';

describe('countryOf and placesByCountry', () => {
  const byId = new Map<string, RegistryPlace>(registry.map((e) => [e.id, e]));
  const lookup = (id: string) => byId.get(id);

  it('is the place itself for a country, else the first country up `within`', () => {
    expect(countryOf(byId.get('libya')!, lookup)?.id).toBe('libya');
    expect(countryOf(byId.get('ghadames')!, lookup)?.id).toBe('libya');
    const quarter = { id: 'souq', kind: 'other' as const, within: 'tripoli' };
    expect(countryOf(quarter, (id) => (id === 'souq' ? quarter : byId.get(id)))?.id).toBe('libya');
  });

  it('gives up on chains that end, break or loop', () => {
    expect(countryOf({ id: 'a', kind: 'town', within: 'nowhere' }, lookup)).toBeUndefined();
    expect(countryOf({ id: 'a', kind: 'town' }, lookup)).toBeUndefined();
    const loop = new Map<string, RegistryPlace>([
      ['a', { id: 'a', kind: 'town', within: 'b' }],
      ['b', { id: 'b', kind: 'region', within: 'a' }],
    ]);
    expect(countryOf(loop.get('a')!, (id) => loop.get(id))).toBeUndefined();
  });

  it('groups places under their country, countries left out', () => {
    const groups = placesByCountry(registry);
    expect(groups.get('libya')?.map((p) => p.id)).toEqual(['tripoli', 'ghadames']);
    expect(groups.get('algeria')?.map((p) => p.id)).toEqual(['debdeb', 'tin-alkoum']);
    expect([...groups.keys()].sort()).toEqual(['algeria', 'libya']);
  });
});
