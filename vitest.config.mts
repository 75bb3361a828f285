import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native addon: forks keep each test file in its own process.
    pool: 'forks',
    // Two at a time even on two cores: many files wait on a child process (ltc, the host, workers).
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
