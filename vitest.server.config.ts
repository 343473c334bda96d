import { defineConfig } from 'vitest/config';

// Team server tests (issue #7): real PostgreSQL started by server/pg-local.ts on loopback, the
// gateway over HTTP. One file at a time: each starts its own cluster, and the machine is small.
export default defineConfig({
  test: {
    include: ['tests/server/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
