/**
 * The build's parser threads (src/archive/parallel-parse.ts) enforce the time budget per
 * article: a thread still on one article past it is stopped, the article becomes a located
 * error, and a new thread parses the rest, in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildConfig } from '../../src/archive/config.ts';
import { loadArchive } from '../../src/archive/load.ts';
import { parseInParallel } from '../../src/archive/parallel-parse.ts';
import { ROOT, tempDir } from '../helpers/content.ts';

function article(dir: string, name: string, body: string) {
  const file = path.join(dir, 'articles', name);
  fs.writeFileSync(file, `---\ntitle: خبر ${name}\ndate: 2021-04-19\n---\n\n${body}\n`);
  return file;
}

describe('the time budget in the parser threads', () => {
  it('stops an article over the budget, reports it located, and parses the others in order', async () => {
    const dir = tempDir('budget-threads');
    fs.mkdirSync(path.join(dir, 'articles'));
    // About 3 s of rendering here: long, but nothing the scan before parsing refuses.
    const slowBody = Array.from({ length: 10_000 }, () => 'وصل **وزير** الخارجية _الجزائري_ إلى [العاصمة](https://example.org/) الليبية').join('\n\n');
    const files = [article(dir, 'a.md', 'نص أول.'), article(dir, 'b.md', slowBody), article(dir, 'c.md', 'نص ثالث.'), article(dir, 'd.md', slowBody), article(dir, 'e.md', 'نص خامس.')];
    const config = readBuildConfig({ ARCHIVE_CONTENT_DIR: dir }, ROOT);
    const started = performance.now();
    const outcomes = await parseInParallel(files, config, [], () => {}, { budgetMs: 250 });
    const seconds = (performance.now() - started) / 1000;

    expect(outcomes.map((o) => o.article?.title ?? o.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.rule}`).join())).toEqual([
      'خبر a.md',
      'b.md:5:1 markdown/too-complex',
      'خبر c.md',
      'd.md:5:1 markdown/too-complex',
      'خبر e.md',
    ]);
    expect(outcomes[1]!.problems[0]!.message).toBe('rendering the text took more than 0.25 s, the most one article may take; it was stopped');
    expect(outcomes[1]!.problems[0]!.severity).toBe('error');

    // In one thread the same articles are parsed to the end (the budget there is 30 s), which
    // takes longer than stopping them did.
    const inThread = performance.now();
    const whole = loadArchive(config);
    expect(whole.diagnostics).toEqual([]);
    expect(whole.archive!.articles).toHaveLength(5);
    expect(seconds).toBeLessThan((performance.now() - inThread) / 1000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same outcomes as parsing in one thread when nothing is over the budget', async () => {
    const config = readBuildConfig({}, ROOT);
    const files = [path.join(ROOT, 'content/articles/2021/04/boukadoum-tripoli.md')];
    const loaded = loadArchive(config);
    const outcomes = await parseInParallel(files, config, loaded.registry);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.article).toEqual(loaded.archive!.articles[0]);
  });
});
