/**
 * `npm run preview`: serves what the last build wrote (ARCHIVE_OUT_DIR, default dist/) under the
 * base path it was built for, read from the site itself (its home page's canonical address), so
 * a site built with ARCHIVE_BASE=/archive/ is previewed at /archive/ without saying so again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import { readBuildConfig } from '../archive/config.ts';
import { serverOptions, stopOnSignals } from './serving.ts';

const USAGE = 'npm run preview [-- --host ADDRESS --port PORT --lang ar|en]';
const { host, port, language } = serverOptions(USAGE, {
  en: 'Serves the last build’s output folder under the base path it was built for, as a static host would.',
  ar: 'يقدّم مجلد الموقع الذي كتبه آخر بناء، تحت المسار الذي بُني له، كما يفعل خادم ثابت.',
});
const ar = language === 'ar';
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const config = readBuildConfig();
const home = path.join(config.outDir, 'index.html');
if (!fs.existsSync(home)) {
  const folder = `${path.relative(process.cwd(), config.outDir) || '.'}/`;
  console.error(ar ? `خطأ: لا موقع مبنيا في ${folder}: شغّل npm run build أولا` : `error: ${folder} holds no built site: run npm run build first`);
  process.exit(1);
}
const canonical = /<link rel="canonical" href="([^"]+)"/.exec(fs.readFileSync(home, 'utf8'))?.[1];
const built = canonical ? new URL(canonical) : undefined;
if (built) {
  // astro.config.mjs reads these: the preview serves the site as it was built.
  process.env['ARCHIVE_BASE'] = built.pathname;
  process.env['ARCHIVE_SITE'] = built.origin;
}
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const server = await preview({ root: projectRoot, server: { ...(host ? { host } : {}), ...(port ? { port } : {}) }, logLevel: 'warn' });
const where = `http://${server.host && server.host !== '0.0.0.0' ? server.host : 'localhost'}:${server.port}${built?.pathname ?? '/'}`;
const folder = `${path.relative(process.cwd(), config.outDir) || '.'}/`;
console.log(
  ar
    ? `يُقدَّم ${folder} (المبني لـ${built?.href ?? 'عنوان غير معروف'}) على ${where}  (Ctrl-C يوقفه)`
    : `Serving ${folder} (built for ${built?.href ?? 'an unknown address'}) at ${where}  (Ctrl-C stops it)`,
);
stopOnSignals(() => server.stop());
