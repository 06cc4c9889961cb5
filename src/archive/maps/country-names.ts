/**
 * Arabic names of the countries around a map's subject («تونس», «النيجر»), for the faint
 * context names that tell a reader where they are. Natural Earth names its countries in
 * English and gives their ISO 3166-1 numeric code; `i18n-iso-countries` turns the code into
 * the two-letter one, and the ICU data Node ships (`Intl.DisplayNames`) names it in Arabic,
 * as Arabic software does. A shape without a code (Somaliland, Northern Cyprus) gets no name:
 * the map does not choose one for a disputed territory.
 */
import countries from 'i18n-iso-countries';
import type { NaturalEarthCountry } from './natural-earth.ts';

const regions = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'none' });
const names = new Map<string, string | undefined>();

/** The Arabic name of a Natural Earth country, if it has a code the ICU data names. */
export function arabicCountryName(country: NaturalEarthCountry): string | undefined {
  if (!country.code) return undefined;
  if (!names.has(country.code)) {
    const alpha2 = countries.numericToAlpha2(country.code);
    names.set(country.code, alpha2 ? regions.of(alpha2) : undefined);
  }
  return names.get(country.code);
}
