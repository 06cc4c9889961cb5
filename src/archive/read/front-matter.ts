import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { diagnostic, quote, type Diagnostic, type MessageLanguage, type Position } from '../diagnostics.ts';
import { describeCharacter, findBadCharacters, textBefore, visible } from '../text/control-characters.ts';

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
          { message: 'لا يبدأ الملف ببياناته (سطر «---»)', hint: 'ابدأ الملف بسطر «---»، ثم «title: …» و«date: YYYY-MM-DD»، ثم «---» والنص' },
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
          { message: 'البيانات التي فُتحت في السطر 1 لم تُغلق', hint: 'أضف سطر «---» بعد آخر حقل من البيانات، قبل النص' },
        ),
      ],
    };
  }
  const bodyLine = close + 2;
  const body = cleanBody(lines.slice(close + 1), bodyLine, file);
  return {
    split: { yaml: lines.slice(1, close).join('\n'), yamlLine: 2, body: body.text, bodyLine },
    problems: body.problems,
  };
}

/**
 * Takes invisible control characters out of a body (pasted text brings them: Word's line break
 * is U+000B), with a warning per line: a vertical tab, form feed or next line becomes a space,
 * anything else is removed. Published as is, they would make the feeds ill-formed XML.
 */
function cleanBody(lines: string[], firstLine: number, file: string): { text: string; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const cleaned = lines.map((line, i) => {
    const bad = findBadCharacters(line);
    if (bad.length === 0) return line;
    const first = bad[0]!;
    const spaced = (cp: number) => cp === 0x0b || cp === 0x0c || cp === 0x85;
    const others = bad.length > 1 ? ` (and ${bad.length - 1} more on this line)` : '';
    problems.push(
      diagnostic(
        'text/control-character',
        file,
        { line: firstLine + i, column: first.index + 1 },
        `the text has the invisible control character ${describeCharacter(first.codePoint)}${first.index > 0 ? ` after ${quote(textBefore(line, first.index))}` : ' at the start of the line'}${others}; it is ${spaced(first.codePoint) ? 'published as a space' : 'left out of the page'}`,
        'delete it in your editor (it usually comes with pasted text), and check that the words around it are still apart',
        {
          message: `في النص حرف تحكم خفي ${describeCharacter(first.codePoint, 'ar')} ${first.index > 0 ? `بعد ${quote(textBefore(line, first.index))}` : 'في أول السطر'}${bad.length > 1 ? ` (و${bad.length - 1} غيره في هذا السطر)` : ''}؛ ${spaced(first.codePoint) ? 'يُنشر مسافةً' : 'لا يظهر في الصفحة'}`,
          hint: 'احذفه في محررك (يأتي عادة مع النص الملصوق)، وتأكد أن الكلمات حوله ما زالت منفصلة',
        },
      ),
    );
    let out = '';
    let from = 0;
    for (const b of bad) {
      out += line.slice(from, b.index) + (spaced(b.codePoint) ? ' ' : '');
      from = b.index + b.length;
    }
    return out + line.slice(from);
  });
  return { text: cleaned.join('\n'), problems };
}

/** Parsed YAML with what is needed to point at a field. */
export interface ParsedYaml {
  data: Record<string, unknown>;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  yamlLine: number;
}

/** The most front matter a file may have: fields are a headline, a summary, names and ids. */
export const MAX_FRONT_MATTER_BYTES = 256 * 1024;
/** The deepest lists or maps may nest in front matter (its fields are flat; the parser recurses). */
const MAX_FRONT_MATTER_NESTING = 32;

/**
 * Front matter too big or too deeply nested to parse safely (the YAML parser recurses per
 * level, and a megabyte summary is a paste gone wrong), found by one linear pass.
 */
