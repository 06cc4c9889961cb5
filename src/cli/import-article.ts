/**
 * `npm run import -- <file.txt> [--title "…"] [--date YYYY-MM-DD] [--source "…"] [--slug x]`:
 * turns a plain-text article (one paragraph per line) into a draft Markdown article with
 * blank-line paragraphs, never changing its words, and prints the new file's path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { articleFilePath, importedArticle, slugFor } from '../archive/authoring.ts';
import { kindsOf, readBuildConfig } from '../archive/config.ts';
import { dateInText } from '../archive/text/dates.ts';
import { articleOptions, commandLine } from './command-line.ts';
import { dateOption } from './date-option.ts';

const { values, positionals } = commandLine({
  usage: 'npm run import -- article.txt [--title "…"] [--date YYYY-MM-DD] [--source "…"] [--slug my-slug]',
  about: 'Turns a plain-text article (one paragraph per line) into a draft Markdown article in content/articles/, never changing a word, and prints its path.',
  options: {
    title: { type: 'string', value: '"…"', description: 'the headline (default: the first line, when it is short)' },
    source: { type: 'string', value: '"…"', description: 'the publication it comes from' },
    ...articleOptions('the date its first lines give, as a dateline does', 'from the file name'),
  },
  positionals: { min: 1, max: 1, name: 'text file to import' },
});
const input = positionals[0]!;
let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(input));
} catch (error) {
  console.error(`${input}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not valid UTF-8 text (save it as UTF-8 and try again)'}`);
  process.exit(1);
}
const config = readBuildConfig();
// An imported article is an old one: its date is given or read from its dateline, never today.
const found = values.date === undefined ? dateInText(text) : undefined;
if (values.date === undefined && found === undefined) {
  console.error(`error: ${input} gives no date in its first lines; give it with --date YYYY-MM-DD`);
  process.exit(2);
}
const date = dateOption(values.date ?? found, config.settings.timeZone);
if (found) console.error(`Dated ${found}, from the text (give --date to change it).`);
const slug = slugFor(values.slug ?? path.basename(input).replace(/\.[^.]+$/, ''), date);
const file = path.join(config.contentDir, articleFilePath(date, slug));
if (fs.existsSync(file)) {
  console.error(`${path.relative(process.cwd(), file)} already exists; give another --slug.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, importedArticle(text, { title: values.title, date, source: values.source, kinds: kindsOf(config) }));
console.log(path.relative(process.cwd(), file));
console.error('Imported as a draft: fill in the front matter, then remove “draft: true” to publish.');
