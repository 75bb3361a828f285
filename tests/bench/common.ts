/**
 * What the benchmark phases share: the institution's size, the measured month, and where a phase
 * finds the database and leaves its numbers (scripts/bench.mjs sets both in the environment).
 */
import { writeFileSync } from 'node:fs';
import type { DemoOptions } from '../../electron/services/demo/generateDemo';
import { readKeyFile, type DatabaseKey } from '../../electron/services/db/cipherKey';

export const MONTH = '2026-10';
export const GENERATED_ON = '2026-11-05';

/** 500 institutional residents, 3,000 home clients with 30 visits a month, a year of records. */
export const INSTITUTION: DemoOptions = {
  institutionalResidents: 500,
  homeClients: 3000,
  months: 12,
  visitsPerClientPerMonth: 30,
  endMonth: MONTH,
};

/**
 * The key of an encrypted benchmark database (`npm run bench -- --db FILE --key-file K`: what encryption at
 * rest costs, decisions.md D37), or null for a plain one. Every phase opens the database and its copies with it.
 */
export function benchKey(): DatabaseKey | null {
  const file = process.env.LTC_BENCH_KEY_FILE;
  return file ? readKeyFile(file) : null;
}

/** The host's arguments for the benchmark database (its --key-file when encrypted). */
export const benchHostArgs = (): string[] => (process.env.LTC_BENCH_KEY_FILE ? ['--key-file', process.env.LTC_BENCH_KEY_FILE] : []);

export function benchEnv(): { db: string; out: string } {
  const db = process.env.LTC_BENCH_DB;
  const out = process.env.LTC_BENCH_OUT;
  if (!db || !out) throw new Error('run the benchmark with `npm run bench` (scripts/bench.mjs sets LTC_BENCH_DB and LTC_BENCH_OUT)');
  return { db, out };
}

/** The dataset file the `dataset` phase writes and the `import` phase imports (scripts/bench.mjs names it). */
export function benchDatasetFile(): string {
  const file = process.env.LTC_BENCH_DATASET;
  if (!file) throw new Error('run the benchmark with `npm run bench` (scripts/bench.mjs sets LTC_BENCH_DATASET)');
  return file;
}

export function writeResult(file: string, result: Record<string, unknown>): void {
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

/** Peak resident set of this process so far, worker threads included (maxRSS is KiB). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export const round = (x: number, digits = 1): number => Number(x.toFixed(digits));

/**
 * The best of `runs` timed calls after `warmups` warm-up calls (at least one), in ms, with the last result;
 * the warm-ups' times too (`warmups`), so that a reader can see when the calls became warm.
 */
export function bestOf<T>(runs: number, warmups: number, f: () => T): { ms: number; all: number[]; warmups: number[]; result: T } {
  const time = (into: number[]): T => {
    const t = performance.now();
    const r = f();
    into.push(performance.now() - t);
    return r;
  };
  const warm: number[] = [];
  const all: number[] = [];
  let result = time(warm);
  for (let i = 1; i < warmups; i++) result = time(warm);
  for (let i = 0; i < runs; i++) result = time(all);
  return { ms: Math.min(...all), all, warmups: warm, result };
}
