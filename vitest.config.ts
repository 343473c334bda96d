import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit tests: pure modules and extension pages against WXT's fake browser,
// IndexedDB from fake-indexeddb. Browser tests live in vitest.browser.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'tests/server/**', 'node_modules/**'],
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
  },
});
