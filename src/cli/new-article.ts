/** `npm run new -- "<title>" [--date YYYY-MM-DD] [--slug x]`: creates an empty article and prints its path. */
import fs from 'node:fs';
import path from 'node:path';
import { articleFilePath, newArticle, slugFor } from '../archive/authoring.ts';
import { kindsOf, readBuildConfig } from '../archive/config.ts';
import { articleOptions, commandLine, messageLanguage } from './command-line.ts';
import { dateOption } from './date-option.ts';

const USAGE = 'npm run new -- "عنوان المقال" [--date YYYY-MM-DD] [--slug my-slug] [--lang ar|en]';
const { values, positionals } = commandLine({
  usage: USAGE,
  about: {
    en: 'Creates content/articles/YYYY/MM/<slug>.md as a draft with the given headline, and prints its path. Write its text, then remove “draft: true” to publish it.',
    ar: 'ينشئ content/articles/YYYY/MM/<slug>.md مسودةً بالعنوان المعطى، ويطبع مساره. اكتب نصه، ثم احذف «draft: true» لينشر.',
  },
  options: articleOptions({ en: 'today in the site’s time zone', ar: 'اليوم بتوقيت الموقع' }, { en: 'from the headline', ar: 'من العنوان' }),
  positionals: { min: 1, max: Infinity, name: { en: 'headline', ar: 'العنوان' } },
});
const config = readBuildConfig();
const language = messageLanguage(values.lang, config.settings.messages, USAGE);
const ar = language === 'ar';
const title = positionals.join(' ').trim();
if (!title) {
  console.error(ar ? `خطأ: العنوان فارغ\nالاستعمال: ${USAGE}` : `error: the headline is empty\nUsage: ${USAGE}`);
  process.exit(2);
}
const date = dateOption(values.date, config.settings.timeZone, language);
const file = path.join(config.contentDir, articleFilePath(date, slugFor(values.slug ?? title, date)));
const shown = path.relative(process.cwd(), file);
if (fs.existsSync(file)) {
  console.error(ar ? `${shown} موجود من قبل؛ أعطِ عنوانا آخر أو --slug.` : `${shown} already exists; give another title or --slug.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, newArticle(title, date, kindsOf(config)));
console.log(shown);
console.error(ar ? 'أُنشئ مسودةً: اكتب نصه، ثم احذف «draft: true» لينشر.' : 'Created as a draft: write its text, then remove “draft: true” to publish it.');
