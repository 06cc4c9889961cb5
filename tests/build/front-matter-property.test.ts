/**
 * A property over the whole build: any front-matter string value of up to 2,000 characters,
 * C0 controls, lone surrogates, bidi controls and XML/HTML metacharacters included, either is
 * refused with a located error, or builds; and no output file holds it unescaped. Each run puts
 * 24 random values into the title, summary, author and source of 24 articles and builds them
 * once with the real command (the values the reader refuses are checked to be located first).
 * `PROPERTY_RUNS=40` runs it longer (4 runs in `npm test`; 40 passed when it was written).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../src/archive/config.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { buildSite } from '../helpers/build-site.ts';
import { ROOT, tempDir } from '../helpers/content.ts';

const PIECES = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءة ،؛؟«»',
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0085',
  '\uD800', '\uDFFF', '\uFFFE', '\uFFFF',
  '\u200E', '\u200F', '\u202A', '\u202B', '\u202E', '\u2066', '\u2069', '\u061C',
  '<', '>', '&', '"', "'", ']]>', '<![CDATA[', '</script>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&amp;', '&#0;', '`', '\\',
  ...'abcXYZ019 \t\n',
];
const value = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 })), { minLength: 1, maxLength: 400 }).map((parts) => parts.join('').slice(0, 2000));
/** Values without the characters the reader refuses, so that most of them reach the output. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/g;
const publishable = value.map((v) => v.replace(CONTROLS, ''));
const FIELDS = ['title', 'summary', 'author', 'source'] as const;

/** An article whose four text fields hold `v`, as a YAML double-quoted string (JSON is one). */
function article(v: string, i: number): string {
  return `---\n${FIELDS.map((f) => `${f}: ${JSON.stringify(v)}`).join('\n')}\ndate: 2021-04-${String((i % 28) + 1).padStart(2, '0')}\nslug: value-${i}\n---\n\nنص المقال ${i}.\n`;
}

/** Every text file of a built site (the search index is binary, and checked by search-records.test.ts). */
function outputTexts(outDir: string): [string, string][] {
  return fs
    .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(html|xml|txt|json)$/.test(f) && !f.startsWith('pagefind'))
    .map((f) => [f, fs.readFileSync(path.join(outDir, f), 'utf8')]);
}

describe('any front-matter string value', () => {
  it('is refused located, or builds with nothing unescaped in any output file', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 8, maxLength: 8 }), fc.array(publishable, { minLength: 16, maxLength: 16 }), (refusable, clean) => {
        const values = [...refusable, ...clean];
        const work = tempDir('fm-property');
        try {
          const accepted: string[] = [];
          for (const [i, v] of values.entries()) {
            // Alone, against the seed registry: refused with located errors, or accepted.
            const alone = path.join(work, `alone-${i}`);
            fs.mkdirSync(path.join(alone, 'articles'), { recursive: true });
            fs.writeFileSync(path.join(alone, 'articles', 'a.md'), article(v, i));
            const result = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: alone }, ROOT));
            const errors = result.diagnostics.filter((d) => d.severity === 'error');
            for (const e of errors) {
              expect(e.file, JSON.stringify(v)).toBe(path.join(alone, 'articles', 'a.md'));
              expect(e.line, JSON.stringify(v)).toBeGreaterThanOrEqual(2);
              expect(e.line, JSON.stringify(v)).toBeLessThanOrEqual(FIELDS.length + 3);
              expect(e.column, JSON.stringify(v)).toBeGreaterThanOrEqual(1);
            }
            if (errors.length === 0) accepted.push(v);
          }
          // Most clean values build (only an empty title or one YAML reads otherwise is refused).
          expect(accepted.length).toBeGreaterThanOrEqual(8);
          const content = path.join(work, 'content');
          fs.mkdirSync(path.join(content, 'articles'), { recursive: true });
          accepted.forEach((v, i) => fs.writeFileSync(path.join(content, 'articles', `a${i}.md`), article(v, i)));
          const built = buildSite(content, { outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache') });
          expect(built.status, built.stderr).toBe(0);
          expect(built.stderr).not.toMatch(/^\s+at /m);
          // Markup in a value never becomes markup: no element, handler or character it could smuggle in.
          for (const [file, text] of outputTexts(built.outDir)) {
            expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text), `${file}: a character XML and HTML forbid`).toBe(false);
            if (file.endsWith('.xml')) {
              expect(/<(script|img|svg|iframe)\b/i.test(text), `${file}: an element in XML`).toBe(false);
              continue;
            }
            if (!file.endsWith('.html')) continue;
            const $ = cheerio.load(text);
            expect($('script:not([type="application/ld+json"])').length, file).toBe(file.startsWith('search') ? 1 : 0);
            expect($('img, iframe, svg:not(.map), object, embed').length, file).toBe(0);
            $('*').each((_, el) => {
              for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) expect(name.startsWith('on'), `${file}: ${name}`).toBe(false);
            });
            // JSON-LD stays data: parsable, and nothing in it closes its script.
            $('script[type="application/ld+json"]').each((_, el) => void JSON.parse($(el).text()));
          }
        } finally {
          fs.rmSync(work, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 4) },
    );
  });
});
