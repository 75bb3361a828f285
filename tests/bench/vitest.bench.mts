// `npm run bench` only (scripts/bench.mjs): the benchmark phases, one file per vitest run, each in
// its own process so that each phase's peak memory is its own. Never part of `npm test`, whose
// config (vitest.config.mts) includes tests/unit/**/*.test.ts only.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('0.0.0-bench') },
  test: {
    include: ['tests/bench/**/*.run.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
