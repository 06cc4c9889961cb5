/**
 * Precision and recall of mention detection on hand-labelled Arabic newswire text
 * (tests/fixtures/mentions/labelled/*.txt, `[[surface|id]]` markup), through the same matcher
 * and resolver the build uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../../src/archive/config.ts';
import { loadArchive } from '../../../src/archive/load.ts';
import { MentionIndex } from '../../../src/archive/model/mention-index.ts';
import { resolveMatches } from '../../../src/archive/model/mentions.ts';
import type { Person } from '../../../src/archive/model/person.ts';
import type { Place } from '../../../src/archive/model/place.ts';
import { settings } from '../../../src/settings.ts';
import { ROOT } from '../../helpers/content.ts';

const CORPUS = path.join(ROOT, 'tests/fixtures/mentions');

interface Span {
  start: number;
  end: number;
  id: string;
}

/** Turns `[[surface|id]]` markup into the plain text and its labelled spans. */
export function parseLabelled(marked: string): { text: string; gold: Span[] } {
  let text = '';
  const gold: Span[] = [];
  let last = 0;
  for (const m of marked.matchAll(/\[\[([^|\]]+)\|([a-z0-9-]+)\]\]/g)) {
    text += marked.slice(last, m.index);
    gold.push({ start: text.length, end: text.length + m[1]!.length, id: m[2]! });
    text += m[1]!;
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  return { text, gold };
}

const loaded = loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: CORPUS }, ROOT));
const people = loaded.registry.filter((e): e is Person => e.entity === 'person');
const places = loaded.registry.filter((e): e is Place => e.entity === 'place');
const index = new MentionIndex([...people, ...places], settings.stopPhrases);
const placeById = new Map(places.map((p) => [p.id, p]));
const ancestors = (p: Place) => {
  const chain: Place[] = [];
  for (let q = p.within ? placeById.get(p.within) : undefined; q && !chain.includes(q); q = q.within ? placeById.get(q.within) : undefined) chain.push(q);
  return chain;
};

/** Predicted mention spans of a passage: paragraphs in order, resolved together as one article. */
function predict(text: string): Span[] {
  const located: { offset: number; match: ReturnType<MentionIndex['findNames']>[number] }[] = [];
  let offset = 0;
  text.split(/(\n\s*\n)/).forEach((paragraph, segment) => {
    if (!/^\n\s*\n$/.test(paragraph)) for (const match of index.findNames(paragraph)) located.push({ offset, match: { ...match, segment } });
    offset += paragraph.length;
  });
  return resolveMatches(
    located.map((l) => l.match),
    { tagged: [], ancestors },
  ).flatMap((d, i) =>
    d.status === 'mention' ? [{ start: located[i]!.offset + d.match.start, end: located[i]!.offset + d.match.end, id: d.entity!.id }] : [],
  );
}

const overlaps = (a: Span, b: Span) => a.id === b.id && a.start < b.end && b.start < a.end;

describe('mention detection on the labelled corpus', () => {
  const files = fs.readdirSync(path.join(CORPUS, 'labelled')).filter((f) => f.endsWith('.txt')).sort();
  const totals = { gold: 0, predicted: 0, correct: 0 };
  const misses: string[] = [];
  const falseHits: string[] = [];
  for (const file of files) {
    const { text, gold } = parseLabelled(fs.readFileSync(path.join(CORPUS, 'labelled', file), 'utf8'));
    const predicted = predict(text);
    totals.gold += gold.length;
    totals.predicted += predicted.length;
    totals.correct += predicted.filter((p) => gold.some((g) => overlaps(p, g))).length;
    for (const g of gold) if (!predicted.some((p) => overlaps(p, g))) misses.push(`${file}: missed «${text.slice(g.start, g.end)}» = ${g.id}`);
    for (const p of predicted) if (!gold.some((g) => overlaps(p, g))) falseHits.push(`${file}: false «${text.slice(p.start, p.end)}» = ${p.id}`);
  }
  const precision = totals.correct / totals.predicted;
  const recall = totals.correct / totals.gold;

  it('has a corpus worth measuring', () => {
    expect(people.length).toBeGreaterThan(7);
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(totals.gold).toBeGreaterThan(200);
  });

  it(`reaches precision ≥ 0.97 and recall ≥ 0.93`, () => {
    console.log(
      `mentions: ${totals.gold} labelled, ${totals.predicted} found, ${totals.correct} right → precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n` +
        [...falseHits, ...misses].join('\n'),
    );
    expect(precision, falseHits.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(0.93);
  });
});
