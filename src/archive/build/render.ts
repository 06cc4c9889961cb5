/**
 * The render stage, with Astro behind an adapter: the rest of the build only asks for the
 * pages of the plan to be written into a staging folder.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Writes the pages of the handed-over site into a folder. */
export interface PageRenderer {
  render(staging: string): Promise<void>;
}

/**
 * A working folder for Astro beside the output, on its file system: Astro renders from a server
 * bundle it writes there and renames its assets from it into the staging folder, which fails
 * across file systems. The bundle imports packages, so the folder links to the project's
 * node_modules (where a file system has no symbolic links, the project's own .astro/ is used).
 */
export function astroWorkingFolder(outDir: string, projectRoot: string): string {
  const beside = `${outDir}.astro-${process.pid}`;
  fs.mkdirSync(beside, { recursive: true });
  try {
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(beside, 'node_modules'), 'dir');
    return beside;
  } catch {
    fs.rmSync(beside, { recursive: true, force: true });
    const inside = path.join(projectRoot, '.astro', `build-${process.pid}`);
    fs.mkdirSync(inside, { recursive: true });
    return inside;
  }
}

/**
 * Astro's static build of the project at `root`. Its own working files (its cache, and the
 * server bundle it renders from) are per build in `workFolder`, so two builds, even into
 * different outputs, never share them; Astro writes that bundle into <cwd>/.astro/ when the
 * output is not under the working directory, so it runs from there.
 */
export function astroRenderer(root: string, workFolder: string): PageRenderer {
  return {
    async render(staging) {
      const { build } = await import('astro');
      const cwd = process.cwd();
      try {
        process.chdir(workFolder);
        await build({ root, outDir: staging, cacheDir: path.join(workFolder, 'cache'), logLevel: 'warn' });
      } finally {
        process.chdir(cwd);
      }
    },
  };
}
