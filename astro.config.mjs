// @ts-check
import { defineConfig } from 'astro/config';
import { readBuildConfig } from './src/archive/config.ts';
import { devContentWatcher } from './src/lib/dev-content-watcher.ts';

// One source of truth for where the site reads, writes and is served: the ARCHIVE_* variables.
const config = readBuildConfig();

export default defineConfig({
  site: config.site,
  // Astro matches routes against decoded paths, so it gets the base as text; our links carry it
  // percent-encoded (src/archive/urls.ts).
  base: decodeURI(config.base),
  outDir: config.outDir,
  trailingSlash: 'always',
  build: { format: 'directory', assets: '_astro' },
  devToolbar: { enabled: false },
  // The sitemap is written by the build command (src/archive/output/sitemap.ts) from every page,
  // including those an incremental build does not re-render.
  // Our own unified pipeline renders Markdown (src/archive/markdown/); Astro's is not used.
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: [devContentWatcher(config.contentDir)],
    // The dev server watches what it serves: the code, and the content folder (the plugin adds
    // it). Not the tests' fixtures (one is a symlink loop, on purpose), outputs or caches.
    server: { watch: { ignored: ['**/tests/**', '**/dist/**', '**/dist.*/**', '**/.cache/**', '**/.astro/**', '**/node_modules/**'] } },
  },
});
