import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/archive/diagnostics.ts';
import { Kinds } from '../../../src/archive/kinds.ts';
import { articleFrontMatterSchema } from '../../../src/archive/model/article.ts';
import type { Diagnostic } from '../../../src/archive/diagnostics.ts';
import type { ArticleFrontMatter } from '../../../src/archive/model/article.ts';
import { PersonFrontMatterSchema } from '../../../src/archive/model/person.ts';
import { PlaceFrontMatterSchema } from '../../../src/archive/model/place.ts';
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
  const valid = validateFrontMatter(articleFrontMatterSchema(new Kinds()), yaml.parsed, FILE);
  return { ...valid, problems: [...yaml.problems, ...valid.problems], parsed: yaml.parsed, split: split.split };
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
    expect((check('---\ntitle: x\ndate: 2021-04-19\npeople: محمد المنفي\n---\n').value as Record<string, unknown> | undefined)?.['people']).toEqual(['محمد المنفي']);
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

function checkWith(schema: typeof PlaceFrontMatterSchema | typeof PersonFrontMatterSchema, text: string): Diagnostic[] {
  const split = splitFrontMatter(text, FILE);
  const yaml = parseYaml(split.split!, FILE);
  return [...yaml.problems, ...(yaml.parsed ? validateFrontMatter(schema, yaml.parsed, FILE).problems : [])];
}

const said = (d: Diagnostic) => `${d.rule}@${d.line}:${d.column} ${d.message} → ${d.hint}`;

