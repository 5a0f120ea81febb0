import { defineConfig } from 'vitest/config';

// Browser tests against the built site in dist/ (run `npm run build` first).
// One file at a time: each launches Chromium, and CI has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
