/**
 * Text that goes into XML (feeds, the sitemap) or a search record: what XML 1.0 can carry, and
 * a strict check that a document is well-formed.
 *
 * Defence in depth: the reader refuses control characters in front matter and bodies with
 * located diagnostics; whatever reaches the output is still cleaned here, because one forbidden
 * character makes a feed ill-formed and every subscriber's reader then rejects the whole feed.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * Everything outside XML 1.0's `Char` production: the C0 controls but tab, LF and CR, lone
 * surrogates, and U+FFFE/U+FFFF. (With the `u` flag a lone surrogate is one code point, outside
 * every range below, so it matches; a valid pair is one astral code point, inside the last.)
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML cannot carry; also well-formed UTF-16 (no lone surrogate). */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Does the text hold a character XML cannot carry? */
export function hasNonXmlChars(text: string): boolean {
  NOT_XML_CHAR.lastIndex = 0;
  const found = NOT_XML_CHAR.test(text);
  NOT_XML_CHAR.lastIndex = 0;
  return found;
}

const HTML_REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Plain text as HTML text (for fields readers render as HTML, such as an RSS `<description>`):
 * the five characters that HTML gives a meaning, as character references. The XML layer then
 * escapes this once more, so the reader sees exactly the text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_REFERENCES[c]!);
}

/** An element as the strict parser reports it. */
export type XmlElement = SaxesTagNS;

/** What to do with a parsed document: called for every element, its text when it closes. */
export interface XmlVisitor {
  open?(element: XmlElement, ancestors: readonly XmlElement[]): void;
  close?(element: XmlElement, text: string, ancestors: readonly XmlElement[]): void;
  /** A processing instruction (`<?target body?>`) in the content of `ancestors`. */
  instruction?(target: string, ancestors: readonly XmlElement[]): void;
}

/**
 * Parses a document with a strict XML 1.0 parser (saxes, namespace-aware) and returns its first
 * well-formedness error (`line:column: message`), or undefined. Text is collected only for the
 * elements `collect` picks, so large documents cost little.
 */
export function parseXml(xml: string, visitor: XmlVisitor = {}, collect: (element: XmlElement) => boolean = () => false): string | undefined {
  const error = parse(xml, visitor, collect, false);
  // Positions slow the parser down; they are tracked only to say where a bad document goes wrong.
  return error === undefined ? undefined : parse(xml, {}, () => false, true);
}

function parse(xml: string, visitor: XmlVisitor, collect: (element: XmlElement) => boolean, position: boolean): string | undefined {
  const parser = new SaxesParser({ xmlns: true, position });
  let error: string | undefined;
  const stack: XmlElement[] = [];
  const texts: (string[] | undefined)[] = [];
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('doctype', () => {
    // A DTD could declare entities; no file we write has one.
    error ??= `${position ? `${parser.line}:${parser.column}: ` : ''}a DOCTYPE, which no feed or sitemap has`;
  });
  parser.on('opentag', (tag) => {
    visitor.open?.(tag, stack);
    stack.push(tag);
    texts.push(collect(tag) ? [] : undefined);
  });
  parser.on('processinginstruction', ({ target }) => visitor.instruction?.(target, stack));
  const onText = (text: string) => {
    for (const t of texts) t?.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    stack.pop();
    const text = texts.pop();
    visitor.close?.(tag, text ? text.join('') : '', stack);
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= e instanceof Error ? e.message : String(e);
  }
  return error;
}
