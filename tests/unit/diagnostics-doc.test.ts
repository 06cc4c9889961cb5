import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { RULES } from '../../src/archive/diagnostics.ts';
import { ROOT } from '../helpers/content.ts';

it('documents every rule id, with its level and its meaning in English and in Arabic, in the README’s Diagnostics table', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain('| rule | level | what it means | بالعربية | what to do |');
  for (const [rule, severity] of Object.entries(RULES)) {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${rule}\` | ${severity} |`));
    expect(row, rule).toBeDefined();
    // Cells split on « | » (a backslash-free table: no cell holds one).
    const cells = row!.slice(2, -2).split(' | ');
    expect(cells, row).toHaveLength(5);
    expect(cells[2], rule).toMatch(/[a-z]{3}/);
    expect(cells[3], rule).toMatch(/[\u0621-\u064A]{3}/);
  }
});
