/** What an image file is, or why it cannot be published (src/archive/media/image-file.ts), on images made here with sharp. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { activeSvgContent, inspectImage, MAX_IMAGE_BYTES } from '../../../src/archive/media/image-file.ts';

const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#2a6f97' } });
const svg = (inner: string, head = '') => Buffer.from(`${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20">${inner}</svg>`);

describe('image files', () => {
  it('are read by their bytes, whatever their name: format and size', async () => {
    expect(await inspectImage(await picture(64, 48).jpeg().toBuffer())).toEqual({ ok: true, format: 'jpeg', width: 64, height: 48 });
    expect(await inspectImage(await picture(30, 20).png().toBuffer())).toEqual({ ok: true, format: 'png', width: 30, height: 20 });
    expect(await inspectImage(await picture(30, 20).webp().toBuffer())).toEqual({ ok: true, format: 'webp', width: 30, height: 20 });
    expect(await inspectImage(await picture(32, 32).avif().toBuffer())).toEqual({ ok: true, format: 'avif', width: 32, height: 32 });
    expect(await inspectImage(svg('<rect width="40" height="20" fill="#c33"/>'))).toEqual({ ok: true, format: 'svg', width: 40, height: 20 });
  });

  it('give the size a reader sees for a photo the camera turned (EXIF orientation)', async () => {
    const turned = await picture(60, 40).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await inspectImage(turned)).toMatchObject({ ok: true, width: 40, height: 60 });
  });

  it('refuse what is not an image, a cut-short file, an empty one and one too large, saying what to do', async () => {
    const text = await inspectImage(Buffer.from('ليس صورة'));
    expect(text).toMatchObject({ ok: false, problem: expect.stringMatching(/not an image that can be read \(unsupported image format\)/), fix: expect.stringMatching(/JPEG, PNG, WebP/) });
    const jpeg = await picture(400, 300).jpeg().toBuffer();
    expect(await inspectImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toMatchObject({ ok: false, problem: expect.stringMatching(/damaged or cut short/) });
    expect(await inspectImage(Buffer.alloc(0))).toMatchObject({ ok: false, problem: 'the image file is empty' });
    expect(await inspectImage(Buffer.alloc(MAX_IMAGE_BYTES + 1))).toMatchObject({ ok: false, problem: expect.stringMatching(/^the image file is 25\.0 MB; at most 25 MB/) });
    const tiff = await picture(20, 20).tiff().toBuffer();
    expect(await inspectImage(tiff)).toMatchObject({ ok: false, problem: 'the image is TIFF, which browsers cannot all show' });
  });

  it('refuse an SVG that would run or fetch something, and pass a plain drawing', async () => {
    const refused = {
      script: svg('<script>alert(1)</script>'),
      handler: svg('<rect width="4" height="4" onload="alert(1)"/>'),
      link: svg('<a xlink:href="javascript:alert(1)"><rect width="4" height="4"/></a>'),
      image: svg('<image href="https://tracker.example/p.png" width="4" height="4"/>'),
      foreign: svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
      style: svg('<style>@import url(https://example.com/x.css);</style>'),
      entities: svg('<text>&x;</text>', '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "xxxxxxxx">]>'),
    };
    for (const [what, bytes] of Object.entries(refused)) {
      const result = await inspectImage(bytes);
      expect(result, what).toMatchObject({ ok: false, problem: expect.stringMatching(/^this SVG cannot be published: /), fix: expect.stringMatching(/without scripts/) });
    }
    expect(activeSvgContent(svg('<script>1</script>').toString())).toBe('it has a <script> element (line 1)');
    // Fragment links, gradients and an embedded raster picture are a drawing's own.
    const plain = svg('<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect width="4" height="4" fill="url(#g)"/><use href="#g"/><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>');
    expect(activeSvgContent(plain.toString())).toBeUndefined();
  });
});
