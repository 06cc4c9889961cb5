/**
 * `npm run dev`: show a new or edited article, person or place without a restart. A Vite plugin
 * that watches the content folder; on any change it forgets the loaded Archive
 * (src/archive/build/handoff.ts), invalidates the server-rendered modules so routes recompute their
 * paths, and reloads the browser.
 */
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { forgetSite } from '../archive/build/handoff.ts';

/** The plugin, for `vite.plugins` in astro.config.mjs. */
export function devContentWatcher(contentDir: string): Plugin {
  return {
    name: 'arabic-news-archive:content-watcher',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      server.watcher.add(contentDir);
      const onChange = (file: string) => {
        if (!path.resolve(file).startsWith(path.resolve(contentDir) + path.sep)) return;
        forgetSite();
        for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
        server.ws.send({ type: 'full-reload', path: '*' });
        server.config.logger.info(`content changed: ${path.relative(process.cwd(), file)}`, { timestamp: true });
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
