import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './tools.ts';

/** Launches Debian's Chromium through playwright-core for the tests of a file. */
export function useBrowser(): { browser: Browser } {
  const holder = {} as { browser: Browser };
  beforeAll(async () => {
    holder.browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await holder.browser?.close();
  });
  return holder;
}

/** What a page did while it was open: every request, console error and uncaught exception. */
export interface PageLog {
  requests: string[];
  consoleErrors: string[];
}

/** Records a page's requests and errors from now on. */
export function watch(page: Page): PageLog {
  const log: PageLog = { requests: [], consoleErrors: [] };
  page.on('request', (request) => void log.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A 404 page's own status is reported as a console error about the document itself.
    const about = message.location().url;
    if (/status of 404/.test(message.text()) && about === page.url() && page.url().includes('no-such-page')) return;
    log.consoleErrors.push(`${message.text()} (${about})`);
  });
  page.on('pageerror', (error) => void log.consoleErrors.push(`uncaught: ${error.message}`));
  return log;
}

/** The state of a loaded page that every template must get right. */
export async function pageHealth(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
    fontCheck: document.fonts.check('16px "Noto Naskh Arabic"', 'ع'),
    naskhLoaded: [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'Noto Naskh Arabic' && f.status === 'loaded'),
    bodyFont: getComputedStyle(document.body).fontFamily,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    title: document.title,
  }));
}
