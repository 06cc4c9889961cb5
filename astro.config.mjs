// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { readBuildConfig } from './src/archive/config.ts';
import { devContentWatcher } from './src/lib/dev-content-watcher.ts';

// One source of truth for where the site reads, writes and is served: the ARCHIVE_* variables.
const config = readBuildConfig();

export default defineConfig({
  site: config.site,
  base: config.base,
  outDir: config.outDir,
  trailingSlash: 'always',
  build: { format: 'directory', assets: '_astro' },
  devToolbar: { enabled: false },
  // sitemap-index.xml + sitemap-N.xml (split every 45,000 URLs), every page but the 404.
  integrations: [sitemap({ filter: (page) => !/\/404\/?$/.test(page) })],
  // Our own unified pipeline renders Markdown (src/archive/markdown/); Astro's is not used.
  vite: { build: { assetsInlineLimit: 0 }, plugins: [devContentWatcher(config.contentDir)] },
});
