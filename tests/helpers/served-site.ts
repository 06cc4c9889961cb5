import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildSite } from './build-site.ts';
import { ROOT } from './content.ts';
import { startNginx, type Nginx } from './nginx.ts';

/** The base path the deployment gates serve the site under. */
export const E2E_BASE = '/archive/';

/**
 * The e2e archive: the seed plus the two-year fixture (people with several articles, an Arabic
 * slug, an Arabic file name, tables), built once per test run under ARCHIVE_BASE=/archive/.
 */
export function e2eBuild(): { www: string; outDir: string } {
  const runDir = inject('runDir');
  const www = path.join(runDir, 'www');
  const outDir = path.join(www, 'archive');
  if (fs.existsSync(path.join(outDir, 'index.html'))) return { www, outDir };
  const content = path.join(runDir, 'e2e-content');
  fs.rmSync(content, { recursive: true, force: true });
  for (const source of [path.join(ROOT, 'content'), path.join(ROOT, 'tests/fixtures/two-years')]) {
    fs.cpSync(source, content, { recursive: true });
  }
  // Ten articles a page, so that the archive's 35 articles have numbered pages to visit.
  const built = buildSite(content, { base: E2E_BASE, outDir, env: { ARCHIVE_SETTINGS: path.join(ROOT, 'tests/fixtures/settings/ten-a-page.ts') } });
  if (built.status !== 0) throw new Error(`the e2e archive did not build:\n${built.stdout}\n${built.stderr}`);
  return { www, outDir };
}

/** What a test gets from `useServedSite`: the output folder and the nginx serving it. */
export interface ServedSite {
  outDir: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/archive/` */
  home: string;
}

/** Builds (once per run) and serves the e2e archive with nginx for the tests of a file. */
export function useServedSite(): ServedSite {
  const served = {} as ServedSite;
  let nginx: Nginx | undefined;
  beforeAll(async () => {
    const { www, outDir } = e2eBuild();
    const prefix = fs.mkdtempSync(path.join(inject('runDir'), 'nginx-'));
    nginx = await startNginx(www, E2E_BASE, prefix);
    Object.assign(served, { outDir, origin: nginx.origin, home: `${nginx.origin}${E2E_BASE}` });
  });
  afterAll(async () => {
    await nginx?.stop();
  });
  return served;
}
