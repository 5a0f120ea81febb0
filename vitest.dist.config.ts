import { defineConfig } from 'vitest/config';

// Build-output tests: read dist/ (run `npm run build` first) and check what every page ships.
export default defineConfig({
  test: {
    include: ['tests/dist/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
