import { defineConfig } from 'vitest/config';

/**
 * Browser tests: real Chromium (playwright-core, /usr/bin/chromium) with the built extension, pages served at
 * the platforms' real URLs. Run after `npm run build`. One file at a time: each launches its own browser.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts', 'tests/firefox/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
