import path from 'node:path';
import { settings as siteSettings, type SiteSettings } from '../settings.ts';

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
  /** The site settings from `src/settings.ts`. */
  settings: SiteSettings;
}

/** Placeholder origin used when `ARCHIVE_SITE` is not set; never a real host. */
export const PLACEHOLDER_SITE = 'https://archive.example.org';

/** Normalises a base path to the `/a/b/` form Astro and our URL helpers expect. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Reads the build configuration from the environment, resolving folders against `cwd`. */
export function readBuildConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): BuildConfig {
  const site = (env['ARCHIVE_SITE'] || PLACEHOLDER_SITE).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(site)) {
    throw new Error(
      `ARCHIVE_SITE must be an origin such as https://archive.example.org (no path; put the sub-path in ARCHIVE_BASE), got "${site}".`,
    );
  }
  return {
    contentDir: path.resolve(cwd, env['ARCHIVE_CONTENT_DIR'] || 'content'),
    outDir: path.resolve(cwd, env['ARCHIVE_OUT_DIR'] || 'dist'),
    site,
    base: normaliseBase(env['ARCHIVE_BASE']),
    settings: siteSettings,
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
