import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { diagnostic, quote, type Diagnostic, type Position } from '../diagnostics.ts';

/** A content file split into its front matter and body. */
export interface SplitFile {
  /** The YAML text between the `---` lines. */
  yaml: string;
  /** 1-based line of the first YAML line in the file. */
  yamlLine: number;
  /** The Markdown body after the closing `---`. */
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
}

/**
 * Splits `---\n…\n---\n` front matter from the body. Expects text with `\n` line endings
 * (the reader converts CRLF) and no BOM.
 */
export function splitFrontMatter(text: string, file: string): { split?: SplitFile; problems: Diagnostic[] } {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') {
    return {
      problems: [
        diagnostic(
          'front-matter/missing',
          file,
          { line: 1, column: 1 },
          'the file does not start with front matter (a line “---”)',
          'start the file with “---”, then “title: …” and “date: YYYY-MM-DD”, then “---” and the text',
        ),
      ],
    };
  }
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) {
    return {
      problems: [
        diagnostic(
          'front-matter/unclosed',
          file,
          { line: 1, column: 1 },
          'the front matter opened on line 1 is never closed',
          'add a line “---” after the last front-matter field, before the text',
        ),
      ],
    };
  }
  return {
    split: {
      yaml: lines.slice(1, close).join('\n'),
      yamlLine: 2,
      body: lines.slice(close + 1).join('\n'),
      bodyLine: close + 2,
    },
    problems: [],
  };
}

/** Parsed YAML with what is needed to point at a field. */
export interface ParsedYaml {
  data: Record<string, unknown>;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  yamlLine: number;
}

