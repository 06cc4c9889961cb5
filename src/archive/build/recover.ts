/**
 * What a killed build leaves behind, put right by the next build into the same output (which
 * holds the output's lock, so no other build is writing there): a publication it had committed
 * (its journal exists) is finished; one it had not is rolled back by deleting its staging
 * folders, the output never having been touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { processAlive } from './output-lock.ts';
import { journalFile, pendingJournal, PUBLISH_FOLDER, rollForward } from './publish.ts';

/**
 * Recovers `outDir` from a killed build; returns how many files and folders a finished
 * publication moved (0 when there was none to finish).
 */
export function recoverOutput(outDir: string, projectRoot: string): number {
  const journal = pendingJournal(outDir);
  const moved = journal ? rollForward(journal) : 0;
  fs.rmSync(journalFile(outDir), { force: true });
  fs.rmSync(path.join(outDir, PUBLISH_FOLDER), { recursive: true, force: true });
  const parent = path.dirname(outDir);
  const name = path.basename(outDir);
  const leftover = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(building|search|old|astro)-(\\d+)$`);
  for (const entry of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    const m = leftover.exec(entry);
    if (!m) continue;
    const folder = path.join(parent, entry);
    // A previous site put aside with nothing in its place (only an older version did that).
    if (m[1] === 'old' && !fs.existsSync(outDir)) fs.renameSync(folder, outDir);
    else fs.rmSync(folder, { recursive: true, force: true });
  }
  // Astro working folders of builds that no longer run (into any output).
  const astroRoot = path.join(projectRoot, '.astro');
  for (const entry of fs.existsSync(astroRoot) ? fs.readdirSync(astroRoot) : []) {
    const m = /^build-(\d+)$/.exec(entry);
    if (m && !processAlive(Number(m[1]))) fs.rmSync(path.join(astroRoot, entry), { recursive: true, force: true });
  }
  return moved;
}
