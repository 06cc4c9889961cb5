/**
 * Every page of the e2e archive through the W3C Nu Html Checker (npm vnu-jar, on this
 * machine's Java), with warnings counted as errors.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/content.ts';
import { e2eBuild } from '../helpers/served-site.ts';
import { javaPath } from '../helpers/tools.ts';

const VNU_JAR = path.join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

describe('the W3C Nu Html Checker', () => {
  it('finds 0 errors and 0 warnings on every page (--Werror)', () => {
    const java = javaPath();
    const { outDir } = e2eBuild();
    const run = spawnSync(java, ['-Xss4m', '-jar', VNU_JAR, '--Werror', '--format', 'json', '--skip-non-html', outDir], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
    const problems = report.messages
      .filter((m) => m.type !== 'info' || m.subType === 'warning')
      .map((m) => `${path.relative(outDir, decodeURI(m.url.replace(/^file:/, '')))}:${m.lastLine ?? '?'} ${m.subType ?? m.type}: ${m.message}`);
    expect(problems).toEqual([]);
    expect(run.status).toBe(0);
  });
});
