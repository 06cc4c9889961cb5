import { describe, expect, it } from 'vitest';
import { atlas, countryAt } from '../../../src/archive/maps/natural-earth.ts';
import { registry } from './map-fixtures.ts';

describe('countryAt', () => {
  it('finds each seed place’s country by its coordinates, not its name', () => {
    const found = Object.fromEntries(registry.map((e) => [e.id, countryAt(...e.coordinates!)?.name]));
    expect(found).toEqual({
      tripoli: 'Libya',
      libya: 'Libya',
      algeria: 'Algeria',
      debdeb: 'Algeria',
      ghadames: 'Libya',
      'tin-alkoum': 'Algeria',
    });
  });

  it('finds nothing at sea, and no shape wound inside out swallows the world (1:10m Maldives)', () => {
    expect(countryAt(35, 18)).toBeUndefined();
    expect(countryAt(4.17, 73.51)?.name).toBe('Maldives');
    expect(countryAt(-30, -140)).toBeUndefined();
  });

  it('handles shapes cut at the antimeridian', () => {
    expect(countryAt(66, -175)?.name).toBe('Russia');
    expect(countryAt(66, 170)?.name).toBe('Russia');
    expect(countryAt(-16.85, -179.97)?.name).toBe('Fiji');
    expect(countryAt(-16.15, 179.99)?.name).toBe('Fiji');
  });

  it('reads each scale once and keeps it', () => {
    expect(atlas('50m')).toBe(atlas('50m'));
    expect(atlas('110m').countries.length).toBeGreaterThan(170);
    expect(atlas('10m').byName.get('Algeria')?.polygons.length).toBeGreaterThan(0);
  });
});
