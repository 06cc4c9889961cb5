/**
 * Incremental builds give exactly what a clean build gives. Each case changes the content (or
 * the configuration, or the caches), rebuilds incrementally over the previous output with the
 * same cache, builds the same content from scratch elsewhere, and compares every output file
 * byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKey } from '../../src/archive/output/search-index.ts';
import { buildSite, ok } from '../helpers/build-site.ts';
import { ROOT, tempDir } from '../helpers/content.ts';
import { differences, snapshot } from '../helpers/snapshot.ts';

describe('incremental builds', () => {
  const work = tempDir('incremental');
  const content = path.join(work, 'content');
  const outDir = path.join(work, 'dist');
  const cacheDir = path.join(work, 'cache');
  const article = (rel: string) => path.join(content, 'articles', rel);

  /** Rebuilds incrementally, builds the same content cleanly, and returns the incremental build's output. */
  function rebuildAndCompare(options: { site?: string } = {}): string {
    const incremental = ok(buildSite(content, { outDir, cacheDir, ...options }));
    const clean = ok(buildSite(content, { outDir: path.join(tempDir('clean'), 'dist'), ...options }));
    expect(differences(outDir, snapshot(clean.outDir))).toEqual([]);
    fs.rmSync(path.dirname(clean.outDir), { recursive: true, force: true });
    return incremental.stdout;
  }

  beforeAll(() => {
    fs.cpSync(path.join(ROOT, 'tests/fixtures/two-years'), content, { recursive: true });
    ok(buildSite(content, { outDir, cacheDir }));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('does nothing when nothing changed, and says so', () => {
    const before = fs.statSync(path.join(outDir, 'index.html')).mtimeMs;
    const stdout = ok(buildSite(content, { outDir, cacheDir })).stdout;
    expect(stdout).toContain('Nothing changed since the last build');
    expect(fs.statSync(path.join(outDir, 'index.html')).mtimeMs).toBe(before);
  });

  it('adds an article: only the pages that show it are written', () => {
    const files = fs.readdirSync(path.join(content, 'articles/2023'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const model = fs.readFileSync(path.join(content, 'articles/2023', files[0]!), 'utf8');
    fs.mkdirSync(article('2023/12'), { recursive: true });
    fs.writeFileSync(article('2023/12/added.md'), model.replace(/^title: .*$/m, 'title: "مقال جديد أضيف للتو"').replace(/^date: .*$/m, 'date: 2023-12-30').replace(/^slug: .*\n/m, ''));
    const stdout = rebuildAndCompare();
    const written = Number(/(\d+) written this build/.exec(stdout)?.[1]);
    const total = Number(/(\d+) HTML pages/.exec(stdout)?.[1]);
    expect(stdout).toContain('incremental');
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(total / 2);
    expect(stdout).toMatch(/search\s+1 of \d+ search shard/);
  });

  it('edits an article body', () => {
    const file = article('2023/12/added.md');
    fs.appendFileSync(file, '\n\nفقرة أضيفت بعد النشر، وفيها ذكر طرابلس.\n');
    rebuildAndCompare();
  });

  it('renames an article (new file name and slug)', () => {
    fs.renameSync(article('2023/12/added.md'), article('2023/12/renamed.md'));
    const stdout = rebuildAndCompare();
    expect(stdout).toMatch(/[1-9]\d* removed/);
    expect(fs.existsSync(path.join(outDir, '2023/12/added'))).toBe(false);
  });

  it('deletes an article, and turns one into a draft', () => {
    fs.rmSync(article('2023/12/renamed.md'));
    const files = fs.readdirSync(path.join(content, 'articles/2022'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const draft = path.join(content, 'articles/2022', files[0]!);
    fs.writeFileSync(draft, fs.readFileSync(draft, 'utf8').replace(/^---\n/, '---\ndraft: true\n'));
    rebuildAndCompare();
  });

  it('adds an alias to a person', () => {
    const people = fs.readdirSync(path.join(content, 'people'));
    const file = path.join(content, 'people', people[0]!);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, /^aliases:/m.test(text) ? text.replace(/^aliases: \[/m, 'aliases: [الاسم المستعار الجديد, ') : text.replace(/^name: .*$/m, (m) => `${m}\naliases: [الاسم المستعار الجديد]`));
    rebuildAndCompare();
  });

  /** How many articles the last build parsed, from its report. */
  const parsedIn = (stdout: string) => Number(/\((\d+) parsed, \d+ unchanged from the cache\)/.exec(stdout)?.[1]);

  it('re-parses no article for an alias no article writes', () => {
    // The previous case's alias is in no article: the second rebuild parses nothing again.
    const people = fs.readdirSync(path.join(content, 'people'));
    const file = path.join(content, 'people', people[0]!);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('الاسم المستعار الجديد', 'اسم مستعار لا يكتبه أحد'));
    expect(parsedIn(rebuildAndCompare())).toBe(0);
  });

  it('re-parses only the articles a registry edit can change: an alias, a name, a containing place, an entry added or removed', () => {
    fs.mkdirSync(article('2023/11'), { recursive: true });
    fs.writeFileSync(article('2023/11/envoy.md'), '---\ntitle: زيارة المفوض الخاص\ndate: 2023-11-20\n---\n\nوصل المفوض الخاص إلى مدينة الإسكندرية، والتقى ممثلي مجلس المدينة.\n');
    expect(parsedIn(rebuildAndCompare())).toBe(1);
    const person = path.join(content, 'people', fs.readdirSync(path.join(content, 'people'))[1]!);
    const original = fs.readFileSync(person, 'utf8');

    // An alias that one article writes: that article alone, which now links it. Its search
    // record is as it was (entries are not in the articles' index): only the entries' own index
    // is made again (the person has a new name), and the person's article list, which the
    // search page filters with, now holds it.
    fs.writeFileSync(person, /^aliases: \[/m.test(original) ? original.replace(/^aliases: \[/m, 'aliases: [المفوض الخاص, ') : original.replace(/^name: .*$/m, (m) => `${m}\naliases: [المفوض الخاص]`));
    const linked = rebuildAndCompare();
    expect(parsedIn(linked)).toBe(1);
    expect(linked).toMatch(/search\s+1 of \d+ search shard/);
    expect(fs.readFileSync(path.join(outDir, '2023/11/envoy/index.html'), 'utf8')).toMatch(/class="mention mention--person"[^>]*>المفوض الخاص</);
    const list = JSON.parse(fs.readFileSync(path.join(outDir, 'people', path.basename(person, '.md'), 'articles.json'), 'utf8')) as { keys: string[] };
    expect(list.keys).toContain(searchKey({ path: '/2023/11/envoy/' }));

    // The alias taken back: the same article again, and the link is gone.
    fs.writeFileSync(person, original);
    expect(parsedIn(rebuildAndCompare())).toBe(1);
    expect(fs.readFileSync(path.join(outDir, '2023/11/envoy/index.html'), 'utf8')).not.toMatch(/>المفوض الخاص</);

    // An organisation whose name holds a place's name: the articles that write its first word, and
    // in this one the council hides nothing (the city stays linked, the longest name wins).
    fs.mkdirSync(path.join(content, 'organisations'), { recursive: true });
    fs.writeFileSync(path.join(content, 'organisations/city-council.md'), '---\nname: مجلس المدينة\nkind: government\n---\n');
    const added = parsedIn(rebuildAndCompare());
    expect(added).toBeGreaterThanOrEqual(1);
    expect(fs.readFileSync(path.join(outDir, '2023/11/envoy/index.html'), 'utf8')).toMatch(/data-entity="organisation" data-id="city-council">مجلس المدينة</);

    // A place moved to another country: the articles naming it or its forms are parsed again.
    const alexandria = path.join(content, 'places/alexandria.md');
    fs.writeFileSync(alexandria, fs.readFileSync(alexandria, 'utf8').replace('within: egypt', 'within: morocco'));
    rebuildAndCompare();
    fs.writeFileSync(alexandria, fs.readFileSync(alexandria, 'utf8').replace('within: morocco', 'within: egypt'));
    rebuildAndCompare();

    // The organisation removed: the output is again what a clean build gives.
    fs.rmSync(path.join(content, 'organisations/city-council.md'));
    expect(parsedIn(rebuildAndCompare())).toBe(added);
  });

  it('adds, replaces and removes a photo: the pages that show it change, and the output is what a clean build gives', async () => {
    const files = fs.readdirSync(path.join(content, 'articles/2022'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    const file = path.join(content, 'articles/2022', files.at(-1)!);
    const original = fs.readFileSync(file, 'utf8');
    const photo = path.join(path.dirname(file), 'photo.jpg');
    const picture = (background: string) => sharp({ create: { width: 1000, height: 600, channels: 3, background } }).jpeg().toBuffer();
    const media = () => (fs.existsSync(path.join(outDir, '_media')) ? fs.readdirSync(path.join(outDir, '_media')).sort() : []);

    // Added: the photo and a line of front matter.
    const before = media();
    fs.writeFileSync(photo, await picture('#336699'));
    fs.writeFileSync(file, original.replace(/^---\n/, '---\nimage:\n  src: ./photo.jpg\n  alt: صورة للاختبار\n'));
    const added = rebuildAndCompare();
    expect(added).toMatch(/pictures\s+\d+ shown, 1 encoded this build \(9 files/);
    const first = media().filter((f) => !before.includes(f));
    expect(first).toHaveLength(9); // 1000 pixels wide: 400, 800 and its own 1000, each in three formats

    // Replaced under the same name, the article untouched: it is parsed again, the new files
    // replace the old ones, and only the pages that show the photo are written.
    fs.writeFileSync(photo, await picture('#993322'));
    const replaced = rebuildAndCompare();
    expect(parsedIn(replaced)).toBe(1);
    expect(replaced).toMatch(/9 files added to the output, 9 removed/);
    expect(media().some((f) => first.includes(f))).toBe(false);
    expect(Number(/(\d+) written this build/.exec(replaced)?.[1])).toBeLessThan(20);

    // Removed: the line and the file; the output has the pictures it had before.
    fs.writeFileSync(file, original);
    fs.rmSync(photo);
    rebuildAndCompare();
    expect(media()).toEqual(before);
  });

  it('changes a site setting (the public origin): everything is rebuilt', () => {
    const stdout = rebuildAndCompare({ site: 'https://news.example.net' });
    expect(stdout).toContain('full build');
  });

  it('throws away a cache it cannot trust: another code version, a corrupt parse cache, a page removed by hand', () => {
    // An upgrade: the manifest was written by other code.
    const manifest = path.join(cacheDir, 'build-manifest.json');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/"key":"[^"]*"/, '"key":"older-version"'));
    fs.appendFileSync(article(fs.readdirSync(path.join(content, 'articles/2023'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => `2023/${f}`)[0]!), '\nسطر آخر.\n');
    expect(rebuildAndCompare({ site: 'https://news.example.net' })).toContain('full build');

    // A truncated parse cache is read as no cache.
    for (const bucket of fs.readdirSync(cacheDir).filter((f) => /^articles-\d+\.v8$/.test(f))) {
      const file = path.join(cacheDir, bucket);
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    }
    expect(rebuildAndCompare({ site: 'https://news.example.net' })).toMatch(/\(\d+ parsed, 0 unchanged from the cache\)/);

    // A page, or a file every build writes, deleted from the output by hand is noticed.
    fs.rmSync(path.join(outDir, '2022', 'index.html'));
    rebuildAndCompare({ site: 'https://news.example.net' });
    fs.rmSync(path.join(outDir, 'index.html'));
    rebuildAndCompare({ site: 'https://news.example.net' });
  });
});
