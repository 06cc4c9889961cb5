/**
 * Photos end to end (issue 14), with the real build command: a lead photo beside the article,
 * a figure in a sub-folder, one from content/media/, pictures made here with sharp (a JPEG
 * carrying GPS EXIF and the camera's orientation, a PNG, an SVG). What the pages, the feed and
 * the files hold, and every way a picture can be refused, located.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ok, type BuiltSite } from '../helpers/build-site.ts';
import { tempDir } from '../helpers/content.ts';

const work = tempDir('photos');
const content = path.join(work, 'content');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const ARTICLE = `---
title: "زيارة إلى طرابلس: ميناء المدينة"
date: 2021-04-19
slug: port
image:
  src: ./lead.jpg
  alt: الميناء القديم في طرابلس صباحًا
  caption: ميناء طرابلس
  credit: رويترز
---

وصل الوفد إلى الميناء.

![رصيف الصيادين](photos/quay.png "رصيف الصيادين — تصوير: سالم الورفلي")

وفي الخريطة موقع المرفأ.

![خريطة المرفأ](/media/map.svg "خريطة: فريق الأرشيف")
`;

/** A photo as a camera gives it: 1800 × 1200 sensor pixels, turned (orientation 6), with GPS EXIF. */
async function cameraPhoto(): Promise<Buffer> {
  const pixels = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#7a9cb8' } })
    .composite([{ input: Buffer.from('<svg width="1800" height="1200"><rect x="0" y="700" width="1800" height="500" fill="#23445c"/></svg>') }])
    .jpeg({ quality: 90 })
    .toBuffer();
  return sharp(pixels)
    .withExif({ IFD0: { Make: 'Camera', Model: 'X100', Copyright: 'Photographer' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 53/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '13/1 11/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function writeContent(dir: string): Promise<void> {
  fs.mkdirSync(path.join(dir, 'articles/2021/photos'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'media'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'articles/2021/port.md'), ARTICLE);
  fs.writeFileSync(path.join(dir, 'articles/2021/lead.jpg'), await cameraPhoto());
  fs.writeFileSync(path.join(dir, 'articles/2021/photos/quay.png'), await sharp({ create: { width: 900, height: 600, channels: 4, background: { r: 200, g: 120, b: 60, alpha: 1 } } }).png().toBuffer());
  fs.mkdirSync(path.join(dir, 'people'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'people/salem-warfalli.md'),
    '---\nname: سالم الورفلي\nimage:\n  src: ./salem-warfalli.jpg\n  alt: صورة سالم الورفلي\n  credit: "المصدر: أرشيف العائلة"\n---\n\nمصور صحفي من طرابلس.\n\n![ميناء طرابلس](/media/harbour.png "من صوره — تصوير: سالم الورفلي")\n',
  );
  // A place takes a photo as a person does (issue 15's walk found it refused as an unknown field).
  fs.mkdirSync(path.join(dir, 'places'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'places/old-harbour.md'), '---\nname: المرفأ القديم\nkind: other\nimage:\n  src: /media/harbour.png\n  alt: المرفأ القديم من البحر\n  credit: فريق الأرشيف\n---\n');
  fs.writeFileSync(path.join(dir, 'media/harbour.png'), await sharp({ create: { width: 820, height: 500, channels: 3, background: '#4a7a99' } }).png().toBuffer());
  fs.writeFileSync(path.join(dir, 'people/salem-warfalli.jpg'), await sharp({ create: { width: 600, height: 800, channels: 3, background: '#8a6f5a' } }).jpeg().toBuffer());
  fs.writeFileSync(path.join(dir, 'media/map.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#e8e0cf"/><circle cx="150" cy="100" r="40" fill="#8a1c1c"/></svg>');
}

let built: BuiltSite;
let page: cheerio.CheerioAPI;

beforeAll(async () => {
  await writeContent(content);
  built = ok(buildSite(content));
  page = cheerio.load(fs.readFileSync(path.join(built.outDir, '2021/04/port/index.html'), 'utf8'));
});

/** The output file a URL of the site names. */
const fileOf = (url: string) => path.join(built.outDir, decodeURIComponent(new URL(url, 'https://archive.example.org/').pathname));

describe('a lead photo and figures', () => {
  it('puts the lead photo under the headline: AVIF, WebP and JPEG at each width, its size, fetched first, caption and credit', () => {
    const figure = page('.article > figure.lead-figure');
    expect(figure.length).toBe(1);
    expect(figure.prev().is('header.article-header')).toBe(true);
    const sources = figure.find('picture source').map((_, s) => page(s).attr('type')).get();
    expect(sources).toEqual(['image/avif', 'image/webp']);
    const img = figure.find('img');
    // Turned as the camera meant: 1200 × 1800, so the widths are 400, 800 and 1200.
    expect(img.attr('srcset')!.split(', ').map((c) => c.split(' ')[1])).toEqual(['400w', '800w', '1200w']);
    expect([img.attr('width'), img.attr('height')]).toEqual(['1200', '1800']);
    expect(img.attr('fetchpriority')).toBe('high');
    expect(img.attr('loading')).toBeUndefined();
    expect(img.attr('alt')).toBe('الميناء القديم في طرابلس صباحًا');
    expect(figure.find('figcaption .figure-caption').text()).toBe('ميناء طرابلس');
    expect(figure.find('figcaption .figure-credit').text()).toBe('تصوير: رويترز');
  });

  it('makes a figure of an image alone in its paragraph, with the caption and credit of its title, lazily loaded', () => {
    const figures = page('.prose figure.figure');
    expect(figures.length).toBe(2);
    const quay = figures.eq(0);
    expect(quay.find('img').attr('loading')).toBe('lazy');
    expect(quay.find('img').attr('alt')).toBe('رصيف الصيادين');
    expect(quay.find('.figure-caption').text()).toBe('رصيف الصيادين');
    expect(quay.find('.figure-credit').text()).toBe('تصوير: سالم الورفلي');
    // Not a JPEG: the fallback is PNG. 900 pixels wide: 400 and 800.
    expect(quay.find('img').attr('src')).toMatch(/^\/_media\/[A-Za-z0-9]{12}-800\.png$/);
    const map = figures.eq(1);
    expect(map.find('.figure-caption').length).toBe(0);
    expect(map.find('.figure-credit').text()).toBe('خريطة: فريق الأرشيف');
    // A drawing is made at every width, however small it is drawn.
    expect(map.find('img').attr('srcset')!.split(', ').map((c) => c.split(' ')[1])).toEqual(['400w', '800w', '1200w', '1600w']);
  });

  it('shows the lead photo small in lists (the home page, the month and the year), decorative, lazy, the narrowest file', () => {
    for (const list of ['index.html', '2021/04/index.html', '2021/index.html']) {
      const $ = cheerio.load(fs.readFileSync(path.join(built.outDir, list), 'utf8'));
      const thumb = $('.article-card--photo .article-card__thumb img');
      expect(thumb.length, list).toBe(1);
      expect(thumb.attr('alt'), list).toBe('');
      expect(thumb.attr('loading'), list).toBe('lazy');
      expect(thumb.attr('sizes'), list).toBe('126px');
      expect(thumb.attr('srcset')!.split(', ')[0], list).toMatch(/-400\.jpg 400w$/);
      expect($('.article-card--photo .article-card__thumb').hasClass('focus-center'), list).toBe(true);
    }
  });

  it('shows a place’s photo beside its name, with no warning about the field', () => {
    const $ = cheerio.load(fs.readFileSync(path.join(built.outDir, 'places/old-harbour/index.html'), 'utf8'));
    expect($('.entity-header figure.entity-figure img').attr('alt')).toBe('المرفأ القديم من البحر');
    expect(built.stdout).not.toMatch(/unknown field/);
  });

  it('shows an entry’s picture beside its name, and gives it to sharing cards and its JSON-LD', () => {
    const $ = cheerio.load(fs.readFileSync(path.join(built.outDir, 'people/salem-warfalli/index.html'), 'utf8'));
    const figure = $('.entity-header figure.entity-figure');
    expect(figure.find('img').attr('alt')).toBe('صورة سالم الورفلي');
    // A 600-pixel portrait: made at 400 and at its own width, the widest the fallback.
    expect([figure.find('img').attr('width'), figure.find('img').attr('height')]).toEqual(['600', '800']);
    expect(figure.find('source[type="image/avif"]').attr('srcset')).toMatch(/-400\.avif 400w, .*-600\.avif 600w$/);
    expect(figure.find('.figure-credit').text()).toBe('المصدر: أرشيف العائلة');
    const og = $('meta[property="og:image"]').attr('content')!;
    expect(og).toMatch(/_media\/\w{12}-600\.jpg$/);
    const person = ($('script[type="application/ld+json"]').map((_, s) => JSON.parse($(s).text())).get() as Record<string, any>[]).find((o) => o['@type'] === 'Person')!;
    expect(person['image']).toMatchObject({ '@type': 'ImageObject', url: og, creditText: 'المصدر: أرشيف العائلة' });
    expect(fs.existsSync(fileOf(og))).toBe(true);
    // A figure of the biography, made into files like an article's.
    const bio = $('figure.figure img');
    expect(bio.attr('alt')).toBe('ميناء طرابلس');
    for (const candidate of bio.attr('srcset')!.split(', ')) expect(fs.existsSync(fileOf(candidate.split(' ')[0]!)), candidate).toBe(true);
  });

  it('publishes every file the page names, at its size and format, turned, in sRGB, with no camera metadata', async () => {
    const urls = page('picture source, picture img')
      .map((_, e) => (page(e).attr('srcset') ?? '').split(', ').map((c) => c.split(' ')[0]!))
      .get()
      .flat();
    expect(urls.length).toBe(3 * 3 + 3 * 2 + 3 * 4);
    for (const url of urls) {
      const meta = await sharp(fs.readFileSync(fileOf(url))).metadata();
      const width = Number(/-(\d+)\.\w+$/.exec(url)![1]);
      expect(meta.width, url).toBe(width);
      expect(meta.format, url).toBe(({ avif: 'heif', webp: 'webp', jpg: 'jpeg', png: 'png' } as Record<string, string>)[url.split('.').pop()!]);
      expect(meta.exif, url).toBeUndefined();
      expect(meta.orientation ?? 1, url).toBe(1);
      expect(meta.space, url).toBe('srgb');
    }
    // The lead photo stands as readers see it: taller than wide.
    const lead = await sharp(fs.readFileSync(fileOf(page('.lead-figure img').attr('src')!))).metadata();
    expect(lead.height! > lead.width!).toBe(true);
    const headers = fs.readFileSync(path.join(built.outDir, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/_media\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
  });

  it('gives the lead photo to sharing cards, the NewsArticle and the feed', () => {
    const og = page('meta[property="og:image"]').attr('content')!;
    expect(og).toMatch(/^https:\/\/archive\.example\.org\/_media\/\w{12}-1200\.jpg$/);
    expect(page('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect(page('meta[property="og:image:height"]').attr('content')).toBe('1800');
    expect(page('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    const ld = page('script[type="application/ld+json"]').map((_, s) => JSON.parse(page(s).text())).get() as Record<string, any>[];
    const article = ld.find((o) => o['@type'] === 'NewsArticle')!;
    expect(article['image']).toEqual({ '@type': 'ImageObject', url: og, contentUrl: og, width: 1200, height: 1800, caption: 'ميناء طرابلس', creditText: 'رويترز' });
    const feed = fs.readFileSync(path.join(built.outDir, 'feed.xml'), 'utf8');
    expect(feed).toContain(`<media:content url="${og}" type="image/jpeg" medium="image" width="1200" height="1800">`);
    // The text of the feed item starts with the lead photo, every URL absolute.
    const encoded = cheerio.load(/<content:encoded>([\s\S]*?)<\/content:encoded>/.exec(feed)![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    expect(encoded('figure').first().hasClass('lead-figure')).toBe(true);
    for (const candidate of encoded('[srcset]').map((_, e) => encoded(e).attr('srcset')!.split(', ')).get()) expect(candidate).toMatch(/^https:\/\/archive\.example\.org\/_media\//);
  });
});

describe('pictures that cannot be published', () => {
  /** Builds the archive with one change, expecting it to stop; returns its error lines. */
  async function refused(change: (dir: string) => void | Promise<void>): Promise<{ errors: string[]; run: BuiltSite }> {
    const dir = path.join(tempDir('photos-bad'), 'content');
    await writeContent(dir);
    const outDir = path.join(path.dirname(dir), 'dist');
    ok(buildSite(dir, { outDir }));
    const before = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    await change(dir);
    const run = buildSite(dir, { outDir });
    expect(run.status, run.stdout).toBe(1);
    // The previous site is untouched.
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(before);
    return { errors: run.stderr.split('\n').filter((l) => /\berror\[/.test(l)), run };
  }
  const edit = (dir: string, from: string, to: string) => {
    const file = path.join(dir, 'articles/2021/port.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
  };

  it('a missing file, a path out of content/ and an address on another site: errors at their lines, all at once', async () => {
    const { errors, run } = await refused((dir) => {
      edit(dir, 'src: ./lead.jpg', 'src: ./Lead.jpg');
      edit(dir, '(photos/quay.png', '(../../../../etc/passwd');
      edit(dir, '(/media/map.svg', '(https://example.com/map.svg');
    });
    expect(errors).toEqual([
      expect.stringMatching(/articles\/2021\/port\.md:6:8: error\[image\/not-found\]: there is no file content\/articles\/2021\/Lead\.jpg/),
      expect.stringMatching(/articles\/2021\/port\.md:14:1: error\[image\/refused\]: the image path \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd leads out of content\//),
      expect.stringMatching(/articles\/2021\/port\.md:18:1: error\[image\/refused\]: the image https:\/\/example\.com\/map\.svg is not in content\//),
    ]);
    // And the pictures the article no longer shows are named: lead.jpg is not Lead.jpg.
    expect(run.stderr).toMatch(/articles\/2021\/lead\.jpg:1:1: warning\[image\/unused\]/);
  });

  it('an SVG with script, a file that is not a picture, and a damaged photo', async () => {
    const { errors } = await refused(async (dir) => {
      fs.writeFileSync(path.join(dir, 'media/map.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="4" height="4"/></svg>');
      fs.writeFileSync(path.join(dir, 'articles/2021/photos/quay.png'), 'not a picture');
    });
    expect(errors).toEqual([
      expect.stringMatching(/port\.md:14:1: error\[image\/refused\]: content\/articles\/2021\/photos\/quay\.png is not a picture that can be published/),
      expect.stringMatching(/port\.md:18:1: error\[image\/refused\]: the SVG content\/media\/map\.svg cannot be published: its <svg> has an event handler, onload/),
    ]);
    const damaged = await refused(async (dir) => {
      const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#456' } }).jpeg().toBuffer();
      fs.writeFileSync(path.join(dir, 'articles/2021/lead.jpg'), jpeg.subarray(0, jpeg.length / 2));
    });
    expect(damaged.errors).toEqual([expect.stringMatching(/articles\/2021\/lead\.jpg:1:1: error\[image\/damaged\]: the image is damaged or cut short .*; it is shown by articles\/2021\/port\.md/)]);
  });

  it('a lead photo without a description', async () => {
    const { errors, run } = await refused((dir) => edit(dir, '  alt: الميناء القديم في طرابلس صباحًا\n', ''));
    expect(errors).toEqual([expect.stringMatching(/port\.md:5:1: error\[front-matter\/required\]: the lead photo has no “alt”/)]);
    // Its pictures are not called unused: what an article that cannot be read shows is not known.
    expect(run.stderr).not.toMatch(/image\/unused/);
  });
});

describe('pictures that are published with a warning', () => {
  it('a figure without a description, and a picture no article shows', async () => {
    const dir = path.join(tempDir('photos-warn'), 'content');
    await writeContent(dir);
    const file = path.join(dir, 'articles/2021/port.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('![رصيف الصيادين]', '![]'));
    fs.copyFileSync(path.join(dir, 'media/map.svg'), path.join(dir, 'media/unused.svg'));
    // An animated GIF, of which only the first frame is published.
    const frame = (background: string) => sharp({ create: { width: 40, height: 30, channels: 3, background } }).png().toBuffer();
    fs.writeFileSync(path.join(dir, 'media/clip.gif'), await sharp([await frame('#f00'), await frame('#00f')], { join: { animated: true } }).gif({ loop: 0 }).toBuffer());
    fs.appendFileSync(file, '\n![مقطع قصير](/media/clip.gif)\n');
    const still = path.join(dir, 'media/still.gif');
    fs.writeFileSync(still, await sharp(await frame('#0f0')).gif().toBuffer());
    fs.appendFileSync(file, '\n![صورة ثابتة](/media/still.gif)\n');
    const run = ok(buildSite(dir));
    expect(run.stderr).toMatch(/port\.md:20:1: warning\[image\/animated\]: content\/media\/clip\.gif is an animated GIF; only its first frame is published/);
    expect(run.stderr).not.toMatch(/still\.gif is an animated/);
    expect(run.stderr).toMatch(/port\.md:14:1: warning\[image\/no-alt\]: this picture has no description/);
    expect(run.stderr).toMatch(/media\/unused\.svg:1:1: warning\[image\/unused\]: no article shows this picture; it is not published/);
  });
});
