/** Where an image an editor wrote lives in content/ (src/archive/media/image-reference.ts). */
import { describe, expect, it } from 'vitest';
import { resolveImageReference } from '../../../src/archive/media/image-reference.ts';

const from = 'articles/2021/04/boukadoum-tripoli.md';
const resolved = (reference: string, file = from) => {
  const r = resolveImageReference(reference, file);
  return r.ok ? r.path : `refused: ${r.problem}`;
};

describe('image references', () => {
  it('resolve beside the article, in its sub-folders, and in the shared media folder', () => {
    expect(resolved('./tripoli-meeting.jpg')).toBe('articles/2021/04/tripoli-meeting.jpg');
    expect(resolved('tripoli-meeting.jpg')).toBe('articles/2021/04/tripoli-meeting.jpg');
    expect(resolved('photos/meeting.jpg')).toBe('articles/2021/04/photos/meeting.jpg');
    expect(resolved('../shared/map.png')).toBe('articles/2021/shared/map.png');
    expect(resolved('/media/algiers/port.jpg')).toBe('media/algiers/port.jpg');
    // A registry entry's portrait.
    expect(resolved('./portraits/boukadoum.jpg', 'people/sabri-boukadoum.md')).toBe('people/portraits/boukadoum.jpg');
  });

  it('read Arabic names, percent-escapes and Windows separators as the file they name (NFC)', () => {
    expect(resolved('صورة اللقاء.jpg')).toBe('articles/2021/04/صورة اللقاء.jpg');
    expect(resolved('%D8%B5%D9%88%D8%B1%D8%A9.jpg')).toBe('articles/2021/04/صورة.jpg');
    expect(resolved('photos\\meeting.jpg')).toBe('articles/2021/04/photos/meeting.jpg');
    expect(resolved('e\u0301.jpg')).toBe('articles/2021/04/\u00e9.jpg');
  });

  it('refuse a path that leaves content/, a URL of another site, and the root outside /media/', () => {
    for (const bad of ['../../../../etc/passwd', '../../../../../outside.jpg', '../../../../content/../x.jpg']) expect(resolved(bad), bad).toMatch(/^refused: .*leads out of content\//);
    expect(resolved('/media/../../x.jpg')).toMatch(/not in \/media\//);
    expect(resolved('../../..')).toMatch(/names a folder/);
    expect(resolved('photos/')).toMatch(/names a folder/);
    expect(resolved('https://example.com/photo.jpg')).toMatch(/^refused: the image https:\/\/example\.com\/photo\.jpg is not in content\//);
    expect(resolved('//cdn.example.com/p.jpg')).toMatch(/not in content\//);
    expect(resolved('data:image/png;base64,AAAA')).toMatch(/not in content\//);
    expect(resolved('file:///etc/passwd')).toMatch(/not in content\//);
    expect(resolved('/articles/2021/x.jpg')).toMatch(/starts at the site’s root but not in \/media\//);
    expect(resolved('   ')).toMatch(/has no file name/);
    expect(resolved('photo.jpg?w=300')).toMatch(/has a “\?” or “#”/);
  });

  it('say what to do when they refuse', () => {
    const r = resolveImageReference('https://example.com/photo.jpg', from);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fix).toMatch(/content\/media\//);
  });
});
