import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (playwright-core) with the built extension on
// HTTPS pages served under the real host names. One file at a time: 2 cores.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
