/** The checker asks for the credit of a lead photo (image/no-credit), at its line. */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/archive/check/check-content.ts';
import { readBuildConfig } from '../../../src/archive/config.ts';
import { loadArchive } from '../../../src/archive/load.ts';
import { tempDir } from '../../helpers/content.ts';

async function archiveWith(credit: string): Promise<string> {
  const dir = tempDir('photo-credit');
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'articles/photo.jpg'), await sharp({ create: { width: 500, height: 300, channels: 3, background: '#777' } }).jpeg().toBuffer());
  fs.writeFileSync(
    path.join(dir, 'articles/a.md'),
    `---\ntitle: عنوان\ndate: 2021-04-19\nsource: الوكالة\nsourceUrl: https://example.org/a\nimage:\n  src: ./photo.jpg\n  alt: وصف الصورة\n${credit}---\n\nنص المقال.\n`,
  );
  return dir;
}

describe('the checker on photos', () => {
  it('warns at the lead photo when it has no credit, and not when it has one', async () => {
    const without = checkContent(loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: await archiveWith('') }, process.cwd())));
    expect(without.map((p) => `${p.rule} ${p.line}:${p.column}`)).toEqual(['image/no-credit 6:1']);
    expect(without[0]!.hint).toMatch(/credit:/);
    const credited = checkContent(loadArchive(readBuildConfig({ ARCHIVE_CONTENT_DIR: await archiveWith('  credit: رويترز\n') }, process.cwd())));
    expect(credited).toEqual([]);
  });
});
