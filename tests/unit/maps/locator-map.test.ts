import { describe, expect, it } from 'vitest';
import { locatorMap } from '../../../src/archive/maps/maps.ts';
import { bytes, entry, locatorInput, mapPlace, markerIds, MAX_BYTES, parse, registry } from './map-fixtures.ts';

describe('locatorMap', () => {
  it('shows a town as a ringed dot, unlinked, in its country filled and outlined', () => {
    const drawing = locatorMap(locatorInput('ghadames'));
    const $ = parse(drawing);
    expect(drawing?.focusCountry).toBe('Libya');
    const here = $('[data-place="ghadames"]');
    expect(here.is('g.map-place--here')).toBe(true);
    expect(here.find('circle')).toHaveLength(2);
    expect(here.closest('a')).toHaveLength(0);
    // The country links to its page; its outline is dark, not only its fill different.
    const country = $('a[data-place="libya"]');
    expect(country.attr('href')).toBe('/places/libya/');
    expect(country.find('path.map-country-focus').attr('stroke')).toBe('#5e1010');
    expect(
      $('text')
        .toArray()
        .map((t) => $(t).text()),
    ).toEqual(expect.arrayContaining(['غدامس', 'ليبيا']));
    expect(drawing?.label).toBe('خريطة تبيّن موقع غدامس في ليبيا');
    expect(drawing?.text).toBe('تبيّن الخريطة موقع غدامس في ليبيا.');
  });

  it('is one accessible, responsive image: role, Arabic name, title, a viewBox and no fixed size', () => {
    const $ = parse(locatorMap(locatorInput('tripoli')));
    const svg = $('svg');
    expect(svg.attr('role')).toBe('group');
    expect(svg.attr('aria-label')).toBe('خريطة تبيّن موقع طرابلس في ليبيا');
    expect(svg.children().first().is('title')).toBe(true);
    expect(svg.find('> title').text()).toBe('خريطة تبيّن موقع طرابلس في ليبيا');
    expect(svg.attr('viewBox')).toBe('0 0 520 390');
    expect(svg.attr('width')).toBeUndefined();
    expect(svg.attr('height')).toBeUndefined();
    // The CSP forbids inline style: presentation attributes and classes only; the font is the page's.
    expect($('[style], style')).toHaveLength(0);
    expect($('[font-family]')).toHaveLength(0);
    // Links are for pointers: the page lists the same places as ordinary links.
    for (const a of $('a').toArray()) expect($(a).attr('tabindex')).toBe('-1');
  });

  it('shows a country with the places inside it that have coordinates, each linking to its page', () => {
    const drawing = locatorMap(locatorInput('algeria'));
    const $ = parse(drawing);
    expect(markerIds($).sort()).toEqual(['debdeb', 'tin-alkoum']);
    for (const id of ['debdeb', 'tin-alkoum']) expect($(`a[data-place="${id}"]`).attr('href')).toBe(`/places/${id}/`);
    // The country is the page itself: named, not linked.
    expect($('g[data-place="algeria"]')).toHaveLength(1);
    expect($('a[data-place="algeria"]')).toHaveLength(0);
    expect(drawing?.focusCountry).toBe('Algeria');
    expect(drawing?.text).toBe('تبيّن الخريطة موقع الجزائر. وعليها أيضًا: الدبداب، تين الكوم.');
    expect(drawing?.places.map((p) => [p.id, p.role])).toEqual([
      ['algeria', 'country'],
      ['debdeb', 'marker'],
      ['tin-alkoum', 'marker'],
    ]);
  });

  it('shows the whole country around a town, with some of its neighbours', () => {
    for (const id of ['tripoli', 'ghadames', 'debdeb', 'tin-alkoum']) {
      const drawing = locatorMap(locatorInput(id));
      expect(drawing?.view.spanDegrees, id).toBeGreaterThanOrEqual(15);
      expect(drawing?.view.spanDegrees, id).toBeLessThanOrEqual(48);
    }
    // Towns of one country share the view, hence the cached background.
    expect(locatorMap(locatorInput('tripoli'))?.view.key).toBe(locatorMap(locatorInput('ghadames'))?.view.key);
  });

  it('falls back to the country, without a dot, for a city without coordinates', () => {
    const input = locatorInput('tripoli');
    const drawing = locatorMap({ ...input, place: { ...input.place, coordinates: undefined } });
    const $ = parse(drawing);
    expect(drawing?.focusCountry).toBe('Libya');
    expect(markerIds($)).toEqual([]);
    expect($('.map-place--here')).toHaveLength(0);
    expect(drawing?.label).toBe('خريطة ليبيا، وفيها طرابلس');
    expect(drawing?.text).toBe('تبيّن الخريطة ليبيا؛ لم تُسجَّل إحداثيات طرابلس.');
  });

  it('finds a country without coordinates from the places inside it', () => {
    const input = locatorInput('algeria');
    const drawing = locatorMap({ ...input, place: { ...input.place, coordinates: undefined } });
    const $ = parse(drawing);
    expect(drawing?.focusCountry).toBe('Algeria');
    expect(markerIds($).sort()).toEqual(['debdeb', 'tin-alkoum']);
  });

  it('finds a place’s country from the place itself when its registry country has no coordinates', () => {
    const input = locatorInput('ghadames');
    const drawing = locatorMap({ ...input, country: { ...mapPlace(entry('libya')), coordinates: undefined } });
    expect(drawing?.focusCountry).toBe('Libya');
  });

  it('draws no map when neither the place nor its country can be located', () => {
    const lost = { id: 'x', name: 'مكان', href: '/places/x/', kind: 'town' as const };
    expect(locatorMap({ place: lost })).toBeUndefined();
    expect(
      locatorMap({ place: lost, country: { id: 'y', name: 'بلد', href: '/places/y/', kind: 'country' } }),
    ).toBeUndefined();
    expect(locatorMap({ place: { ...lost, kind: 'country' }, contained: [] })).toBeUndefined();
  });

  it('stays under 40 KB for every seed place', () => {
    for (const e of registry) {
      const drawing = locatorMap(locatorInput(e.id));
      expect(bytes(drawing), e.id).toBeGreaterThan(1000);
      expect(bytes(drawing), e.id).toBeLessThanOrEqual(MAX_BYTES);
    }
  });

  it('stays under 40 KB where coasts are most intricate (Greece, Norway, Indonesia, the Caribbean)', () => {
    const places: [string, number, number][] = [
      ['greece', 39, 22],
      ['norway', 61, 8],
      ['indonesia', -1, 114],
      ['cuba', 22, -79.5],
      ['philippines', 15, 121],
      ['denmark', 56, 10],
      ['chile', -35, -71],
      ['canada', 60, -100],
      ['russia', 61, 100],
      ['fiji', -17.8, 178],
    ];
    for (const [id, lat, lon] of places) {
      const country = {
        id,
        name: id,
        href: `/places/${id}/`,
        kind: 'country' as const,
        coordinates: [lat, lon] as const,
      };
      const town = {
        id: `${id}-town`,
        name: 'بلدة',
        href: '/',
        kind: 'town' as const,
        coordinates: [lat + 0.5, lon + 0.5] as const,
      };
      expect(bytes(locatorMap({ place: country })), id).toBeLessThanOrEqual(MAX_BYTES);
      expect(bytes(locatorMap({ place: town, country })), id).toBeLessThanOrEqual(MAX_BYTES);
    }
  });
});
