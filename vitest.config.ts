import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: happy-dom, WXT's fake browser, fake-indexeddb. Browser (e2e) tests live in vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    globals: true,
    include: ['utils/**/*.test.ts', 'components/**/*.test.ts?(x)', 'entrypoints/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/platforms/**/*.test.ts', 'tests/checklist/**/*.test.ts', 'tests/issues/**/*.test.ts', 'tests/meta/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Fuzz and huge-DOM tests do real work; speed is budgeted by `npm run bench`, not by unit-test timers.
    testTimeout: 60_000,
  },
});
