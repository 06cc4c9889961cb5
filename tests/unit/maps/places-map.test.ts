import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { placesMap } from '../../../src/archive/maps/maps.ts';
import { atlas, countryGeometry } from '../../../src/archive/maps/natural-earth.ts';
import { bytes, entry, mapPlace, markerIds, MAX_BYTES, parse, registry } from './map-fixtures.ts';

describe('placesMap', () => {
  it('draws a linked marker for every place with coordinates, and named countries as linked shapes', () => {
    const drawing = placesMap(registry.map(mapPlace));
    const $ = parse(drawing);
    expect(markerIds($).sort()).toEqual(['debdeb', 'ghadames', 'tin-alkoum', 'tripoli']);
    for (const e of registry) {
      const link = $(`a[data-place="${e.id}"]`);
      expect(link, e.id).toHaveLength(1);
      expect(link.attr('href')).toBe(`/places/${e.id}/`);
    }
    expect($('a[data-place="libya"] path.map-country-tagged')).toHaveLength(1);
    expect(drawing?.omitted).toEqual([]);
    expect(drawing?.text).toBe('على الخريطة: ليبيا، الجزائر، طرابلس، الدبداب، غدامس، تين الكوم.');
    expect(bytes(drawing)).toBeLessThanOrEqual(MAX_BYTES);
  });

  it('puts Debdeb and Ghadames on their own sides of the Algeria–Libya border', () => {
    const debdeb = entry('debdeb');
    const ghadames = entry('ghadames');
    const drawing = placesMap([mapPlace(debdeb), mapPlace(ghadames)]);
    parse(drawing);
    // Close enough to be drawn from 1:10m, where the border runs between the two towns…
    expect(drawing?.view.resolution).toBe('10m');
    const algeria = countryGeometry(atlas('10m').byName.get('Algeria')!);
    const libya = countryGeometry(atlas('10m').byName.get('Libya')!);
    const [lat1, lon1] = debdeb.coordinates!;
    const [lat2, lon2] = ghadames.coordinates!;
    expect(geoContains(algeria, [lon1, lat1])).toBe(true);
    expect(geoContains(libya, [lon1, lat1])).toBe(false);
    expect(geoContains(libya, [lon2, lat2])).toBe(true);
    expect(geoContains(algeria, [lon2, lat2])).toBe(false);
    // …and drawn west (left) of Ghadames, a few units apart, not on top of each other.
    const [d, g] = ['debdeb', 'ghadames'].map((id) => drawing!.places.find((p) => p.id === id)!);
    expect(d!.x).toBeLessThan(g!.x);
    expect(g!.x - d!.x).toBeGreaterThan(3);
    // Both named: the later label moves to the other side instead of covering the first.
    expect(d!.labelled && g!.labelled).toBe(true);
  });

  it('never zooms closer than a region: one town shows 8° around it, within the frame', () => {
    const drawing = placesMap([mapPlace(entry('ghadames'))]);
    const $ = parse(drawing);
    expect(drawing?.view.spanDegrees).toBeGreaterThanOrEqual(8);
    const marker = drawing!.places[0]!;
    expect(marker.x).toBeGreaterThan(20);
    expect(marker.x).toBeLessThan(500);
    expect(marker.y).toBeGreaterThan(20);
    expect(marker.y).toBeLessThan(320);
    expect($('svg').attr('aria-label')).toBe('خريطة تبيّن موقع غدامس');
  });

  it('fits distant places with room around the markers', () => {
    const far = [
      mapPlace(entry('tripoli')),
      { id: 'cairo', name: 'القاهرة', href: '/places/cairo/', coordinates: [30.04, 31.24] as const },
    ];
    const drawing = placesMap(far);
    for (const p of drawing!.places) {
      expect(p.x, p.id).toBeGreaterThan(10);
      expect(p.x, p.id).toBeLessThan(510);
      expect(p.y, p.id).toBeGreaterThan(10);
      expect(p.y, p.id).toBeLessThan(330);
    }
  });

  it('lists places without coordinates as omitted, and draws nothing when none has any', () => {
    const lost = { id: 'lost', name: 'مكان', href: '/places/lost/' };
    expect(placesMap([lost])).toBeUndefined();
    expect(placesMap([])).toBeUndefined();
    expect(placesMap([lost, mapPlace(entry('tripoli'))])?.omitted).toEqual([lost]);
  });

  it('escapes hostile names and ids, and drops unsafe links', () => {
    const hostile = {
      id: 'x"><script>alert(1)</script>',
      name: 'غدامس <b onmouseover="alert(2)"> & «ك» \'q\' \u0001',
      href: 'javascript:alert(3)',
      coordinates: [30.13, 9.5] as const,
    };
    const quoted = {
      id: 'q',
      name: '"طرابلس" & <i>',
      href: '/places/q/?a=1&b=2',
      coordinates: [32.89, 13.19] as const,
    };
    const drawing = placesMap([hostile, quoted]);
    const $ = parse(drawing);
    expect($('script, b, i')).toHaveLength(0);
    expect($('[onmouseover]')).toHaveLength(0);
    expect(drawing!.svg).not.toContain('javascript:');
    expect(drawing!.svg).not.toContain('\u0001');
    // The hostile place keeps its marker, without a link; the other links with its query intact.
    expect($('g[data-place]').attr('data-place')).toBe(hostile.id);
    expect($('a[data-place="q"]').attr('href')).toBe('/places/q/?a=1&b=2');
    // Names read back as written (a long one may have no room for a label: then its tooltip).
    const texts = $('.map-labels text, .map-places title')
      .toArray()
      .map((t) => $(t).text());
    expect(texts).toContain('غدامس <b onmouseover="alert(2)"> & «ك» \'q\' ');
    expect(texts).toContain('"طرابلس" & <i>');
    expect($('svg').attr('aria-label')).toContain('"طرابلس" & <i>');
  });
});
