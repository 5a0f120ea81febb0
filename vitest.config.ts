import { defineConfig } from 'vitest/config';

// Unit tests: pure modules under src/lib and scripts. Browser tests have their own config.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
