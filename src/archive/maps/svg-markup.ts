/**
 * Building SVG as text, safely: names and hrefs are editor input, and the maps are inserted
 * into pages as raw markup, so every value goes through `escapeXml` and every link through
 * `safeHref`.
 */

// Characters XML 1.0 forbids outright (C0 controls but tab and newlines, lone surrogates,
// U+FFFE/U+FFFF): escaping cannot make them well-formed, so they are dropped.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for XML and HTML, in element content and in quoted attributes alike. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * The href itself if it is a link a map may carry (a site path, a fragment, a relative or an
 * http(s) address), else `undefined`: a `javascript:` link inside an SVG runs like any other.
 */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '') return undefined;
  if (/^(?:[/#.?]|https?:\/\/)/i.test(trimmed)) return trimmed;
  // A bare relative path ("places/x/") has no scheme before its first slash.
  return /^[^:/?#]+(?:[/?#]|$)/.test(trimmed) ? trimmed : undefined;
}

/** Attributes as ` name="value"` pairs, values escaped; `undefined` values are left out. */
export function attributes(values: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    // Path data is written here from numbers only: the one long value needs no escaping.
    const text =
      typeof value === 'number'
        ? formatNumber(value)
        : name === 'd' && /^[\d\sMlz.-]*$/.test(value)
          ? value
          : escapeXml(value);
    out += ` ${name}="${text}"`;
  }
  return out;
}

/** A number as short as SVG allows at a tenth of a unit: 12, 3.5, -0.2 (never `-0` or `1e-7`). */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