function frontMatterLimit(split: SplitFile, file: string): Diagnostic | undefined {
  const bytes = Buffer.byteLength(split.yaml);
  if (bytes > MAX_FRONT_MATTER_BYTES) {
    return diagnostic(
      'front-matter/too-large',
      file,
      { line: split.yamlLine, column: 1 },
      `the front matter is ${Math.round(bytes / 1024).toLocaleString('en')} KB; at most ${MAX_FRONT_MATTER_BYTES / 1024} KB can be read`,
      'a field holds far more than it should (a pasted article?): move the text into the body, below the closing “---”',
      {
        message: `حجم البيانات في أول الملف ${Math.round(bytes / 1024).toLocaleString('en')} ك.ب، ولا يُقرأ منها أكثر من ${MAX_FRONT_MATTER_BYTES / 1024} ك.ب`,
        hint: 'في أحد الحقول أكثر مما ينبغي (مقال ملصوق؟): انقل النص إلى المتن، تحت سطر «---» الذي يغلقها',
      },
    );
  }
  let depth = 0;
  let quote = ''; // the quote mark of the scalar being read, or '#' in a comment
  let previous = ' ';
  let lastOnLine = ''; // the last character on this line that is not a space
  let line = split.yamlLine;
  let column = 0;
  for (const ch of split.yaml) {
    column++;
    const before = previous;
    previous = ch;
    if (ch === '\n') {
      line++;
      column = 0;
      lastOnLine = '';
      if (quote === '#') quote = ''; // quoted scalars may span lines; comments end here
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    // A value starts after «: », «- » or, inside a flow collection, anywhere; a quote or a
    // bracket anywhere else is text («it's», «C[1]»).
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    const valueStart = depth > 0 || lastOnLine === '' || ((lastOnLine === ':' || lastOnLine === '-') && (before === ' ' || before === '\t'));
    lastOnLine = ch;
    if ((ch === '"' || ch === "'") && valueStart) quote = ch;
    else if (ch === '#' && (before === ' ' || before === '\t' || before === '\n')) quote = '#';
    else if ((ch === '[' || ch === '{') && valueStart) {
      if (++depth > MAX_FRONT_MATTER_NESTING) {
        return diagnostic(
          'front-matter/yaml',
          file,
          { line, column },
          `lists or maps are nested more than ${MAX_FRONT_MATTER_NESTING} levels deep here; front matter fields hold a value or a list of values`,
          'write the list flat, e.g. “people: [sabri-boukadoum, محمد المنفي]”',
          {
            message: `القوائم هنا متداخلة أكثر من ${MAX_FRONT_MATTER_NESTING} مستويات، وحقل البيانات يحمل قيمة أو قائمة قيم`,
            hint: 'اكتب القائمة مسطحة، مثلا «people: [sabri-boukadoum, محمد المنفي]»',
          },
        );
      }
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** The YAML document, or undefined when parsing it overflowed the stack. */
function parseNested(yaml: string, lineCounter: LineCounter) {
  try {
    // Core schema: `2021-04-19` stays a string (we check dates ourselves), `yes` is not a boolean.
    return parseDocument(yaml, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * A field's plain value with «: » inside or «:» at its end, on one line: «title: تبون: الجزائر
 * لن تتخلى عن ليبيا». Arabic headlines often have a colon, and YAML refuses it there (a plain
 * value cannot hold «: », whatever follows), so the value is what the editor meant: it is read
 * as if quoted. Values already quoted, lists, maps, block scalars and values with a comment
 * (« #») are left to YAML.
 */
const COLON_IN_VALUE = /^(\s*(?:-\s+)?[\p{L}_][\p{L}\p{N}_-]*:[ \t]+)(?!["'[{|>&*!%@`#])(\S(?:.*?\S)?)[ \t]*$/u;

/** The front matter with every such value quoted (the columns before each value unchanged). */
export function quoteColonValues(yaml: string): string {
  // The lines of a block scalar («summary: |») are its text, not fields: left as they are.
  let blockIndent = -1;
  return yaml
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)![0].length;
      if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) return line;
      blockIndent = /:[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(line) ? indent : -1;
      const m = COLON_IN_VALUE.exec(line);
      if (!m) return line;
      const value = m[2]!;
      if (!(value.includes(': ') || value.endsWith(':')) || value.includes(' #')) return line;
      return `${m[1]}${JSON.stringify(value)}`;
    })
    .join('\n');
}

/** Parses front-matter YAML; syntax errors come back located in the file. */
export function parseYaml(original: SplitFile, file: string): { parsed?: ParsedYaml; problems: Diagnostic[] } {
  const split = { ...original, yaml: quoteColonValues(original.yaml) };
  const limit = frontMatterLimit(split, file);
  if (limit) return { problems: [limit] };
  const lineCounter = new LineCounter();
  const doc = parseNested(split.yaml, lineCounter);
  if (!doc) {
    // The parser recursed past the stack: nesting the linear pass above did not see.
    return {
      problems: [
        diagnostic('front-matter/yaml', file, { line: split.yamlLine, column: 1 }, 'the front matter is nested too deeply to read (lists or maps inside each other)', 'write each field as a value or a flat list', {
          message: 'البيانات في أول الملف متداخلة أعمق من أن تُقرأ (قوائم داخل قوائم)',
          hint: 'اكتب كل حقل قيمةً أو قائمة مسطحة',
        }),
      ],
    };
  }
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + split.yamlLine - 1, column: p.col };
  };
  if (doc.errors.length > 0) {
    return { problems: doc.errors.map((e) => yamlProblem(e, split, doc, at, file)) };
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
          {
            message: `البيانات في أول الملف ليست YAML صحيحا (${(error as Error).message.split('\n')[0]})`,
            hint: 'القيمة التي تبدأ بـ«*» أو «&» تُقرأ في YAML إحالةً أو مرساة: ضعها بين علامتي تنصيص',
          },
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
          { message: 'البيانات في أول الملف أسطر «الحقل: القيمة»', hint: 'اكتب كل حقل في سطر وحده، مثلا «title: …»' },
        ),
      ],
    };
  }
  const merge = (data as Record<string, unknown>)['<<'];
  if (merge !== undefined) {
    // The core schema reads «<<» as a field named “<<”: what it merges would be dropped unseen.
    const fields = [...new Set((Array.isArray(merge) ? merge : [merge]).flatMap((m) => (m && typeof m === 'object' ? Object.keys(m) : [])))];
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === '<<');
    const offset = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
    return {
      problems: [
        diagnostic(
          'front-matter/yaml',
          file,
          at(offset),
          `“<<” (a YAML merge key) is not supported in front matter${fields.length ? `: the fields it brings in (${fields.join(', ')}) would not be read` : ''}`,
          `write each field on its own line instead${fields.length ? ` (${fields.map((f) => `${f}: …`).join(', ')})` : ''}, and remove the “<<” line`,
          {
            message: `مفتاح الدمج «<<» في YAML لا يُقبل في البيانات${fields.length ? `: لن تُقرأ الحقول التي يأتي بها (${fields.join('، ')})` : ''}`,
            hint: `اكتب كل حقل في سطر وحده${fields.length ? ` (${fields.map((f) => `${f}: …`).join('، ')})` : ''}، واحذف سطر «<<»`,
          },
        ),
      ],
    };
  }
  const parsed: ParsedYaml = { data: data as Record<string, unknown>, doc, lineCounter, yamlLine: split.yamlLine };
  return { parsed, problems: checkCharacters(parsed, split.yaml, file) };
}

/** A YAML syntax error in words an editor can act on. */
function yamlProblem(e: YAMLError, split: SplitFile, doc: Document.Parsed, at: (offset: number) => Position, file: string): Diagnostic {
  const where = at(e.pos[0]);
  const lineText = visible(split.yaml.split('\n')[where.line - split.yamlLine] ?? '');
  const problem = (message: string, hint: string, ar: { message: string; hint: string }) => diagnostic('front-matter/yaml', file, where, message, hint, ar);
  switch (e.code) {
    case 'DUPLICATE_KEY': {
      const duplicate = findDuplicate(doc, e.pos[0]);
      const key = duplicate ? visible(duplicate.key) : (/^\s*(?:-\s+)?["']?([^"':]+)/.exec(lineText)?.[1]?.trim() ?? lineText.trim());
      const first = duplicate ? ` (first on line ${at(duplicate.first).line})` : '';
      return problem(`the field “${key}” is written twice${first}; YAML would keep only one of them`, `keep one “${key}:” line and delete the other`, {
        message: `الحقل «${key}» مكتوب مرتين${duplicate ? ` (أولاهما في السطر ${at(duplicate.first).line})` : ''}؛ ولا يبقى منهما إلا واحد`,
        hint: `أبقِ سطرا واحدا «${key}:» واحذف الآخر`,
      });
    }
    case 'TAB_AS_INDENT':
      return problem(`line ${where.line} is indented with a tab; YAML indentation must be spaces`, `replace the tab at the start of line ${where.line} with spaces, as in the lines around it (two spaces per level)`, {
        message: `السطر ${where.line} مُزاح بعلامة جدولة (Tab)، والإزاحة في البيانات بالمسافات وحدها`,
        hint: `ضع مسافات مكان علامة الجدولة في أول السطر ${where.line}، كما في الأسطر حوله (مسافتان لكل مستوى)`,
      });
    case 'MULTIPLE_DOCS':
      return problem(
        `the line ${quote(lineText.trim())} starts a second YAML document inside the front matter`,
        'the front matter ends at a line that is only “---”: remove the rest of this line, or the line itself',
        {
          message: `السطر ${quote(lineText.trim())} يبدأ مستند YAML ثانيا داخل البيانات`,
          hint: 'تنتهي البيانات عند سطر ليس فيه إلا «---»: احذف بقية هذا السطر، أو السطر كله',
        },
      );
    case 'BAD_DQ_ESCAPE': {
      const escape = /escape sequence (\S+)/.exec(e.message)?.[1];
      return problem(
        `${escape ? `the escape ${quote(visible(escape))}` : 'a backslash escape'} in a "double-quoted" value is not one YAML knows`,
        "write a backslash as \\\\, or put the value in 'single quotes', where a backslash is an ordinary character",
        {
          message: `${escape ? `التهريب ${quote(visible(escape))}` : 'تهريب بالشرطة المائلة العكسية'} في قيمة بين علامتي تنصيص مزدوجتين لا تعرفه YAML`,
          hint: "اكتب الشرطة العكسية \\\\، أو ضع القيمة بين علامتي تنصيص مفردتين 'هكذا'، وفيهما تكون الشرطة حرفا عاديا",
        },
      );
    }
    default:
      return problem(
        `the front matter is not valid YAML: ${e.message.split('\n')[0]}`,
        'write one “key: value” per line; close each «[» with «]» and each quote you open; put a value that starts with «[», «{», «"» or «#» in quotes',
        {
          message: `البيانات في أول الملف ليست YAML صحيحا (${e.message.split('\n')[0]})`,
          hint: 'اكتب «الحقل: القيمة» في كل سطر؛ أغلق كل «[» بـ«]» وكل علامة تنصيص تفتحها؛ وضع بين علامتي تنصيص كل قيمة تبدأ بـ«[» أو «{» أو «"» أو «#»',
        },
      );
  }
}

/** The key of a duplicate at an offset, and where it was first written. */
function findDuplicate(doc: Document.Parsed, offset: number): { key: string; first: number } | undefined {
  const search = (node: unknown): { key: string; first: number } | undefined => {
    if (isMap(node)) {
      const keys = node.items.map((p) => (isScalar(p.key) ? { value: p.key.value, range: p.key.range } : undefined));
      const i = keys.findIndex((k) => k?.range?.[0] === offset);
      if (i !== -1) {
        const first = keys.find((k) => k && k.value === keys[i]!.value);
        return { key: String(keys[i]!.value), first: first?.range?.[0] ?? offset };
      }
      for (const p of node.items) {
        const found = search(p.value);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const found = search(item);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(doc.contents);
}

const SINGLE_ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', N: '\x85' };

/** The YAML escape (\\v, \\x1b, \\uD800…) in a double-quoted value's source that writes `char`. */
function escapeFor(raw: string, char: string): string | undefined {
  for (const m of raw.matchAll(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0abefvN])/g)) {
    const body = m[1]!;
    const value = body.length === 1 ? SINGLE_ESCAPES[body] : String.fromCodePoint(Number.parseInt(body.slice(1), 16));
    if (value === char) return m[0];
  }
  return undefined;
}

/**
 * Refuses, in every field name and text value, the characters no page or feed may contain
 * (see text/control-characters.ts): a YAML escape such as "\v", "\e" or "\uD800" writes them,
 * and pasted text brings them in unseen. Located at the value.
 */
function checkCharacters(parsed: ParsedYaml, source: string, file: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const check = (node: unknown, label: string, labelAr: string) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    const bad = findBadCharacters(node.value);
    if (bad.length === 0) return;
    const first = bad[0]!;
    const char = node.value.slice(first.index, first.index + first.length);
    const raw = source.slice(node.range[0], node.range[1]);
    const written = raw.includes(char);
    const escape = written ? undefined : escapeFor(raw, char);
    const others = bad.length > 1 ? ` (and ${bad.length - 1} more)` : '';
    problems.push(
      diagnostic(
        'front-matter/control-character',
        file,
        offsetPosition(parsed, node.range[0]),
        `${label} contains ${describeCharacter(first.codePoint)}${first.index > 0 ? ` after ${quote(textBefore(node.value, first.index))}` : ''}${others}, a character no page or feed may contain`,
        written
          ? `delete it: it is invisible, so retype the text${first.index > 0 ? ` just after ${quote(textBefore(node.value, first.index))}` : ''} if you cannot find it`
          : `remove the escape ${escape ? quote(escape) : '(such as \\v, \\e, \\x1b or \\uD800)'} from the quoted value: a backslash escape there writes that character, not text`,
        {
          message: `في ${labelAr} ${describeCharacter(first.codePoint, 'ar')}${first.index > 0 ? ` بعد ${quote(textBefore(node.value, first.index))}` : ''}${bad.length > 1 ? ` (و${bad.length - 1} غيره)` : ''}، ولا يجوز هذا الحرف في صفحة ولا في خلاصة`,
          hint: written
            ? `احذفه: هو خفي، فأعد كتابة النص${first.index > 0 ? ` بعد ${quote(textBefore(node.value, first.index))}` : ''} إن لم تجده`
            : `احذف التهريب ${escape ? quote(escape) : '(مثل \\v أو \\e أو \\x1b أو \\uD800)'} من القيمة المنصصة: التهريب بالشرطة العكسية يكتب ذلك الحرف لا نصا`,
        },
      ),
    );
  };
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        check(pair.key, `the field name ${quote(visible(key))}`, `اسم الحقل ${quote(visible(key))}`);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (!isAlias(node)) {
      const last = path.at(-1);
      const field = visible(path.filter((k) => typeof k === 'string').join('.'));
      check(node, typeof last === 'number' ? `item ${last + 1} of “${field}”` : `“${field}”`, typeof last === 'number' ? `العنصر ${last + 1} من «${field}»` : `الحقل «${field}»`);
    }
  };
  walk(parsed.doc.contents, []);
  return problems;
}

/** The place in the file of an offset in the YAML text. */
function offsetPosition(parsed: ParsedYaml, offset: number): Position {
  const p = parsed.lineCounter.linePos(offset);
  return { line: p.line + parsed.yamlLine - 1, column: p.col };
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

function describeType(value: unknown, language: MessageLanguage = 'en'): string {
  const ar = language === 'ar';
  if (value === null) return ar ? 'قيمة فارغة' : 'an empty value';
  if (Array.isArray(value)) return ar ? 'قائمة' : 'a list';
  if (typeof value === 'number') return ar ? `العدد ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return ar ? 'مجموعة حقول' : 'a map of fields';
  return ar ? `النص ${quote(value)}` : `the text ${quote(value)}`;
}

/** What a field should hold, by field name, for messages. Falls back to zod's own words. */
const EXPECTED: Record<string, string> = {
  title: 'the headline, a line of text',
  name: 'the display name in Arabic, e.g. صبري بوقادوم',
  latin: 'the name in Latin letters, e.g. Sabri Boukadoum',
  date: 'a date written YYYY-MM-DD (or an ISO date-time with offset)',
  updated: 'a date written YYYY-MM-DD (or an ISO date-time with offset)',
  slug: 'a URL segment such as boukadoum-tripoli',
  summary: 'a line of text',
  source: 'the name of the publication, a line of text',
  author: 'the byline, a line of text',
  description: 'a line of text',
  draft: 'true or false',
  people: 'a list of ids or names, e.g. [sabri-boukadoum, محمد المنفي]',
  places: 'a list of ids or names, e.g. [tripoli, ليبيا]',
  aliases: 'a list of names, e.g. [بوقادوم, بوقدوم]',
  contextAliases: 'a list of names, e.g. [المنفي]',
  stopPhrases: 'a list of phrases, e.g. [اتحاد المغرب العربي]',
  demonyms: 'a list of adjectives, e.g. [ليبي, ليبية]',
  coordinates: 'two numbers [latitude, longitude], e.g. [32.89, 13.19]',
  kind: 'one of country, region, city, town, crossing, other',
  within: 'the id of the containing place, e.g. libya',
  sourceUrl: 'an absolute http(s) URL such as https://example.org/…',
  wikidata: 'a Wikidata id: Q followed by digits, e.g. Q123456',
};

/** The same, in Arabic. */
const EXPECTED_AR: Record<string, string> = {
  title: 'العنوان، سطرا من النص',
  name: 'الاسم كما يُعرض بالعربية، مثلا صبري بوقادوم',
  latin: 'الاسم بالحروف اللاتينية، مثلا Sabri Boukadoum',
  date: 'تاريخا مكتوبا YYYY-MM-DD (أو تاريخا ووقتا ISO بفارق التوقيت)',
  updated: 'تاريخا مكتوبا YYYY-MM-DD (أو تاريخا ووقتا ISO بفارق التوقيت)',
  slug: 'جزءا من عنوان URL مثل boukadoum-tripoli',
  summary: 'سطرا من النص',
  source: 'اسم المصدر، سطرا من النص',
  author: 'اسم الكاتب، سطرا من النص',
  description: 'سطرا من النص',
  draft: 'true أو false',
  people: 'قائمة معرّفات أو أسماء، مثلا [sabri-boukadoum, محمد المنفي]',
  places: 'قائمة معرّفات أو أسماء، مثلا [tripoli, ليبيا]',
  aliases: 'قائمة أسماء، مثلا [بوقادوم, بوقدوم]',
  contextAliases: 'قائمة أسماء، مثلا [المنفي]',
  stopPhrases: 'قائمة عبارات، مثلا [اتحاد المغرب العربي]',
  demonyms: 'قائمة صفات نسبة، مثلا [ليبي, ليبية]',
  coordinates: 'عددين [خط العرض, خط الطول]، مثلا [32.89, 13.19]',
  kind: 'واحدا من country, region, city, town, crossing, other',
  within: 'معرّف المكان الذي يضمه، مثلا libya',
  sourceUrl: 'عنوانا كاملا يبدأ بـhttp(s) مثل https://example.org/…',
  wikidata: 'معرّف ويكي بيانات: Q تليها أرقام، مثلا Q123456',
};

/** Fields that must be written: an empty value cannot be fixed by removing the line. */
const REQUIRED = new Set(['title', 'date', 'name']);

/** How a message names what is at a path: “title”, item 2 of “people”, the latitude of “coordinates”. */
function labelOf(path: readonly PropertyKey[], language: MessageLanguage = 'en'): string {
  const field = String(path[0] ?? '');
  const item = path[1];
  if (language === 'ar') {
    if (field === 'coordinates' && (item === 0 || item === 1)) {
      return item === 0 ? 'خط العرض (العدد الأول في «coordinates»)' : 'خط الطول (العدد الثاني في «coordinates»)';
    }
    return typeof item === 'number' ? `العنصر ${item + 1} من «${field}»` : `«${path.map(String).join('.')}»`;
  }
  if (field === 'coordinates' && (item === 0 || item === 1)) {
    return item === 0 ? 'the latitude (first number of “coordinates”)' : 'the longitude (second number of “coordinates”)';
  }
  return typeof item === 'number' ? `item ${item + 1} of “${field}”` : `“${path.map(String).join('.')}”`;
}

/** The Wikidata id an editor probably meant (q42, 42, Q042 → Q42), if any. */
function wikidataGuess(written: unknown): string | undefined {
  const m = /^\s*[qQ]?\s*0*([1-9]\d*)\s*$/.exec(String(written));
  return m ? `Q${m[1]}` : undefined;
}

/** Message and hint for a value of the right type that is not allowed. */
function valueProblem(issue: z.core.$ZodIssue, written: unknown, data: Record<string, unknown>): [string, string, { message: string; hint: string }] {
  const field = String(issue.path[0] ?? '');
  if (field === 'coordinates') {
    const c = Array.isArray(data.coordinates) ? (data.coordinates as unknown[]) : [];
    if (issue.path.length === 1) {
      return [
        `“coordinates” has ${c.length} number${c.length === 1 ? '' : 's'}; it must have two, the latitude then the longitude`,
        'write [latitude, longitude] in degrees, e.g. coordinates: [32.89, 13.19]',
        { message: `في «coordinates» ${c.length} من الأعداد، والمطلوب عددان: خط العرض ثم خط الطول`, hint: 'اكتب [خط العرض, خط الطول] بالدرجات، مثلا coordinates: [32.89, 13.19]' },
      ];
    }
    const limit = issue.path[1] === 0 ? 90 : 180;
    const [lat, lon] = c.map(Number);
    const swapped = lat !== undefined && lon !== undefined && Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
    return [
      `${labelOf(issue.path)} is ${String(written)}; it must be between −${limit} and ${limit}`,
      swapped
        ? `the two numbers look swapped: the latitude comes first, coordinates: [${lon}, ${lat}]`
        : 'write [latitude, longitude] in degrees, north and east positive, south and west negative, e.g. [32.89, 13.19]',
      {
        message: `${labelOf(issue.path, 'ar')} ${String(written)}، والمطلوب بين −${limit} و${limit}`,
        hint: swapped
          ? `يبدو العددان مقلوبين: خط العرض أولا، coordinates: [${lon}, ${lat}]`
          : 'اكتب [خط العرض, خط الطول] بالدرجات، الشمال والشرق موجبان والجنوب والغرب سالبان، مثلا [32.89, 13.19]',
      },
    ];
  }
  if (field === 'wikidata') {
    const guess = wikidataGuess(written);
    return [
      `“wikidata” ${quote(written)} is not a Wikidata id`,
      `a Wikidata id is Q followed by digits, e.g. Q123456${guess ? `: write wikidata: ${guess}` : ''}`,
      { message: `«wikidata» ${quote(written)} ليس معرّفا في ويكي بيانات`, hint: `معرّف ويكي بيانات حرف Q تليه أرقام، مثلا Q123456${guess ? `: اكتب wikidata: ${guess}` : ''}` },
    ];
  }
  return [
    `${labelOf(issue.path)} ${quote(written)}: ${issue.message}`,
    `write ${EXPECTED[field] ?? 'a value of the kind the message says'}`,
    { message: `${labelOf(issue.path, 'ar')} ${quote(written)}: قيمة لا تُقبل (${issue.message})`, hint: `اكتب ${EXPECTED_AR[field] ?? 'قيمة من النوع الذي تذكره الرسالة'}` },
  ];
}

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
          `unknown field “${visible(key)}”; it is ignored`,
          close ? `did you mean “${close}”?` : `the fields are: ${known.join(', ')}`,
          { message: `الحقل «${visible(key)}» غير معروف، فيُهمل`, hint: close ? `هل تقصد «${close}»؟` : `الحقول هي: ${known.join('، ')}` },
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
    const item = issue.path.length > 1;
    if (field === 'image' && issue.path.length === 2 && written === undefined && issue.code === 'invalid_type') {
      // A part of the lead photo left out: `alt` (what it shows) or `src` (the file).
      const part = String(issue.path[1]);
      problems.push(
        diagnostic(
          'front-matter/required',
          file,
          positionOf(parsed, ['image'], 'key'),
          part === 'alt' ? 'the lead photo has no “alt”: a description of what it shows, for readers who cannot see it' : `the lead photo has no “${part}”`,
          part === 'alt' ? 'add a line under “image:”, e.g.   alt: وزير الخارجية الجزائري في طرابلس' : 'add a line under “image:”, e.g.   src: ./photo.jpg',
          part === 'alt'
            ? { message: 'لا «alt» للصورة الرئيسية: وصف ما فيها لمن لا يراها', hint: 'أضف سطرا تحت «image:»، مثلا   alt: وزير الخارجية الجزائري في طرابلس' }
            : { message: `لا «${part}» للصورة الرئيسية`, hint: 'أضف سطرا تحت «image:»، مثلا   src: ./photo.jpg' },
        ),
      );
    } else if (written === undefined && issue.code === 'invalid_type' && !item) {
      problems.push(
        diagnostic('front-matter/required', file, at, `the required field “${field}” is missing`, `add a line “${field}: …” (${expected ?? issue.message})`, {
          message: `الحقل المطلوب «${field}» غير موجود`,
          hint: `أضف سطرا «${field}: …»${field === 'title' ? ' بعنوان المقال' : field === 'date' ? ' بتاريخه، مثلا date: 2021-04-19' : field === 'name' ? ' بالاسم بالعربية' : ''}`,
        }),
      );
    } else if (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value') {
      const wanted = field === 'coordinates' && item ? 'a number' : item ? 'a name written as text' : (expected ?? issue.message);
      const guess = field === 'wikidata' ? wikidataGuess(written) : undefined;
      problems.push(
        diagnostic(
          'front-matter/type',
          file,
          at,
          `${labelOf(issue.path)} should be ${wanted}, but it is ${describeType(written)}`,
          field === 'date' || field === 'updated'
            ? `write the date as text YYYY-MM-DD, e.g. ${field}: 2021-04-19`
            : guess
              ? `a Wikidata id starts with Q: write wikidata: ${guess}`
              : item
                ? `write it as text, or in quotes, e.g. ${field === 'coordinates' ? '[32.89, 13.19]' : (expected ?? '').replace(/^.*e\.g\. /, '') || '"…"'}`
                : `write ${expected ?? 'a value of the kind the message says'}`,
          {
            message: `${labelOf(issue.path, 'ar')} ينبغي أن يكون ${field === 'coordinates' && item ? 'عددا' : item ? 'اسما مكتوبا نصا' : (EXPECTED_AR[field] ?? issue.message)}، لكنه ${describeType(written, 'ar')}`,
            hint:
              field === 'date' || field === 'updated'
                ? `اكتب التاريخ نصا YYYY-MM-DD، مثلا ${field}: 2021-04-19`
                : guess
                  ? `معرّف ويكي بيانات يبدأ بـQ: اكتب wikidata: ${guess}`
                  : item
                    ? `اكتبه نصا، أو بين علامتي تنصيص، مثلا ${field === 'coordinates' ? '[32.89, 13.19]' : (EXPECTED_AR[field] ?? '').replace(/^.*مثلا /, '') || '"…"'}`
                    : `اكتب ${EXPECTED_AR[field] ?? 'قيمة من النوع الذي تذكره الرسالة'}`,
          },
        ),
      );
    } else if (issue.code === 'too_small' && typeof written === 'string') {
      problems.push(
        item
          ? diagnostic('front-matter/empty', file, at, `${labelOf(issue.path)} is empty`, `write the name there, or remove the empty item from the list`, {
              message: `عنصر فارغ في «${field}»`,
              hint: 'اكتب الاسم فيه، أو احذف العنصر الفارغ من القائمة',
            })
          : diagnostic(
              'front-matter/empty',
              file,
              at,
              `“${field}” is empty`,
              REQUIRED.has(field)
                ? `“${field}” is required, so the line cannot be removed: write ${expected ?? 'a value'}`
                : `write ${expected ?? 'a value'}, or remove the line`,
              {
                message: `الحقل «${field}» فارغ`,
                hint: REQUIRED.has(field) ? `«${field}» مطلوب فلا يُحذف سطره: اكتب قيمته` : 'اكتب قيمته، أو احذف السطر',
              },
            ),
      );
    } else if (field === 'sourceUrl') {
      problems.push(
        diagnostic('front-matter/url', file, at, `“sourceUrl” ${quote(written)} is not an absolute http(s) URL`, 'write the full address of the original, starting with https://', {
          message: `«sourceUrl» ${quote(written)} ليس عنوانا كاملا يبدأ بـhttp(s)`,
          hint: 'اكتب العنوان الكامل للأصل، بدءا بـhttps://',
        }),
      );
    } else {
      const [message, hint, ar] = valueProblem(issue, written, parsed.data);
      problems.push(diagnostic('front-matter/value', file, at, message, hint, ar));
    }
  }
  return { problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
}
