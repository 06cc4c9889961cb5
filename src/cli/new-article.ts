/** `npm run new -- "<title>" [--date YYYY-MM-DD] [--slug x]`: creates an empty article and prints its path. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articleFilePath, newArticle, slugFor, today } from '../archive/authoring.ts';
import { readBuildConfig } from '../archive/config.ts';
import { parseArticleDate } from '../archive/text/dates.ts';

const { values, positionals } = parseArgs({ options: { date: { type: 'string' }, slug: { type: 'string' } }, allowPositionals: true });
const title = positionals.join(' ').trim();
if (!title) {
  console.error('Usage: npm run new -- "عنوان المقال" [--date YYYY-MM-DD] [--slug my-slug]');
  process.exit(2);
}
const config = readBuildConfig();
let date = today(config.settings.timeZone);
if (values.date) {
  const parsed = parseArticleDate(values.date, config.settings.timeZone);
  if (!parsed.ok) {
    console.error(`--date ${values.date}: ${parsed.problem}`);
    process.exit(2);
  }
  date = parsed.date;
}
const file = path.join(config.contentDir, articleFilePath(date, slugFor(values.slug ?? title, date)));
if (fs.existsSync(file)) {
  console.error(`${path.relative(process.cwd(), file)} already exists; give another title or --slug.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, newArticle(title, date));
console.log(path.relative(process.cwd(), file));
