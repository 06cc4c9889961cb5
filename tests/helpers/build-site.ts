import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { expect } from 'vitest';
import { ROOT, tempDir } from './content.ts';

/** A finished build of a fixture archive, with what tests need to inspect it. */
export interface BuiltSite {
  outDir: string;
  base: string;
  /** Exit code and output of `npm run build`'s command. */
  status: number | null;
  /** The signal that ended the build, if one did (a kill). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

type BuildOptions = { base?: string; outDir?: string; site?: string; cacheDir?: string; env?: Record<string, string>; args?: string[] };

/** The command line and environment of a build of `contentDir`. */
function buildCommand(contentDir: string, options: BuildOptions) {
  const outDir = options.outDir ?? path.join(tempDir('out'), 'dist');
  const base = options.base ?? '/';
  // A cache of its own unless the test shares one between builds (incremental builds).
  const cacheDir = options.cacheDir ?? tempDir('cache');
  const env = {
    ...process.env,
    ARCHIVE_CONTENT_DIR: contentDir,
    ARCHIVE_OUT_DIR: outDir,
    ARCHIVE_BASE: base,
    ARCHIVE_SITE: options.site ?? 'https://archive.example.org',
    ARCHIVE_CACHE_DIR: cacheDir,
    ...options.env,
  };
  return { outDir, base, args: [path.join(ROOT, 'src/cli/build.ts'), ...(options.args ?? [])], options: { cwd: ROOT, env } };
}

/** Runs the real build command (src/cli/build.ts on this Node) for a content folder. */
export function buildSite(contentDir: string, options: BuildOptions = {}): BuiltSite {
  const { outDir, base, args, options: spawnOptions } = buildCommand(contentDir, options);
  const run = spawnSync(process.execPath, args, { ...spawnOptions, encoding: 'utf8' });
  return { outDir, base, status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** A build that must have succeeded: fails the test with the build's output otherwise. */
export function ok(build: BuiltSite): BuiltSite {
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  return build;
}

/** Starts the real build command without waiting: for builds that run at the same time. */
export function startBuild(contentDir: string, options: BuildOptions = {}): { child: ChildProcess; done: Promise<BuiltSite> } {
  const { outDir, base, args, options: spawnOptions } = buildCommand(contentDir, options);
  const child = spawn(process.execPath, args, spawnOptions);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<BuiltSite>((resolve) => child.once('close', (status, signal) => resolve({ outDir, base, status, signal, stdout, stderr })));
  return { child, done };
}

/** Every HTML file of a build, keyed by its site-relative URL path (`/2021/04/x/`, `/404.html`). */
export function htmlPages(outDir: string): Map<string, cheerio.CheerioAPI> {
  const pages = new Map<string, cheerio.CheerioAPI>();
  for (const file of fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    const rel = '/' + file.split(path.sep).join('/');
    const url = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
    pages.set(url.normalize('NFC'), cheerio.load(fs.readFileSync(path.join(outDir, file), 'utf8')));
  }
  return pages;
}

/** The file a URL path under `base` is served from, or undefined when it points outside the base. */
export function fileForUrl(outDir: string, base: string, url: string): string | undefined {
  const pathname = decodeURIComponent(url.split('#')[0]!.split('?')[0]!);
  if (!pathname.startsWith(base)) return undefined;
  const rel = pathname.slice(base.length);
  return path.join(outDir, rel.endsWith('/') || rel === '' ? path.join(rel, 'index.html') : rel);
}

/** Every URL a page refers to: links, scripts, images, stylesheets, preloads, srcset candidates. */
export function referencedUrls($: cheerio.CheerioAPI): string[] {
  const urls: string[] = [];
  $('[href]').each((_, el) => void urls.push($(el).attr('href')!));
  $('[src]').each((_, el) => void urls.push($(el).attr('src')!));
  $('[srcset]').each((_, el) => {
    for (const candidate of $(el).attr('srcset')!.split(',')) urls.push(candidate.trim().split(/\s+/)[0]!);
  });
  return urls;
}
