/**
 * `npm run dev` picks up content changes without a restart: a new article appears, an edit
 * shows, and the person it names lists it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/content.ts';
import { freePort } from '../helpers/nginx.ts';

let dev: ChildProcess;
let origin: string;
let content: string;
let output = '';

/** Fetches a page, retrying while the dev server is busy re-reading content. */
async function page(urlPath: string, expectText?: string): Promise<{ status: number; html: string }> {
  let last = { status: 0, html: '' };
  for (let i = 0; i < 40; i++) {
    try {
      const response = await fetch(`${origin}${urlPath}`);
      last = { status: response.status, html: await response.text() };
      if (response.status === 200 && (!expectText || last.html.includes(expectText))) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}

/** Starts the command `npm run dev` runs on a content folder; what it prints goes to `said`. */
function startDev(contentDir: string, port: number, args: string[], said: (text: string) => void): ChildProcess {
  const server = spawn(process.execPath, [path.join(ROOT, 'src/cli/dev.ts'), '--host', '127.0.0.1', '--port', String(port), ...args], {
    cwd: ROOT,
    // As a terminal would start it: without the test runner's NODE_ENV=test and VITEST* variables.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))),
      ARCHIVE_CONTENT_DIR: contentDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => said(String(d)));
  server.stderr!.on('data', (d) => said(String(d)));
  return server;
}

beforeAll(async () => {
  content = tempDir('dev');
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = startDev(content, port, [], (text) => (output += text));
});

afterAll(() => {
  dev?.kill('SIGTERM');
  fs.rmSync(content, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('serves the seed, then a new article, then its edit, without a restart', async () => {
    expect((await page('/2021/04/boukadoum-tripoli/')).status, output).toBe(200);

    const file = path.join(content, 'articles/2022/01/new-visit.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '---\ntitle: زيارة جديدة\ndate: 2022-01-05\n---\n\nزار محمد المنفي الجزائر.\n');
    const added = await page('/2022/01/new-visit/', 'زيارة جديدة');
    expect(added.status, output).toBe(200);
    expect((await page('/people/mohamed-al-menfi/', 'زيارة جديدة')).html).toContain('زيارة جديدة');

    fs.writeFileSync(file, '---\ntitle: زيارة معدلة\ndate: 2022-01-05\n---\n\nزار محمد المنفي الجزائر.\n');
    expect((await page('/2022/01/new-visit/', 'زيارة معدلة')).html).toContain('<h1>زيارة معدلة</h1>');

    const person = path.join(content, 'people/mohamed-al-menfi.md');
    fs.writeFileSync(person, fs.readFileSync(person, 'utf8').replace('latin: Mohamed al-Menfi', 'latin: Mohammed al-Manfi'));
    expect((await page('/people/mohamed-al-menfi/', 'Mohammed al-Manfi')).html).toContain('Mohammed al-Manfi');
  });

  it('shows a content error in the browser at the editor’s file, line and column (issue 15, item 14)', async () => {
    const broken = path.join(content, 'articles/2022/02/broken.md');
    fs.mkdirSync(path.dirname(broken), { recursive: true });
    fs.writeFileSync(broken, '---\ntitle: خبر\ndate: 19/04/2022\n---\n\nنص.\n');
    let status = 0;
    for (let i = 0; i < 40 && !(status === 500 && output.includes('broken.md:3:7')); i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await fetch(`${origin}/`)).status;
    }
    expect(status, output).toBe(500);
    // The error the browser's overlay and the terminal show: the editor's file, line and
    // column, the message and its fix, not the code that read the file.
    expect(output).toContain('broken.md:3:7');
    expect(output).toContain('did you mean 2022-04-19?');
    expect(output).toMatch(/broken\.md:3:7/);
    fs.rmSync(broken);
    expect((await page('/', 'أرشيف')).status).toBe(200);
  });

  it('starts without reading the tests’ fixtures (a symlink loop among them)', () => {
    expect(output).not.toMatch(/ELOOP|symlink-loop/);
  });
});

describe('npm run dev -- --lang ar', () => {
  it('shows a content error in Arabic, under the same rule id (issue 15, item 16)', async () => {
    const arabicContent = tempDir('dev-ar');
    fs.cpSync(path.join(ROOT, 'content'), arabicContent, { recursive: true });
    const broken = path.join(arabicContent, 'articles/2022/02/broken.md');
    fs.mkdirSync(path.dirname(broken), { recursive: true });
    fs.writeFileSync(broken, '---\ntitle: خبر\ndate: 19/04/2022\n---\n\nنص.\n');
    const port = await freePort();
    let said = '';
    const server = startDev(arabicContent, port, ['--lang', 'ar'], (text) => (said += text));
    try {
      let status = 0;
      for (let i = 0; i < 80 && !(status === 500 && said.includes('broken.md:3:7')); i++) {
        await new Promise((r) => setTimeout(r, 250));
        status = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.status, () => 0);
      }
      expect(status, said).toBe(500);
      expect(said).toContain('خطأ[front-matter/date]');
      expect(said).toContain('هل تقصد 2022-04-19؟');
    } finally {
      server.kill('SIGTERM');
      fs.rmSync(arabicContent, { recursive: true, force: true });
    }
  });
});
