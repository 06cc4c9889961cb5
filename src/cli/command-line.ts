/**
 * The editors' commands' arguments: `--help` on every command, and a wrong option or argument
 * answered with one line saying what is wrong and the usage, never a stack trace (exit 2). Both
 * are in the language of the messages: `--lang`, else the settings' `messages`.
 */
import { parseArgs } from 'node:util';
import { readBuildConfig } from '../archive/config.ts';
import type { Bilingual, MessageLanguage } from '../archive/diagnostics.ts';

export type { Bilingual };

/** One option: its kind, and what `--help` says of it. */
interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the option does, for `--help`. */
  description: Bilingual;
  /** The value's placeholder in `--help` (`YYYY-MM-DD`). */
  value?: string;
}

/** A command: how it is run, what it does, its options and how many other arguments it takes. */
export interface CommandSpec<O extends Record<string, OptionSpec>> {
  usage: string;
  about: Bilingual;
  options: O;
  positionals: { min: number; max: number; name?: Bilingual };
}

type Values<O extends Record<string, OptionSpec>> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

/** The words of the help and of a refusal, in each language. */
const WORDS = {
  en: { usage: 'Usage', options: 'Options', help: 'show this help', error: 'error', more: '(--help lists the options)' },
  ar: { usage: 'الاستعمال', options: 'الخيارات', help: 'اعرض هذه المساعدة', error: 'خطأ', more: '(‏--help يذكر الخيارات)' },
} as const;

/** The help text of a command, in English or Arabic. */
export function helpText(spec: CommandSpec<Record<string, OptionSpec>>, language: MessageLanguage = 'en'): string {
  const words = WORDS[language];
  const rows = [
    ...Object.entries(spec.options).map(([name, o]) => [`--${name}${o.value ? ` ${o.value}` : ''}`, o.description[language]] as const),
    ['-h, --help', words.help] as const,
  ];
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [`${words.usage}: ${spec.usage}`, '', spec.about[language], '', `${words.options}:`, ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`), ''].join('\n');
}

/** What parseArgs' error codes mean, in words for the person who typed the command. */
function problemOf(error: unknown, language: MessageLanguage): string | undefined {
  const e = error as { code?: string; message?: string };
  const option = /'(-{1,2}[\w-]+)/.exec(e.message ?? '')?.[1];
  const ar = language === 'ar';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return ar ? `خيار غير معروف ${option ?? ''}`.trim() : `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(e.message ?? '')) return ar ? `${option ?? 'الخيار'} يحتاج إلى قيمة` : `${option ?? 'an option'} needs a value`;
      return ar ? `${option ?? 'الخيار'} لا يأخذ قيمة` : `${option ?? 'an option'} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return ar ? 'هذا الأمر لا يأخذ معطيات أخرى' : 'this command takes no other arguments';
    default:
      return undefined;
  }
}

/** The options `new` and `import` share: the article's date (its default said by each) and slug. */
export function articleOptions(dateDefault: Bilingual, slugDefault: Bilingual) {
  return {
    date: { type: 'string', value: 'YYYY-MM-DD', description: { en: `the article’s date (default: ${dateDefault.en})`, ar: `تاريخ المقال (إن لم يُعط: ${dateDefault.ar})` } },
    slug: { type: 'string', value: 'SLUG', description: { en: `the last part of its address (default: ${slugDefault.en})`, ar: `آخر جزء من عنوانه (إن لم يُعط: ${slugDefault.ar})` } },
    lang: LANG_OPTION,
  } as const;
}

/** The `--lang` option of the editors' commands. */
export const LANG_OPTION = {
  type: 'string',
  value: 'ar|en',
  description: { en: 'the language of the messages (default: the settings’ messages)', ar: 'لغة الرسائل (إن لم يُعط: messages في الإعدادات)' },
} as const;

/**
 * The language of the messages before the settings are used: `--lang` as typed, else the
 * settings' `messages` (English when the settings cannot be read: that error is reported later).
 */
function typedLanguage(argv: readonly string[]): MessageLanguage {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i === -1 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
  if (value === 'ar' || value === 'en') return value;
  return settingsLanguage();
}

/** The settings' `messages`, or English when the settings cannot be read (the command reports that itself). */
export function settingsLanguage(): MessageLanguage {
  try {
    return readBuildConfig().settings.messages;
  } catch {
    return 'en';
  }
}

/** The language `--lang` asks for, or the settings' when it is not given; exits 2 on another value. */
export function messageLanguage(value: string | undefined, fallback: MessageLanguage, usage: string): MessageLanguage {
  if (value === undefined) return fallback;
  if (value === 'en' || value === 'ar') return value;
  console.error(fallback === 'ar' ? `خطأ: --lang ${value}: اكتب ar أو en\nالاستعمال: ${usage}` : `error: --lang ${value}: write ar or en\nUsage: ${usage}`);
  process.exit(2);
}

/** Exits 2 with one line on what is wrong, and the usage. */
function refuse(spec: CommandSpec<Record<string, OptionSpec>>, problem: string, language: MessageLanguage): never {
  const words = WORDS[language];
  console.error(`${words.error}: ${problem}\n${words.usage}: ${spec.usage}\n${words.more}`);
  process.exit(2);
}

/** The command's options and arguments; prints the help and exits on `--help`, refuses what it does not take. */
export function commandLine<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv = process.argv.slice(2)): { values: Values<O>; positionals: string[] } {
  const options = Object.fromEntries([...Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }]), ['help', { type: 'boolean', short: 'h' }]]);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: spec.positionals.max > 0, strict: true });
  } catch (error) {
    const language = typedLanguage(argv);
    const problem = problemOf(error, language);
    if (problem === undefined) throw error;
    refuse(spec, problem, language);
  }
  if (parsed.values['help']) {
    process.stdout.write(helpText(spec, typedLanguage(argv)));
    process.exit(0);
  }
  const { min, max, name = { en: 'argument', ar: 'المعطى' } } = spec.positionals;
  if (parsed.positionals.length < min) {
    const language = typedLanguage(argv);
    refuse(spec, language === 'ar' ? `أعطِ ${name.ar}` : `give the ${name.en}`, language);
  }
  if (parsed.positionals.length > max) {
    const language = typedLanguage(argv);
    const extra = parsed.positionals.map((p) => JSON.stringify(p)).join(' ');
    refuse(spec, language === 'ar' ? `معطيات أكثر من اللازم (${extra})` : `too many arguments (${extra})`, language);
  }
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}
