/**
 * The editors' content checker: everything the build reports, plus what a careful copy editor
 * would flag in the text (near-miss names, quotation marks, punctuation, detached «و»,
 * paragraphs without blank lines), missing metadata and registry entries no article uses.
 */
import { folderOf, kindIdOf } from '../kinds.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { kindsOf } from '../config.ts';
import type { LoadResult } from '../load.ts';
import { entityKey } from '../model/mention-index.ts';
import type { Entity } from '../model/registry.ts';
import { commonWordForms, REQUIREMENT, REQUIREMENT_AR } from './common-words.ts';
import { NearMissFinder } from './near-miss.ts';
import { around, checkLine } from './typography.ts';

/** Lines of a Markdown body that hold prose (not code blocks, tables or HTML). */
function proseLines(body: string): { text: string; index: number }[] {
  const lines = body.split('\n');
  const prose: { text: string; index: number }[] = [];
  let inFence = false;
  lines.forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    else if (!inFence && !/^\s*\|/.test(text) && !/^\s*</.test(text) && !/^ {4}/.test(text)) prose.push({ text, index });
  });
  return prose;
}

/** A line that reads like a whole paragraph: long and ending a sentence. */
const PARAGRAPH_LIKE = /^.{120,}[.؟!»"]\s*$/u;

/** Runs every content check over a loaded archive. */
export function checkContent(result: LoadResult): Diagnostic[] {
  const problems: Diagnostic[] = [...result.diagnostics];
  const entities: readonly Entity[] = result.registry;
  const nearMisses = new NearMissFinder(entities);

  for (const source of result.sources) {
    const lines = proseLines(source.body);
    const quoteStyles = new Set<string>();
    let styleReported = false;
    for (const { text, index } of lines) {
      const line = source.bodyLine + index;
      for (const f of checkLine(text)) problems.push(diagnostic(f.rule, source.file, { line, column: f.column }, f.message, f.hint, f.ar));
      for (const miss of nearMisses.find(text)) {
        const word = text.slice(miss.start, miss.end);
        problems.push(
          diagnostic(
            'text/near-miss-name',
            source.file,
            { line, column: miss.start + 1 },
            `«${word}» looks like a misspelling of «${miss.form}» (${miss.entity.id}) in ${around(text, miss.start, word.length)}`,
            `write «${miss.form}», or add «${word}» to the aliases of ${folderOf(kindIdOf(miss.entity))}/${miss.entity.id}.md if it is a real spelling`,
            {
              message: `«${word}» تبدو خطأ في كتابة «${miss.form}» (${miss.entity.id}) في ${around(text, miss.start, word.length)}`,
              hint: `اكتب «${miss.form}»، أو أضف «${word}» إلى aliases في ${folderOf(kindIdOf(miss.entity))}/${miss.entity.id}.md إن كانت كتابة صحيحة`,
            },
          ),
        );
      }
      const styles = [/"/.test(text) ? 'ASCII "…"' : '', /[«»]/.test(text) ? '«…»' : ''].filter(Boolean);
      for (const s of styles) quoteStyles.add(s);
      if (quoteStyles.size > 1 && !styleReported) {
        styleReported = true;
        problems.push(
          diagnostic(
            'text/quote-styles',
            source.file,
            { line, column: 1 },
            `the article mixes quotation styles: ${[...quoteStyles].join(' and ')}`,
            'use one style throughout, «…» for Arabic text',
            { message: `يخلط المقال بين أشكال علامات التنصيص: ${[...quoteStyles].join(' و')}`, hint: 'استعمل شكلا واحدا في المقال كله، «…» للنص العربي' },
          ),
        );
      }
    }
    // Paragraphs written one per line, with no blank line between: Markdown joins them into one.
    for (let i = 1; i < lines.length; i++) {
      const previous = lines[i - 1]!;
      const current = lines[i]!;
      if (current.index === previous.index + 1 && PARAGRAPH_LIKE.test(previous.text) && current.text.trim().length > 40) {
        problems.push(
          diagnostic(
            'text/paragraph-per-line',
            source.file,
            { line: source.bodyLine + current.index, column: 1 },
            'this line follows a whole paragraph with no blank line between them, so they are published as one paragraph',
            'leave a blank line between paragraphs',
            { message: 'هذا السطر يلي فقرة كاملة بلا سطر فارغ بينهما، فتُنشران فقرة واحدة', hint: 'اترك سطرا فارغا بين الفقرات' },
          ),
        );
      }
    }
    if (source.uncreditedImageAt) {
      problems.push(
        diagnostic('image/no-credit', source.file, source.uncreditedImageAt, 'the lead photo has no “credit:”: readers are not told who took it', 'add “credit:” under “image:”, the photographer or the agency (e.g. credit: رويترز)', {
          message: 'لا «credit:» للصورة الرئيسية: لا يعرف القراء من التقطها',
          hint: 'أضف «credit:» تحت «image:»: المصور أو الوكالة (مثلا credit: رويترز)',
        }),
      );
    }
    if (!source.fields.includes('source')) {
      problems.push(
        diagnostic('article/missing-source', source.file, { line: 1, column: 1 }, 'the article does not say where it comes from (no “source:”)', 'add “source:” (the publication) and “sourceUrl:” (the original)', {
          message: 'لا يقول المقال من أين جاء (لا «source:»)',
          hint: 'أضف «source:» (المطبوعة) و«sourceUrl:» (عنوان الأصل)',
        }),
      );
    } else if (!source.fields.includes('sourceUrl')) {
      problems.push(
        diagnostic('article/missing-source', source.file, { line: 1, column: 1 }, 'the article names its source but gives no “sourceUrl:” of the original', 'add “sourceUrl:” with the address of the original, if it is online', {
          message: 'يذكر المقال مصدره بلا «sourceUrl:» لعنوان الأصل',
          hint: 'أضف «sourceUrl:» بعنوان الأصل إن كان منشورا على الإنترنت',
        }),
      );
    }
  }

  // Registry forms that are also words: each once, with what the build requires to link it.
  // Only the kinds whose names the build finds in the text (a section's name is never looked for).
  const kinds = kindsOf(result.config);
  const matched = entities.filter((e) => kinds.of(e).matchText);
  for (const common of commonWordForms(matched, result.sources.map((s) => s.body), result.config.settings.stopPhrases)) {
    const what =
      common.kind === 'function-word'
        ? 'also a function word'
        : common.kind === 'adjective'
          ? 'also an adjective'
          : `also a common word: the articles use it ${common.unlinked} time(s) as a word and link it ${common.linked} time(s)`;
    problems.push(
      diagnostic(
        'registry/common-word',
        `${result.contentDir}/${common.entity.sourcePath}`,
        { line: 1, column: 1 },
        `«${common.form}» (${folderOf(kindIdOf(common.entity))}/${common.entity.id}): ${what}; ${REQUIREMENT[common.kind]}`,
        common.kind === 'used-as-word'
          ? `move «${common.form}» to “contextAliases:”, or add a stop phrase for the expression it is used in`
          : `nothing to do if that is right; tag the entry in articles where the text alone does not show it`,
        {
          message: `«${common.form}» (${folderOf(kindIdOf(common.entity))}/${common.entity.id}): ${
            common.kind === 'function-word'
              ? 'هو أيضا حرف أو أداة'
              : common.kind === 'adjective'
                ? 'هو أيضا صفة'
                : `هو أيضا كلمة عادية: تستعمله المقالات ${common.unlinked} مرة كلمةً وتربطه ${common.linked} مرة`
          }؛ ${REQUIREMENT_AR[common.kind]}`,
          hint:
            common.kind === 'used-as-word'
              ? `انقل «${common.form}» إلى «contextAliases:»، أو أضف عبارة توقف (stopPhrases) للتعبير الذي يرد فيه`
              : 'لا شيء عليك إن كان هذا صحيحا؛ واذكر المدخل في بيانات المقالات التي لا يدل نصها وحده عليه',
        },
      ),
    );
  }

  if (result.archive) {
    const used = new Set(result.archive.articles.flatMap((a) => Object.entries(a.entries).flatMap(([kind, ids]) => (ids ?? []).map((id) => `${kind}:${id}`))));
    // An entry that contains a used one is in use too (a country's page lists its cities, a government its ministries).
    for (const entry of entities) if (used.has(entityKey(entry))) for (const a of result.archive.ancestors(entry)) used.add(entityKey(a));
    for (const entity of entities) {
      if (used.has(entityKey(entity))) continue;
      problems.push(
        diagnostic('registry/unused', `${result.contentDir}/${entity.sourcePath}`, { line: 1, column: 1 }, `no article tags or mentions «${entity.name}» (${entity.id})`, 'tag it in an article, or remove the entry if it is not needed', {
          message: `لا يذكر أي مقال «${entity.name}» (${entity.id})`,
          hint: 'اذكره في بيانات مقال، أو احذف المدخل إن لم تكن له حاجة',
        }),
      );
    }
  }
  return problems;
}
