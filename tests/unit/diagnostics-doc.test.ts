import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { RULES } from '../../src/archive/diagnostics.ts';
import { ROOT } from '../helpers/content.ts';

it('documents every rule id, with its level, in the README’s Diagnostics table', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const [rule, severity] of Object.entries(RULES)) expect(readme, rule).toContain(`| \`${rule}\` | ${severity} |`);
});