describe('characters no page or feed may contain (issue 12, item 3)', () => {
  it('refuses YAML escapes that write control characters, located at the value and naming the character', () => {
    const r = check('---\ntitle: "خبر\\vعاجل"\ndate: 2021-04-19\nsummary: "\\e[0m"\nauthor: "a\\x00b"\nsource: "\\u0085x"\n---\n');
    expect(r.problems.map(said)).toEqual([
      'front-matter/control-character@2:8 “title” contains U+000B (vertical tab) after «خبر», a character no page or feed may contain → remove the escape «\\v» from the quoted value: a backslash escape there writes that character, not text',
      'front-matter/control-character@4:10 “summary” contains U+001B (escape), a character no page or feed may contain → remove the escape «\\e» from the quoted value: a backslash escape there writes that character, not text',
      'front-matter/control-character@5:9 “author” contains U+0000 (NUL) after «a», a character no page or feed may contain → remove the escape «\\x00» from the quoted value: a backslash escape there writes that character, not text',
      'front-matter/control-character@6:9 “source” contains U+0085 (next line), a character no page or feed may contain → remove the escape «\\u0085» from the quoted value: a backslash escape there writes that character, not text',
    ]);
  });

  it('refuses lone surrogates and noncharacters (they crash UTF-8 encoders such as Pagefind)', () => {
    const r = check('---\ntitle: "\\uD800"\ndate: 2021-04-19\nsummary: "x\\uDFFFy\\uFFFE"\nauthor: "\\U0010FFFF"\n---\n');
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.message.split(',')[0]}`)).toEqual([
      '2:8 “title” contains U+D800 (a lone surrogate',
      '4:10 “summary” contains U+DFFF (a lone surrogate',
      '5:9 “author” contains U+10FFFF (a noncharacter)',
    ]);
    expect(r.problems[1]!.message).toContain('(and 1 more)');
    // A real pair written as escapes is one character, and fine.
    expect(check('---\ntitle: "\\uD83D\\uDE00 خبر"\ndate: 2021-04-19\n---\n').problems).toEqual([]);
  });

  it('refuses raw (pasted) control characters, DEL and C1 controls, in any string: list items, field names', () => {
    const r = check('---\ntitle: خبر\x7f\ndate: 2021-04-19\npeople:\n  - sabri-boukadoum\n  - "\x1bمحمد"\nsum\x01mary: x\n---\n');
    expect(r.problems.filter((p) => p.rule === 'front-matter/control-character').map(said)).toEqual([
      'front-matter/control-character@2:8 “title” contains U+007F (delete) after «خبر», a character no page or feed may contain → delete it: it is invisible, so retype the text just after «خبر» if you cannot find it',
      'front-matter/control-character@6:5 item 2 of “people” contains U+001B (escape), a character no page or feed may contain → delete it: it is invisible, so retype the text if you cannot find it',
      'front-matter/control-character@7:1 the field name «sum\ufffdmary» contains U+0001 (a control character) after «sum», a character no page or feed may contain → delete it: it is invisible, so retype the text just after «sum» if you cannot find it',
    ]);
    expect(check('---\ntitle: "\\x9b"\ndate: 2021-04-19\n---\n').problems[0]!.message).toContain('U+009B (a C1 control character)');
    // Nothing invisible is printed back to the terminal (an escape could drive it).
    expect(r.problems.map((p) => p.message + p.hint).join('')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it('keeps tab, line feed and carriage return, and every ordinary character', () => {
    const r = check('---\ntitle: "a\\tb\\r\\nc"\ndate: 2021-04-19\nsummary: |\n  سطر\n  سطر آخر\nauthor: "\\u200Fفلان ﷺ"\n---\n');
    expect(r.problems).toEqual([]);
  });

  it('takes control characters out of the body with a located warning: a vertical tab becomes a space', () => {
    const split = splitFrontMatter('---\ntitle: x\n---\n\nكلمة\vكلمة\x01 و\x1bو\x1b\n\nسطر \uFFFF\n', FILE);
    expect(split.split!.body).toBe('\nكلمة كلمة وو\n\nسطر \n');
    expect(split.problems.map(said)).toEqual([
      'text/control-character@5:5 the text has the invisible control character U+000B (vertical tab) after «كلمة» (and 3 more on this line); it is published as a space → delete it in your editor (it usually comes with pasted text), and check that the words around it are still apart',
      'text/control-character@7:5 the text has the invisible control character U+FFFF (a noncharacter) after «سطر »; it is left out of the page → delete it in your editor (it usually comes with pasted text), and check that the words around it are still apart',
    ]);
    expect(split.problems.every((p) => p.severity === 'warning')).toBe(true);
  });
});

describe('YAML problems in words an editor can act on (issue 12, item 13)', () => {
  it('names the duplicated field and where it was first written', () => {
    const r = check('---\ntitle: خبر\ndate: 2021-04-19\nsource: أ\nsource: ب\n---\n');
    expect(r.problems.map(said)).toEqual([
      'front-matter/yaml@5:1 the field “source” is written twice (first on line 4); YAML would keep only one of them → keep one “source:” line and delete the other',
    ]);
  });

  it('says a tab in the indentation is the problem, without the advice about quotes', () => {
    const r = check('---\ntitle: خبر\ndate: 2021-04-19\npeople:\n\t- sabri-boukadoum\n---\n');
    expect(r.problems.map(said)).toEqual([
      'front-matter/yaml@5:1 line 5 is indented with a tab; YAML indentation must be spaces → replace the tab at the start of line 5 with spaces, as in the lines around it (two spaces per level)',
    ]);
  });

  it('explains a second document marker instead of naming a library function', () => {
    const r = check('---\ntitle: خبر\ndate: 2021-04-19\n--- # end\nsource: x\n---\n');
    expect(r.problems).toHaveLength(1);
    expect(said(r.problems[0]!)).toBe(
      'front-matter/yaml@4:1 the line «--- # end» starts a second YAML document inside the front matter → the front matter ends at a line that is only “---”: remove the rest of this line, or the line itself',
    );
    expect(said(r.problems[0]!)).not.toContain('parseAllDocuments');
  });

  it('names an unknown backslash escape and says how to write a backslash', () => {
    const r = check('---\ntitle: "C:\\\\new\\q"\ndate: 2021-04-19\n---\n');
    expect(r.problems.map(said)).toEqual([
      'front-matter/yaml@2:16 the escape «\\q» in a "double-quoted" value is not one YAML knows → write a backslash as \\\\, or put the value in \'single quotes\', where a backslash is an ordinary character',
    ]);
  });

  it('refuses a merge key, naming the fields it would have dropped (inline or through an anchor)', () => {
    const inline = check('---\ntitle: خبر\ndate: 2021-04-19\n<<: {source: العربي الجديد, author: فلان}\n---\n');
    expect(inline.value).toBeUndefined();
    expect(inline.problems.map(said)).toEqual([
      'front-matter/yaml@4:1 “<<” (a YAML merge key) is not supported in front matter: the fields it brings in (source, author) would not be read → write each field on its own line instead (source: …, author: …), and remove the “<<” line',
    ]);
    const anchored = check('---\ntitle: &t خبر\ndate: 2021-04-19\nsummary: *t\n<<: [{source: x}, {sourceUrl: "https://a.org/"}]\n---\n');
    expect(anchored.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '5:1 “<<” (a YAML merge key) is not supported in front matter: the fields it brings in (source, sourceUrl) would not be read',
    ]);
  });

  it('says what a valid value is, without zod’s words', () => {
    const place = checkWith(PlaceFrontMatterSchema, '---\nname: مكان\ncoordinates: [-95.5, 100]\nwikidata: Q0\n---\n');
    expect(place.map(said)).toEqual([
      'front-matter/value@3:15 the latitude (first number of “coordinates”) is -95.5; it must be between −90 and 90 → write [latitude, longitude] in degrees, north and east positive, south and west negative, e.g. [32.89, 13.19]',
      'front-matter/value@4:11 “wikidata” «Q0» is not a Wikidata id → a Wikidata id is Q followed by digits, e.g. Q123456',
    ]);
    expect(checkWith(PlaceFrontMatterSchema, '---\nname: مكان\ncoordinates: ["32.9", 13]\n---\n').map(said)).toEqual([
      'front-matter/type@3:15 the latitude (first number of “coordinates”) should be a number, but it is the text «32.9» → write it as text, or in quotes, e.g. [32.89, 13.19]',
    ]);
    const person = checkWith(PersonFrontMatterSchema, '---\nname: شخص\nwikidata: "Q 42"\n---\n');
    expect(person.map((p) => p.hint)).toEqual(['a Wikidata id is Q followed by digits, e.g. Q123456: write wikidata: Q42']);
    for (const problems of [place, person]) for (const p of problems) expect(`${p.message} ${p.hint}`).not.toMatch(/Too big|Too small|Invalid input|a valid value/);
  });

  it('never advises removing a required field, and says how to fix an empty list item', () => {
    const title = check('---\ntitle: ""\ndate: 2021-04-19\npeople: [sabri-boukadoum, " "]\n---\n');
    expect(title.problems.map(said)).toEqual([
      'front-matter/empty@2:8 “title” is empty → “title” is required, so the line cannot be removed: write the headline, a line of text',
      'front-matter/empty@4:27 item 2 of “people” is empty → write the name there, or remove the empty item from the list',
    ]);
    const name = checkWith(PersonFrontMatterSchema, '---\nname: " "\n---\n');
    expect(name[0]!.hint).toBe('“name” is required, so the line cannot be removed: write the display name in Arabic, e.g. صبري بوقادوم');
  });
});

describe('a colon inside a one-line value (issue 15: Arabic headlines often have one)', () => {
  it('reads «title: تبون: الجزائر لن تتخلى عن ليبيا» as the headline the editor wrote', () => {
    const r = check('---\ntitle: تبون: الجزائر لن تتخلى عن ليبيا\ndate: 2021-04-19\nsummary: قال الرئيس:\nimage:\n  src: ./a.jpg\n  alt: صورة\n  caption: الرئيس: في طرابلس\n---\n');
    expect(r.problems).toEqual([]);
    expect(r.value).toMatchObject({ title: 'تبون: الجزائر لن تتخلى عن ليبيا', summary: 'قال الرئيس:', image: { caption: 'الرئيس: في طرابلس' } });
  });

  it('leaves quoted values, block text and comments as YAML reads them, and the columns of what follows', () => {
    const r = check('---\ntitle: "قال: نعم"\ndate: 2021-04-19\nsummary: |\n  سطر: فيه: نقطتان\nauthor: فلان # ملاحظة: هنا\npeople: [7: x]\n---\n');
    expect(r.parsed?.data).toMatchObject({ title: 'قال: نعم', summary: 'سطر: فيه: نقطتان\n', author: 'فلان' });
    // A value that is not one line of text is still YAML's to refuse, at its own place.
    expect(r.problems.map((p) => `${p.rule}@${p.line}:${p.column}`)).toEqual(['front-matter/type@7:10']);
  });
});
