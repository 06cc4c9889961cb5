/** The files made of a picture and their markup (src/archive/media/published-image.ts, picture.ts). */
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { creditLine, figureElement, pictureElement, splitTitle } from '../../../src/archive/media/picture.ts';
import { fallbackNear, variantsOf, widthsOf, type PublishedImage } from '../../../src/archive/media/published-image.ts';

const photo: PublishedImage = { source: 'articles/2021/a.jpg', digest: 'abc', format: 'jpeg', width: 2000, height: 1000 };

describe('the files made of a picture', () => {
  it('are the standard widths it is as wide as, in AVIF, WebP and its fallback, named by its bytes', () => {
    expect(widthsOf(photo)).toEqual([400, 800, 1200, 1600]);
    expect(widthsOf({ format: 'jpeg', width: 900 })).toEqual([400, 800]);
    // Well beyond the widest standard width it fits: its own width too.
    expect(widthsOf({ format: 'jpeg', width: 1024 })).toEqual([400, 800, 1024]);
    expect(widthsOf({ format: 'jpeg', width: 640 })).toEqual([400, 640]);
    expect(widthsOf({ format: 'jpeg', width: 3000 })).toEqual([400, 800, 1200, 1600]);
    expect(widthsOf({ format: 'png', width: 250 })).toEqual([250]);
    expect(widthsOf({ format: 'svg', width: 40 })).toEqual([400, 800, 1200, 1600]);
    const files = variantsOf(photo);
    expect(files.map((f) => `${f.width}×${f.height} ${f.format}`)).toEqual(['400×200 avif', '400×200 webp', '400×200 jpeg', '800×400 avif', '800×400 webp', '800×400 jpeg', '1200×600 avif', '1200×600 webp', '1200×600 jpeg', '1600×800 avif', '1600×800 webp', '1600×800 jpeg']);
    expect(files[0]!.file).toMatch(/^_media\/[A-Za-z0-9]{12}-400\.avif$/);
    // Other bytes, other names: a replaced photo is never served from a stale cache.
    expect(variantsOf({ ...photo, digest: 'abd' })[0]!.file).not.toBe(files[0]!.file);
    expect(variantsOf({ ...photo, format: 'png' }).map((f) => f.format)).toContain('png');
    expect(fallbackNear(photo, 1200)).toMatchObject({ width: 1200, format: 'jpeg' });
    expect(fallbackNear({ ...photo, width: 300, height: 150 }, 1200)).toMatchObject({ width: 300 });
  });
});

describe('the markup of a picture', () => {
  it('has the sources best first, every width, the size, and lazy loading unless it is the lead', () => {
    const html = toHtml(pictureElement(photo, { alt: 'وصف', base: '/archive/' }));
    expect(html).toMatch(/^<picture><source type="image\/avif" srcset="\/archive\/_media\/\w+-400\.avif 400w, [^"]+ 1600w" sizes="[^"]+"><source type="image\/webp"/);
    expect(html).toMatch(/<img src="\/archive\/_media\/\w+-1600\.jpg" srcset="[^"]+" sizes="[^"]+" alt="وصف" width="1600" height="800" decoding="async" loading="lazy"><\/picture>$/);
    expect(toHtml(pictureElement(photo, { alt: '', base: '/', priority: true }))).toMatch(/fetchpriority="high"/);
    expect(toHtml(pictureElement(photo, { alt: '', base: '/', priority: true }))).not.toMatch(/loading=/);
  });

  it('puts caption and credit under a figure, the credit said as a photographer’s unless it says what it is', () => {
    const html = toHtml(figureElement(photo, { alt: 'وصف', base: '/', caption: 'الميناء', credit: 'رويترز', className: 'figure' }));
    expect(html).toMatch(/<figcaption><span class="figure-caption">الميناء<\/span><span class="figure-credit">تصوير: رويترز<\/span><\/figcaption><\/figure>$/);
    expect(toHtml(figureElement(photo, { alt: 'وصف', base: '/' }))).not.toMatch(/figcaption/);
    expect(creditLine('المصدر: وكالة الأنباء')).toBe('المصدر: وكالة الأنباء');
    expect(creditLine('رسم: فريق الأرشيف')).toBe('رسم: فريق الأرشيف');
    expect(creditLine(' فلان ')).toBe('تصوير: فلان');
  });

  it('reads a title as caption, then the credit after « — »', () => {
    expect(splitTitle('ميناء طرابلس — تصوير: سالم')).toEqual({ caption: 'ميناء طرابلس', credit: 'تصوير: سالم' });
    expect(splitTitle('ميناء طرابلس - المصدر: الوكالة')).toEqual({ caption: 'ميناء طرابلس', credit: 'المصدر: الوكالة' });
    expect(splitTitle('خريطة: فريق الأرشيف')).toEqual({ caption: undefined, credit: 'خريطة: فريق الأرشيف' });
    expect(splitTitle('الحدود — منطقة غدامس')).toEqual({ caption: 'الحدود — منطقة غدامس', credit: undefined });
    expect(splitTitle(undefined)).toEqual({ caption: undefined, credit: undefined });
  });
});
