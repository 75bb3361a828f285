// The benchmark's phases on an encrypted database (keyedDatabase.cjs); see tests/bench/README.md, "Encryption".
import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import bench from '../vitest.bench.mts';

export default mergeConfig(
  bench,
  defineConfig({
    resolve: { alias: { 'better-sqlite3': resolve(__dirname, 'keyedDatabase.cjs') } },
  }),
);
