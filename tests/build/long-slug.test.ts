/**
 * A slug under 200 characters but over 255 bytes (190 Arabic letters) used to pass the check and
 * crash the build when Astro made its folder (ENAMETOOLONG, with a stack trace). Slugs are now
 * limited in bytes, so the build stops while reading, with a located error, before Astro runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { contentWithSeedRegistry, ROOT, tempDir } from '../helpers/content.ts';

it('a 190-letter Arabic slug: a located error, exit 1, no stack trace, nothing written', () => {
  const dir = contentWithSeedRegistry(path.join(ROOT, 'tests/fixtures/errors/slug-too-long-in-bytes'));
  const outDir = path.join(tempDir('out'), 'dist');
  const built = buildSite(dir, { outDir });
  expect(built.status).toBe(1);
  expect(built.stderr).toContain('articles/a.md:4:7: error[article/slug]: ');
  expect(built.stderr).toContain('it is 380 bytes long (190 letters)');
  expect(built.stderr).toContain(`write e.g. slug: ${'ب'.repeat(100)}\n`);
  expect(built.stderr).not.toMatch(/^\s+at /m);
  expect(built.stderr).not.toContain('ENAMETOOLONG');
  expect(built.stdout).not.toContain('Rendering');
  expect(fs.existsSync(outDir)).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});
