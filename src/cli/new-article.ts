/** `npm run new -- "<title>" [--date YYYY-MM-DD] [--slug x]`: creates an empty article and prints its path. */
import fs from 'node:fs';
import path from 'node:path';
import { articleFilePath, newArticle, slugFor } from '../archive/authoring.ts';
import { kindsOf, readBuildConfig } from '../archive/config.ts';
import { articleOptions, commandLine } from './command-line.ts';
import { dateOption } from './date-option.ts';

const { values, positionals } = commandLine({
  usage: 'npm run new -- "عنوان المقال" [--date YYYY-MM-DD] [--slug my-slug]',
  about: 'Creates content/articles/YYYY/MM/<slug>.md as a draft with the given headline, and prints its path. Write its text, then remove “draft: true” to publish it.',
  options: articleOptions('today in the site’s time zone', 'from the headline'),
  positionals: { min: 1, max: Infinity, name: 'headline' },
});
const title = positionals.join(' ').trim();
if (!title) {
  console.error('error: the headline is empty\nUsage: npm run new -- "عنوان المقال" [--date YYYY-MM-DD] [--slug my-slug]');
  process.exit(2);
}
const config = readBuildConfig();
const date = dateOption(values.date, config.settings.timeZone);
const file = path.join(config.contentDir, articleFilePath(date, slugFor(values.slug ?? title, date)));
if (fs.existsSync(file)) {
  console.error(`${path.relative(process.cwd(), file)} already exists; give another title or --slug.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, newArticle(title, date, kindsOf(config)));
console.log(path.relative(process.cwd(), file));
