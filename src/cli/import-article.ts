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
import { articleOptions, commandLine, messageLanguage } from './command-line.ts';
import { dateOption } from './date-option.ts';

const USAGE = 'npm run import -- article.txt [--title "…"] [--date YYYY-MM-DD] [--source "…"] [--slug my-slug] [--lang ar|en]';
const { values, positionals } = commandLine({
  usage: USAGE,
  about: {
    en: 'Turns a plain-text article (one paragraph per line) into a draft Markdown article in content/articles/, never changing a word, and prints its path.',
    ar: 'يحوّل مقالا نصيا (فقرة في كل سطر) إلى مسودة مقال Markdown في content/articles/، دون تغيير كلمة منه، ويطبع مساره.',
  },
  options: {
    title: { type: 'string', value: '"…"', description: { en: 'the headline (default: the first line, when it is short)', ar: 'العنوان (إن لم يُعط: السطر الأول إن كان قصيرا)' } },
    source: { type: 'string', value: '"…"', description: { en: 'the publication it comes from', ar: 'المصدر الذي جاء منه' } },
    ...articleOptions({ en: 'the date its first lines give, as a dateline does', ar: 'التاريخ الذي تذكره أسطره الأولى، كسطر التاريخ في الخبر' }, { en: 'from the file name', ar: 'من اسم الملف' }),
  },
  positionals: { min: 1, max: 1, name: { en: 'text file to import', ar: 'الملف النصي المراد استيراده' } },
});
const config = readBuildConfig();
const language = messageLanguage(values.lang, config.settings.messages, USAGE);
const ar = language === 'ar';
const input = positionals[0]!;
let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(input));
} catch (error) {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(
    `${input}: ${
      ar ? (missing ? 'لا ملف بهذا الاسم' : 'ليس نصا بترميز UTF-8 (احفظه UTF-8 وأعد المحاولة)') : missing ? 'no such file' : 'not valid UTF-8 text (save it as UTF-8 and try again)'
    }`,
  );
  process.exit(1);
}
// An imported article is an old one: its date is given or read from its dateline, never today.
const found = values.date === undefined ? dateInText(text) : undefined;
if (values.date === undefined && found === undefined) {
  console.error(ar ? `خطأ: لا تاريخ في الأسطر الأولى من ${input}؛ أعطه بـ--date YYYY-MM-DD` : `error: ${input} gives no date in its first lines; give it with --date YYYY-MM-DD`);
  process.exit(2);
}
const date = dateOption(values.date ?? found, config.settings.timeZone, language);
if (found) console.error(ar ? `أُرّخ ${found}، من النص (أعطِ --date لتغييره).` : `Dated ${found}, from the text (give --date to change it).`);
const slug = slugFor(values.slug ?? path.basename(input).replace(/\.[^.]+$/, ''), date);
const file = path.join(config.contentDir, articleFilePath(date, slug));
const shown = path.relative(process.cwd(), file);
if (fs.existsSync(file)) {
  console.error(ar ? `${shown} موجود من قبل؛ أعطِ --slug آخر.` : `${shown} already exists; give another --slug.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, importedArticle(text, { title: values.title, date, source: values.source, kinds: kindsOf(config) }));
console.log(shown);
console.error(ar ? 'استُورد مسودةً: أكمل بياناته، ثم احذف «draft: true» لينشر.' : 'Imported as a draft: fill in the front matter, then remove “draft: true” to publish.');
