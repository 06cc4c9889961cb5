/** Which cached articles a registry edit can change (src/archive/cache/article-dependencies.ts). */
import { describe, expect, it } from 'vitest';
import { articleDependencies, isAffected, registryChange, registrySnapshot } from '../../../src/archive/cache/article-dependencies.ts';
import type { Person } from '../../../src/archive/model/person.ts';
import type { Place } from '../../../src/archive/model/place.ts';
import type { Entity } from '../../../src/archive/model/registry.ts';

const person = (id: string, name: string, more: Partial<Person> = {}): Person => ({
  entity: 'person', id, name, latin: undefined, aliases: [], contextAliases: [], stopPhrases: [], description: undefined, sourcePath: `people/${id}.md`, html: '', ...more,
});
const place = (id: string, name: string, more: Partial<Place> = {}): Place => ({
  entity: 'place', id, name, latin: undefined, kind: 'city', within: undefined, aliases: [], contextAliases: [], stopPhrases: [], demonyms: [], description: undefined, sourcePath: `places/${id}.md`, html: '', ...more,
});
/** A snapshot, with each place's containing places followed all the way up. */
function snapshot(entries: Entity[]) {
  const up = (e: Entity): Entity[] => {
    const parent = e.entity === 'place' && e.within ? entries.find((p) => p.id === e.within) : undefined;
    return parent ? [parent, ...up(parent)] : [];
  };
  return registrySnapshot(entries, up);
}

/** A cached outcome of an article with this text, naming these entries. */
function outcome(body: string, entries: Record<string, string[]> = {}, references: string[] = []) {
  return { draft: false, problems: [], article: { tagged: [], entries }, dependencies: articleDependencies(['عنوان', '', body], references) };
}

describe('article dependencies', () => {
  const menfi = person('menfi', 'محمد المنفي', { aliases: ['المنفي'] });
  const tripoli = place('tripoli', 'طرابلس', { within: 'libya' });
  const libya = place('libya', 'ليبيا', { kind: 'country' });
  const before = snapshot([menfi, tripoli, libya]);

  it('sees no change when nothing parsing reads changed (a description)', () => {
    const change = registryChange(before, snapshot([{ ...menfi, description: 'سياسي ليبي' }, tripoli, libya]));
    expect(isAffected(outcome('وصل المنفي إلى طرابلس.', { person: ['menfi'] }), change)).toBe(false);
  });

  it('re-parses for a new alias only the articles that write each of its words, the first with any proclitic', () => {
    const change = registryChange(before, snapshot([{ ...menfi, aliases: ['المنفي', 'رئيس المجلس'] }, tripoli, libya]));
    expect(isAffected(outcome('التقى برئيس المجلس في طرابلس.'), change)).toBe(true);
    expect(isAffected(outcome('وصل المنفي إلى طرابلس.', { person: ['menfi'] }), change)).toBe(false);
    // Its first word alone is not enough: a popular person's new full name starts with a common first name.
    expect(isAffected(outcome('التقى رئيس الحكومة بالوزراء.'), change)).toBe(false);
  });

  it('finds a new full name written as the matcher reads it: «عبد ال…» joined or not, after a proclitic', () => {
    const change = registryChange(before, snapshot([{ ...menfi, aliases: ['المنفي', 'عبد الحميد المنفي'] }, tripoli, libya]));
    for (const text of ['قال عبد الحميد المنفي.', 'قال عبدالحميد المنفي.', 'وقال لعبد الحميد المنفي.']) expect(isAffected(outcome(text), change), text).toBe(true);
    expect(isAffected(outcome('قال عبد الحميد الدبيبة.'), change)).toBe(false);
  });

  it('re-parses an article that wrote an alias taken away, and one whose front matter names it', () => {
    const change = registryChange(before, snapshot([{ ...menfi, aliases: [] }, tripoli, libya]));
    expect(isAffected(outcome('قال للمنفي إن الزيارة مهمة.'), change)).toBe(true);
    expect(isAffected(outcome('نص لا يذكره.', {}, ['المنفي']), change)).toBe(true);
    expect(isAffected(outcome('نص عن ليبيا.'), change)).toBe(false);
  });

  it('treats a move of a place as a change of every article naming it or a place within it', () => {
    const africa = place('africa', 'أفريقيا', { kind: 'region' });
    const change = registryChange(snapshot([menfi, tripoli, libya, africa]), snapshot([menfi, tripoli, { ...libya, within: 'africa' }, africa]));
    // Tripoli's ancestors changed too: an article that writes «طرابلس» is parsed again.
    expect(isAffected(outcome('وصل إلى طرابلس.'), change)).toBe(true);
    expect(isAffected(outcome('وصل المنفي.', { person: ['menfi'] }), change)).toBe(false);
  });

  it('treats an entry removed as a change of every article naming it, and always re-parses an outcome without a record', () => {
    const change = registryChange(before, snapshot([menfi, libya]));
    expect(isAffected(outcome('نص.', { place: ['tripoli'] }), change)).toBe(true);
    expect(isAffected({ draft: false, problems: [], article: { tagged: [], entries: {} } }, change)).toBe(true);
    expect(isAffected({ draft: true, problems: [] }, change)).toBe(false);
    expect(isAffected({ ...outcome('نص.'), problems: [{ rule: 'reference/unknown' }] }, change)).toBe(true);
  });
});

describe('surface forms, the inverse of readings', () => {
  it('hold every word that a stem is read off, over the words of real articles', async () => {
    const { readings, surfaceForms, tokenize } = await import('../../../src/archive/text/tokens.ts');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const text = fs.readFileSync(path.join(import.meta.dirname, '../../../content/articles/2021/04/boukadoum-tripoli.md'), 'utf8') + ' للمنفي لليبيا وللجزائر فبالجزائر الدبيبة بالدبيبة كالمجلس';
    let checked = 0;
    for (const token of tokenize(text)) {
      for (const reading of readings(token.folded)) {
        expect(surfaceForms(reading.stem), `${token.folded} → ${reading.stem}`).toContain(token.folded);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(800);
    // And only such words: each surface form reads back to its stem.
    for (const form of surfaceForms('المنفي')) expect(readings(form).map((r) => r.stem)).toContain('المنفي');
    expect(surfaceForms('المنفي')).toEqual(expect.arrayContaining(['المنفي', 'والمنفي', 'للمنفي', 'بالمنفي']));
  });
});
