/**
 * The README's examples build (issue 15, item 8): its sample article, as an editor would copy
 * it into content/ beside the seed registry, with the Photos section's lead photo and figure
 * added to it. The README's headline has «: » in it, as Arabic headlines often do.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ok, type BuiltSite } from '../helpers/build-site.ts';
import { contentWithSeedRegistry, ROOT, tempDir } from '../helpers/content.ts';

/** The README's fenced blocks of a language, in order. */
function readmeBlocks(language: string): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1]!);
}

let built: BuiltSite;
let sample: string;
let content: string;
let cacheDir: string;

beforeAll(async () => {
  const articles = readmeBlocks('markdown').filter((b) => b.startsWith('---\n'));
  expect(articles.length, 'the README has a sample article').toBeGreaterThan(0);
  sample = articles[0]!;
  const [photoBlock, figureBlock] = readmeBlocks('markdown').filter((b) => /^image:\n|^!\[/.test(b));
  expect(photoBlock, 'the README shows a lead photo').toBeDefined();
  expect(figureBlock, 'the README shows a figure').toBeDefined();
  // The sample, with the lead photo in its front matter and the figure after its first paragraph.
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(sample)!;
  const [first, ...rest] = body!.trim().split('\n\n');
  const article = `---\n${front}\n${photoBlock!.trimEnd()}\n---\n\n${[first, figureBlock!.trim(), ...rest].join('\n\n')}\n`;

  const dir = contentWithSeedRegistry(tempDir('readme-case'));
  fs.rmSync(path.join(dir, 'articles'), { recursive: true, force: true });
  const folder = path.join(dir, 'articles/2021/04');
  fs.mkdirSync(path.join(folder, 'photos'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'boukadoum-tripoli.md'), article);
  // The files the examples name.
  const photo = (background: string) => sharp({ create: { width: 1200, height: 800, channels: 3, background } }).jpeg().toBuffer();
  const src = /src: \.\/(\S+)/.exec(photoBlock!)![1]!;
  fs.writeFileSync(path.join(folder, src), await photo('#6a8caf'));
  const figure = /\]\(([^ )]+)/.exec(figureBlock!)![1]!;
  fs.writeFileSync(path.join(folder, figure), await photo('#af8c6a'));
  content = dir;
  cacheDir = tempDir('readme-cache');
  built = buildSite(dir, { cacheDir });
}, 180_000);

describe('the README’s examples', () => {
  it('build as they are written, with no error and no warning', () => {
    ok(built);
    expect(built.stdout).toMatch(/warnings\s+0/);
  });

  it('publish the sample at the address the README gives, its headline whole, colon and all', () => {
    const url = /published at `([^`]+)`/.exec(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'))![1]!;
    const $ = cheerio.load(fs.readFileSync(path.join(built.outDir, ...url.split('/').filter(Boolean), 'index.html'), 'utf8'));
    const title = /^title: (.*)$/m.exec(sample)![1]!;
    expect(title).toContain(': ');
    expect($('h1').first().text()).toBe(title);
    expect($('figure.article-figure img').length + $('figure img').length).toBeGreaterThanOrEqual(2);
  });

  it('are reported in Arabic with --lang ar: a build with nothing to do, and one stopped by an error (issue 15, item 16)', () => {
    const again = ok(buildSite(content, { outDir: built.outDir, cacheDir, args: ['--lang', 'ar'] }));
    expect(again.stdout).toMatch(/^قراءة .*\/ …$/m);
    expect(again.stdout).toMatch(/^قُرئ 1 مقال \(وتُركت 0 مسودة\)، الأشخاص \d+، الأماكن \d+، المؤسسات \d+، في /m);
    expect(again.stdout).toMatch(/^لا جديد منذ البناء السابق/m);
    expect(again.stdout).toMatch(/^ {2}التنبيهات {2}0$/m);
    const file = path.join(content, 'articles/2021/04/boukadoum-tripoli.md');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(/^date: .*$/m, 'date: 19/04/2021'));
    try {
      const stopped = buildSite(content, { outDir: built.outDir, cacheDir, args: ['--lang', 'ar'] });
      expect(stopped.status).toBe(1);
      expect(stopped.stderr).toMatch(/boukadoum-tripoli\.md:\d+:7: خطأ\[front-matter\/date\]: .*هل تقصد 2021-04-19؟/);
      expect(stopped.stderr.trim().split('\n').at(-1)).toMatch(/^توقف البناء: 1 خطأ و0 تنبيه\. لم يُمسّ .*dist\/\.$/);
    } finally {
      fs.writeFileSync(file, text);
    }
  });
});
