import { createRequire } from 'node:module';
import path from 'node:path';
import { settings as siteSettings, type SiteSettings } from '../settings.ts';
import { Kinds } from './kinds.ts';

/** Where a build reads, writes and will be served: the environment's part of the configuration. */
export interface BuildConfig {
  /** Absolute path of the content folder (`ARCHIVE_CONTENT_DIR`, default `content`). */
  contentDir: string;
  /** Absolute path of the output folder (`ARCHIVE_OUT_DIR`, default `dist`). */
  outDir: string;
  /** Public origin without a trailing slash (`ARCHIVE_SITE`). */
  site: string;
  /** Sub-path the site is served under, always starting and ending with `/` (`ARCHIVE_BASE`). */
  base: string;
  /** The site settings from `src/settings.ts` (with `ARCHIVE_SETTINGS`' changes, if set). */
  settings: SiteSettings;
}

const kindsBySettings = new WeakMap<SiteSettings, Kinds>();

/** Every kind of entry of a site: the built-in ones and those its settings declare (made once per settings). */
export function kindsOf(config: Pick<BuildConfig, 'settings'>): Kinds {
  let kinds = kindsBySettings.get(config.settings);
  if (!kinds) {
    kinds = new Kinds(config.settings.kinds);
    kindsBySettings.set(config.settings, kinds);
  }
  return kinds;
}

/**
 * The settings of a build: src/settings.ts, with the fields of the module `ARCHIVE_SETTINGS`
 * names (a .ts file exporting `settings`) put over them. One repository can so build archives
 * that differ in their settings (a fixture that declares a kind of its own) without editing
 * src/settings.ts.
 */
function readSettings(file: string | undefined, cwd: string): SiteSettings {
  if (!file) return checkedSettings(siteSettings, 'src/settings.ts');
  const absolute = path.resolve(cwd, file);
  let module: { settings?: Partial<SiteSettings> };
  try {
    module = createRequire(import.meta.url)(absolute) as { settings?: Partial<SiteSettings> };
  } catch (error) {
    throw new Error(`ARCHIVE_SETTINGS names ${absolute}, which could not be loaded: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!module.settings || typeof module.settings !== 'object') {
    throw new Error(`ARCHIVE_SETTINGS names ${absolute}, which must export \`settings\` (an object with the fields of src/settings.ts it changes).`);
  }
  return checkedSettings({ ...siteSettings, ...module.settings }, absolute);
}

/** The settings, once their kinds are known to be usable: a bad kind stops the build before anything is read. */
function checkedSettings(settings: SiteSettings, file: string): SiteSettings {
  if (settings.messages !== 'en' && settings.messages !== 'ar') {
    throw new Error(`${file}, messages is ${JSON.stringify(settings.messages)}; write 'en' or 'ar'.`);
  }
  try {
    new Kinds(settings.kinds);
  } catch (error) {
    throw new Error(`${file}, ${(error as Error).message} Fix it there, or leave the kind out.`);
  }
  return settings;
}

/** Placeholder origin used when `ARCHIVE_SITE` is not set; never a real host. */
export const PLACEHOLDER_SITE = 'https://archive.example.org';

/**
 * Normalises a base path to the `/a/b/` form Astro and our URL helpers expect, each segment
 * percent-encoded: `/أرشيف/` becomes `/%D8%A3%D8%B1%D8%B4%D9%8A%D9%81/`, the form links, feeds
 * and sitemaps carry (hosts decode it to the folder's Unicode name). An already encoded base is
 * kept as it is. Throws on a base that cannot be a path (`..`, `?`, `#`, malformed `%`).
 */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  const segments = trimmed.split(/\/+/).map((segment) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment).normalize('NFC');
    } catch {
      throw new Error(`ARCHIVE_BASE has a malformed percent-escape in "${segment}": write the path as plain text, e.g. /أرشيف/ or /archive/.`);
    }
    if (decoded === '.' || decoded === '..' || /[?#\\\u0000-\u001F\u007F]/.test(decoded)) {
      throw new Error(`ARCHIVE_BASE must be a plain sub-path such as /archive/ or /أرشيف/, got "${base}" ("${decoded}" cannot be a folder of the site).`);
    }
    return encodeURIComponent(decoded);
  });
  return `/${segments.join('/')}/`;
}

/** Checks `ARCHIVE_SITE`: an http(s) origin without path, query or credentials. */
function parseSite(raw: string): string {
  const site = raw.trim().replace(/\/+$/, '');
  let url: URL | undefined;
  try {
    url = new URL(site);
  } catch {
    url = undefined;
  }
  const bare = url && /^https?:$/.test(url.protocol) && url.hostname !== '' && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!url || !bare || /\s/.test(site) || !/^https?:\/\/[^/]/i.test(site)) {
    throw new Error(
      `ARCHIVE_SITE must be the site's public origin, such as https://archive.example.org (http or https, a host name, no path: put a sub-path in ARCHIVE_BASE), got "${raw}".`,
    );
  }
  return url.origin;
}

/** Reads the build configuration from the environment, resolving folders against `cwd`. */
export function readBuildConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): BuildConfig {
  const site = parseSite(env['ARCHIVE_SITE'] || PLACEHOLDER_SITE);
  return {
    contentDir: path.resolve(cwd, env['ARCHIVE_CONTENT_DIR'] || 'content'),
    outDir: path.resolve(cwd, env['ARCHIVE_OUT_DIR'] || 'dist'),
    site,
    base: normaliseBase(env['ARCHIVE_BASE']),
    settings: readSettings(env['ARCHIVE_SETTINGS'], cwd),
  };
}

/**
 * The Content-Security-Policy the site works under: everything from its own origin, no inline
 * script or style, WebAssembly only for the search page's Pagefind. Emitted in _headers and
 * used by the tests' nginx, so every browser test runs under it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
