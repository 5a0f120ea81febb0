import { defineConfig } from 'vitest/config';

// Browser tests against the built site in dist/ (run `npm run build` first).
// Two files at a time (each launches its own Chromium; CI has two cores): most of a browser test
// is waiting on the page, so two run in little more than the time of one.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
