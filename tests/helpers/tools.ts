import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Finds a program the gates need, or fails with how to install it on this Debian machine. */
export function requireTool(name: string, candidates: string[], debianPackage: string): string {
  for (const candidate of candidates) {
    if (candidate.includes('/')) {
      if (fs.existsSync(candidate)) return candidate;
    } else {
      const found = spawnSync('sh', ['-c', `command -v ${candidate}`], { encoding: 'utf8' }).stdout.trim();
      if (found) return found;
    }
  }
  throw new Error(
    `${name} is needed for this test and was not found (looked for ${candidates.join(', ')}).\n` +
      `Install it with: apt-get update && apt-get install -y ${debianPackage}\n` +
      `(.ci/run does this on CI.)`,
  );
}

/** Debian's Chromium, for playwright-core and Lighthouse. */
export function chromiumPath(): string {
  return requireTool('Chromium', [process.env['CHROME_PATH'] ?? '', '/usr/bin/chromium', 'chromium'].filter(Boolean), 'chromium');
}

/** Debian's nginx. */
export function nginxPath(): string {
  return requireTool('nginx', ['/usr/sbin/nginx', 'nginx'], 'nginx');
}

/** A Java runtime for the Nu Html Checker. */
export function javaPath(): string {
  return requireTool('Java', ['java'], 'default-jre-headless');
}

/**
 * Flags that keep headless Chromium quiet on a closed network: no background services phoning
 * home, no first-run work, a sandbox-free start as root.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
];
