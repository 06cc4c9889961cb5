/**
 * `npm run dev`: Astro's development server on the content folder, in this process, so that
 * stopping or killing the command stops the server (src/cli/serving.ts). A content error shows
 * in the browser at the editor's file, line and column (src/lib/site.ts).
 */
import { fileURLToPath } from 'node:url';
import { dev } from 'astro';
import { serverOptions, stopOnSignals } from './serving.ts';

const { host, port } = serverOptions('npm run dev [-- --host ADDRESS --port PORT --lang ar|en]', {
  en: 'Serves the site from the content folder while you write: a saved article, person or place shows at once, without a restart.',
  ar: 'يقدّم الموقع من مجلد المحتوى وأنت تكتب: يظهر المقال أو الشخص أو المكان حين يُحفظ، بلا إعادة تشغيل.',
});
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const server = await dev({ root: fileURLToPath(new URL('../..', import.meta.url)), server: { ...(host ? { host } : {}), ...(port ? { port } : {}) } });
stopOnSignals(() => server.stop());
