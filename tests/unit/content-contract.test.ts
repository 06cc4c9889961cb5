/**
 * content/README.md, the content format editors read in the repository (issue 15, item 17),
 * lists exactly the fields the build reads: a field added to a schema and not documented
 * there, or documented and not read, fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Kinds } from '../../src/archive/kinds.ts';
import { articleFrontMatterSchema } from '../../src/archive/model/article.ts';
import { LeadImageSchema } from '../../src/archive/model/lead-image.ts';
import { OrganisationFrontMatterSchema } from '../../src/archive/model/organisation.ts';
import { PersonFrontMatterSchema } from '../../src/archive/model/person.ts';
import { PlaceFrontMatterSchema } from '../../src/archive/model/place.ts';
import { ROOT } from '../helpers/content.ts';

const contract = fs.readFileSync(path.join(ROOT, 'content/README.md'), 'utf8');

/** The first YAML example under a `## ` heading that starts with `title`. */
function example(heading: string): string {
  const section = contract.split(/^## /m).find((s) => s.startsWith(heading));
  expect(section, `content/README.md has a section “${heading}”`).toBeDefined();
  return /```yaml\n([\s\S]*?)```/.exec(section!)![1]!;
}
const topKeys = (yaml: string) => [...yaml.matchAll(/^([A-Za-z]+):/gm)].map((m) => m[1]).sort();
const imageKeys = (yaml: string) => [...(/^image:.*\n((?: {2}.*\n?)+)/m.exec(yaml)?.[1] ?? '').matchAll(/^ {2}([A-Za-z]+):/gm)].map((m) => m[1]);

describe('content/README.md', () => {
  it('documents exactly the fields the build reads, for articles and each kind of entry', () => {
    const schemas = {
      Article: articleFrontMatterSchema(new Kinds()),
      Person: PersonFrontMatterSchema,
      Place: PlaceFrontMatterSchema,
      Organisation: OrganisationFrontMatterSchema,
    };
    for (const [heading, schema] of Object.entries(schemas)) {
      expect(topKeys(example(heading)), heading).toEqual(Object.keys(schema.shape).sort());
    }
  });

  it('documents the photo’s fields, each of them read', () => {
    const fields = Object.keys(LeadImageSchema.shape);
    expect(imageKeys(example('Article')).sort()).toEqual([...fields].sort());
    for (const heading of ['Person', 'Place', 'Organisation']) for (const key of imageKeys(example(heading))) expect(fields, heading).toContain(key);
  });

  it('is where the README sends editors', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('(content/README.md)');
    expect(readme).not.toMatch(/\.\.\/shared\//);
  });
});
