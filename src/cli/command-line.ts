/**
 * The editors' commands' arguments: `--help` on every command, and a wrong option or argument
 * answered with one line saying what is wrong and the usage, never a stack trace (exit 2).
 */
import { parseArgs } from 'node:util';

/** One option: its kind, and what `--help` says of it. */
interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the option does, for `--help`. */
  description: string;
  /** The value's placeholder in `--help` (`YYYY-MM-DD`). */
  value?: string;
}

/** A command: how it is run, what it does, its options and how many other arguments it takes. */
export interface CommandSpec<O extends Record<string, OptionSpec>> {
  usage: string;
  about: string;
  options: O;
  positionals: { min: number; max: number; name?: string };
}

type Values<O extends Record<string, OptionSpec>> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

/** The help text of a command. */
export function helpText(spec: CommandSpec<Record<string, OptionSpec>>): string {
  const rows = [
    ...Object.entries(spec.options).map(([name, o]) => [`--${name}${o.value ? ` ${o.value}` : ''}`, o.description] as const),
    ['-h, --help', 'show this help'] as const,
  ];
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [`Usage: ${spec.usage}`, '', spec.about, '', 'Options:', ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`), ''].join('\n');
}

/** What parseArgs' error codes mean, in words for the person who typed the command. */
function problemOf(error: unknown): string | undefined {
  const e = error as { code?: string; message?: string };
  const option = /'(-{1,2}[\w-]+)/.exec(e.message ?? '')?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message ?? '') ? `${option ?? 'an option'} needs a value` : `${option ?? 'an option'} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'this command takes no other arguments';
    default:
      return undefined;
  }
}

/** The options `new` and `import` share: the article's date (its default said by each) and slug. */
export function articleOptions(dateDefault: string, slugDefault: string) {
  return {
    date: { type: 'string', value: 'YYYY-MM-DD', description: `the article’s date (default: ${dateDefault})` },
    slug: { type: 'string', value: 'SLUG', description: `the last part of its address (default: ${slugDefault})` },
  } as const;
}

/** The `--lang` option of the commands that report problems. */
export const LANG_OPTION = { type: 'string', value: 'ar|en', description: 'the language of the messages (default: the settings’ messages)' } as const;

/** The language `--lang` asks for, or the settings' when it is not given; exits 2 on another value. */
export function messageLanguage(value: string | undefined, fallback: 'en' | 'ar', usage: string): 'en' | 'ar' {
  if (value === undefined) return fallback;
  if (value === 'en' || value === 'ar') return value;
  console.error(`error: --lang ${value}: write ar or en\nUsage: ${usage}`);
  process.exit(2);
}

/** Exits 2 with one line on what is wrong, and the usage. */
function refuse(spec: CommandSpec<Record<string, OptionSpec>>, problem: string): never {
  console.error(`error: ${problem}\nUsage: ${spec.usage}\n(--help lists the options)`);
  process.exit(2);
}

/** The command's options and arguments; prints the help and exits on `--help`, refuses what it does not take. */
export function commandLine<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv = process.argv.slice(2)): { values: Values<O>; positionals: string[] } {
  const options = Object.fromEntries([...Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }]), ['help', { type: 'boolean', short: 'h' }]]);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: spec.positionals.max > 0, strict: true });
  } catch (error) {
    const problem = problemOf(error);
    if (problem === undefined) throw error;
    refuse(spec, problem);
  }
  if (parsed.values['help']) {
    process.stdout.write(helpText(spec));
    process.exit(0);
  }
  const { min, max, name = 'argument' } = spec.positionals;
  if (parsed.positionals.length < min) refuse(spec, `give the ${name}`);
  if (parsed.positionals.length > max) refuse(spec, `too many arguments (${parsed.positionals.map((p) => JSON.stringify(p)).join(' ')})`);
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}