/** Parses front-matter YAML; syntax errors come back located in the file. */
export function parseYaml(split: SplitFile, file: string): { parsed?: ParsedYaml; problems: Diagnostic[] } {
  const lineCounter = new LineCounter();
  // Core schema: `2021-04-19` stays a string (we check dates ourselves), `yes` is not a boolean.
  const doc = parseDocument(split.yaml, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + split.yamlLine - 1, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) =>
        diagnostic(
          'front-matter/yaml',
          file,
          at(e.pos[0]),
          `the front matter is not valid YAML: ${e.message.split('\n')[0]}`,
          'write one “key: value” per line; put a value that contains “: ” or starts with «[», «{», «"» or «#» in quotes',
        ),
      ),
    };
  }
  let data: unknown;
  try {
    // YAML anchors and aliases (&a / *a) can still fail here: an alias to nothing, or a bomb.
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return {
      problems: [
        diagnostic(
          'front-matter/yaml',
          file,
          { line: split.yamlLine, column: 1 },
          `the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
          'a value starting with «*» or «&» is read as a YAML alias or anchor: put it in quotes',
        ),
      ],
    };
  }
  if (data === null || data === undefined) {
    return { parsed: { data: {}, doc, lineCounter, yamlLine: split.yamlLine }, problems: [] };
  }
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(doc.contents)) {
    return {
      problems: [
        diagnostic(
          'front-matter/not-a-map',
          file,
          { line: split.yamlLine, column: 1 },
          'the front matter must be a list of “key: value” lines',
          'write each field on its own line, e.g. “title: …”',
        ),
      ],
    };
  }
  return { parsed: { data: data as Record<string, unknown>, doc, lineCounter, yamlLine: split.yamlLine }, problems: [] };
}

/** Where a field (or an item of a list field) is written, or the start of the front matter. */
export function positionOf(parsed: ParsedYaml, path: readonly PropertyKey[], part: 'key' | 'value' = 'value'): Position {
  const { doc, lineCounter, yamlLine } = parsed;
  const toPos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + yamlLine - 1, column: p.col };
  };
  const keys = path.filter((k): k is string | number => typeof k !== 'symbol');
  for (let depth = keys.length; depth > 0; depth--) {
    const parentPath = keys.slice(0, depth - 1);
    const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    const last = keys[depth - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      if (pair) {
        const node = part === 'key' || !pair.value ? pair.key : pair.value;
        const range = (node as { range?: [number, number, number] }).range;
        if (range) return toPos(range[0]);
      }
    } else if (isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last] as { range?: [number, number, number] } | undefined;
      if (item?.range) return toPos(item.range[0]);
    }
  }
  return { line: yamlLine - 1, column: 1 };
}

/** The value written at a path, for quoting it in a message. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function describeType(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'a map of fields';
  return `the text ${quote(value)}`;
}

/** What a field should hold, by field name, for messages. Falls back to zod's own words. */
const EXPECTED: Record<string, string> = {
  title: 'a line of text',
  date: 'a date written YYYY-MM-DD (or an ISO date-time with offset)',
  updated: 'a date written YYYY-MM-DD (or an ISO date-time with offset)',
  slug: 'a URL segment such as boukadoum-tripoli',
  draft: 'true or false',
  people: 'a list of ids or names, e.g. [sabri-boukadoum, محمد المنفي]',
  places: 'a list of ids or names, e.g. [tripoli, ليبيا]',
  aliases: 'a list of names, e.g. [بوقادوم, بوقدوم]',
  demonyms: 'a list of adjectives, e.g. [ليبي, ليبية]',
  coordinates: 'two numbers [latitude, longitude], e.g. [32.89, 13.19]',
  kind: 'one of country, region, city, town, crossing, other',
  sourceUrl: 'an absolute http(s) URL such as https://example.org/…',
};

/**
 * Validates front matter against a schema. Every issue becomes a located diagnostic; keys the
 * schema does not know become warnings (they are probably typos, and nothing is dropped silently).
 */
export function validateFrontMatter<S extends z.ZodObject>(
  schema: S,
  parsed: ParsedYaml,
  file: string,
): { value?: z.output<S>; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const known = Object.keys(schema.shape);
  for (const key of Object.keys(parsed.data)) {
    if (!known.includes(key)) {
      const close = known.find((k) => k.toLowerCase() === key.toLowerCase());
      problems.push(
        diagnostic(
          'front-matter/unknown-key',
          file,
          positionOf(parsed, [key], 'key'),
          `unknown field “${key}”; it is ignored`,
          close ? `did you mean “${close}”?` : `the fields are: ${known.join(', ')}`,
        ),
      );
    }
  }
  const result = schema.safeParse(parsed.data);
  if (result.success) return { value: result.data, problems };
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    const written = valueAt(parsed.data, issue.path);
    const expected = EXPECTED[field];
    const at = positionOf(parsed, issue.path);
    if (written === undefined && issue.code === 'invalid_type') {
      problems.push(
        diagnostic('front-matter/required', file, at, `the required field “${field}” is missing`, `add a line “${field}: …” (${expected ?? issue.message})`),
      );
    } else if (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value') {
      problems.push(
        diagnostic(
          'front-matter/type',
          file,
          at,
          `“${issue.path.join('.')}” should be ${expected ?? issue.message}, but it is ${describeType(written)}`,
          field === 'date' || field === 'updated'
            ? 'write the date as text YYYY-MM-DD, e.g. date: 2021-04-19'
            : `write ${expected ?? 'a valid value'}`,
        ),
      );
    } else if (issue.code === 'too_small' && typeof written === 'string') {
      problems.push(diagnostic('front-matter/empty', file, at, `“${field}” is empty`, `write ${expected ?? 'a value'}, or remove the line`));
    } else if (field === 'sourceUrl') {
      problems.push(
        diagnostic('front-matter/url', file, at, `“sourceUrl” ${quote(written)} is not an absolute http(s) URL`, 'write the full address of the original, starting with https://'),
      );
    } else {
      problems.push(
        diagnostic('front-matter/value', file, at, `“${issue.path.join('.')}” ${quote(written)}: ${issue.message}`, `write ${expected ?? 'a valid value'}`),
      );
    }
  }
  return { problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
}
