import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeVersion } from '../../../src/archive/cache/code-version.ts';
import { ParseCache } from '../../../src/archive/cache/parse-cache.ts';
import { tempDir } from '../../helpers/content.ts';

describe('the code version', () => {
  it('changes with any template, style, public file, lockfile or configuration, and only then', () => {
    const root = tempDir('code');
    fs.mkdirSync(path.join(root, 'src/layouts'), { recursive: true });
    fs.mkdirSync(path.join(root, 'public'));
    fs.writeFileSync(path.join(root, 'src/layouts/Base.astro'), '<html></html>');
    fs.writeFileSync(path.join(root, 'public/favicon.svg'), '<svg/>');
    fs.writeFileSync(path.join(root, 'package-lock.json'), '{}');
    const first = codeVersion(root, { base: '/' });
    expect(codeVersion(root, { base: '/' })).toBe(first);
    expect(codeVersion(root, { base: '/archive/' })).not.toBe(first);
    fs.writeFileSync(path.join(root, 'src/layouts/Base.astro'), '<html dir="rtl"></html>');
    const second = codeVersion(root, { base: '/' });
    expect(second).not.toBe(first);
    fs.writeFileSync(path.join(root, 'public/favicon.svg'), '<svg></svg>');
    expect(codeVersion(root, { base: '/' })).not.toBe(second);
    fs.writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(codeVersion(root, { base: '/' })).not.toBe(second);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe('the parse cache', () => {
  it('gives back an outcome only for the same bytes under the same key, and survives a corrupt file', () => {
    const dir = tempDir('parse-cache');
    const file = path.join(dir, 'a.md');
    const store = path.join(dir, 'articles');
    type Outcome = { problems: never[]; draft: boolean; source?: unknown; reads: number };
    const strip = ({ source: _source, ...kept }: Outcome): Outcome => kept;
    const open = (key: string) => ParseCache.open<Outcome>(store, key, strip);
    fs.writeFileSync(file, 'one');
    let reads = 0;
    const read = (): Outcome => ({ problems: [], draft: false, source: { body: 'x' }, reads: ++reads });

    const first = open('k1');
    expect(first.outcome(file, read).hit).toBe(false);
    first.save();

    const second = open('k1');
    const again = second.outcome(file, read);
    expect(again.hit).toBe(true);
    expect(again.outcome.source).toBeUndefined(); // stripped before it is stored
    expect(reads).toBe(1);

    expect(open('k2').outcome(file, read).hit).toBe(false); // another key: thrown away
    fs.writeFileSync(file, 'two');
    expect(open('k1').outcome(file, read).hit).toBe(false); // other bytes
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.v8'))) fs.writeFileSync(path.join(dir, f), 'not a cache');
    expect(open('k1').outcome(file, read).hit).toBe(false); // unreadable: empty
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
