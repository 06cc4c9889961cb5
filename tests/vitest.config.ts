import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/run-folder.ts'],
    // Build tests run real Astro builds (a few seconds each) and validate every page.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Builds use both cores; running build files side by side only makes each slower.
    fileParallelism: false,
  },
});
