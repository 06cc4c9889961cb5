import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/archive/diagnostics.ts';
import { ArticleFrontMatterSchema } from '../../../src/archive/model/article.ts';
import type { Diagnostic } from '../../../src/archive/diagnostics.ts';
import type { ArticleFrontMatter } from '../../../src/archive/model/article.ts';
import {
  parseYaml,
  positionOf,
  splitFrontMatter,
  validateFrontMatter,
  type ParsedYaml,
  type SplitFile,
} from '../../../src/archive/read/front-matter.ts';

const FILE = '/site/content/articles/a.md';

interface Checked {
  problems: Diagnostic[];
  value?: ArticleFrontMatter | undefined;
  parsed?: ParsedYaml;
  split?: SplitFile;
}

function check(text: string): Checked {
  const split = splitFrontMatter(text, FILE);
  if (!split.split) return { problems: split.problems };
  const yaml = parseYaml(split.split, FILE);
  if (!yaml.parsed) return { problems: yaml.problems };
  return { ...validateFrontMatter(ArticleFrontMatterSchema, yaml.parsed, FILE), parsed: yaml.parsed, split: split.split };
}

describe('front matter', () => {
  it('splits front matter from the body and remembers where the body starts', () => {
    const r = check('---\ntitle: خبر\ndate: 2021-04-19\n---\n\nنص.\n');
    expect(r.problems).toEqual([]);
    expect(r.split).toMatchObject({ yamlLine: 2, bodyLine: 5, body: '\nنص.\n' });
    expect(r.value).toMatchObject({ title: 'خبر', date: '2021-04-19', people: [], places: [], draft: false });
  });

  it('keeps YAML dates as text so the date checker sees what was written', () => {
    expect(check('---\ntitle: x\ndate: 2021-04-19\n---\n').value?.date).toBe('2021-04-19');
  });

  it('accepts a single name where a list is expected', () => {
    expect(check('---\ntitle: x\ndate: 2021-04-19\npeople: محمد المنفي\n---\n').value?.people).toEqual(['محمد المنفي']);
  });

  it('locates each problem at its field, by line and column in the file', () => {
    const r = check('---\ntitle: x\ndate: 2021-04-19\ndraft: "yes"\npeople:\n  - a\n  - 7\n---\n');
    const where = r.problems.map((p) => `${p.rule}@${p.line}:${p.column}`);
    expect(where).toEqual(['front-matter/type@4:8', 'front-matter/type@7:5']);
    expect(r.problems[0]!.message).toContain('true or false');
  });

  it('points list items and keys', () => {
    const r = check('---\ntitle: x\ndate: 2021-04-19\nplaces: [a, b, c]\n---\n');
    expect(positionOf(r.parsed!, ['places', 2])).toEqual({ line: 4, column: 16 });
    expect(positionOf(r.parsed!, ['places'], 'key')).toEqual({ line: 4, column: 1 });
    expect(positionOf(r.parsed!, ['missing'])).toEqual({ line: 1, column: 1 });
  });

  it('refuses duplicate keys (YAML would silently keep one)', () => {
    const r = check('---\ntitle: a\ntitle: b\ndate: 2021-04-19\n---\n');
    expect(r.problems.map((p) => p.rule)).toEqual(['front-matter/yaml']);
    expect(r.problems[0]!.line).toBe(3);
  });

  it('refuses front matter that is a list, not fields', () => {
    expect(check('---\n- a\n- b\n---\n').problems.map((p) => p.rule)).toEqual(['front-matter/not-a-map']);
  });

  it('formats a problem as file:line:column: severity[rule]: message, then what to do', () => {
    const r = check('---\ntitle: x\ndate: 2021-04-19\nsourceUrl: ftp://example.org/x\n---\n');
    const text = formatDiagnostic(r.problems[0]!, '/site');
    expect(text).toBe(
      'content/articles/a.md:4:12: error[front-matter/url]: “sourceUrl” «ftp://example.org/x» is not an absolute http(s) URL\n' +
        '    → write the full address of the original, starting with https://',
    );
  });
});
