// The benchmark's phases on an encrypted database (keyedDatabase.cjs); see tests/bench/README.md, "Encryption".
// The same settings as ../vitest.bench.mts, with better-sqlite3 replaced by the keyed driver.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('0.0.0-bench') },
  resolve: { alias: { 'better-sqlite3': resolve(__dirname, 'keyedDatabase.cjs') } },
  test: {
    root: resolve(__dirname, '../../..'),
    include: ['tests/bench/**/*.run.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
