/**
 * What `npm run dev` and `npm run preview` share: Astro's server run in this process (not as a
 * child that outlives the command when it is killed), `--host`/`--port`, and a stop on
 * SIGINT, SIGTERM or SIGHUP that closes the server before the process ends.
 */
import type { MessageLanguage } from '../archive/diagnostics.ts';
import { commandLine, LANG_OPTION, messageLanguage, settingsLanguage, type Bilingual } from './command-line.ts';

/** The options both servers take. */
export function serverOptions(usage: string, about: Bilingual): { host: string | undefined; port: number | undefined; language: MessageLanguage } {
  const { values } = commandLine({
    usage,
    about,
    options: {
      host: { type: 'string', value: 'ADDRESS', description: { en: 'the address to listen on (default: localhost only)', ar: 'العنوان الذي يُستمع عليه (إن لم يُعط: هذا الجهاز وحده)' } },
      port: { type: 'string', value: 'PORT', description: { en: 'the port (default: 4321, or the next free one)', ar: 'المنفذ (إن لم يُعط: 4321، أو الذي يليه إن كان مشغولا)' } },
      lang: LANG_OPTION,
    },
    positionals: { min: 0, max: 0 },
  });
  // A settings module that cannot be read is reported by the server that reads it, not here.
  const language = messageLanguage(values.lang, settingsLanguage(), usage);
  // The dev server's error overlay is made by the site's code (src/lib/site.ts), which reads this.
  process.env['ARCHIVE_MESSAGES'] = language;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    console.error(
      language === 'ar'
        ? `خطأ: --port ${values.port} ليس رقم منفذ (1–65535)\nالاستعمال: ${usage}`
        : `error: --port ${values.port} is not a port number (1–65535)\nUsage: ${usage}`,
    );
    process.exit(2);
  }
  return { host: values.host, port, language };
}

/** Stops the server when the command is interrupted or killed, then exits. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // A server that does not close in two seconds is not waited for.
      const timer = setTimeout(() => process.exit(0), 2000);
      void stop().finally(() => {
        clearTimeout(timer);
        process.exit(0);
      });
    });
  }
}
