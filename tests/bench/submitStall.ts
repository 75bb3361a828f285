/**
 * 申报 as the window runs it (claim worker, PDF workers), on a copy of the benchmark database, with
 * this thread's event loop watched throughout: the longest it could not answer is what a window
 * would wait on (in Electron this thread is the main process, which serves every window's calls).
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { builtClaimWorker, offThreadPreparer } from '../../electron/services/claims/claimOffThread';
import { submitMonth } from '../../electron/services/claims/lifecycle';
import { buildPackage } from '../../electron/services/claims/package';
import { openDatabase } from '../../electron/services/db/database';
import { benchKey, GENERATED_ON, MONTH } from './common';

export interface SubmitStall {
  /** the longest stall of this thread's event loop while the month was submitted, ms */
  maxStallMs: number;
  seconds: number;
  files: number;
}

/**
 * A copy of the benchmark database to submit in: submitting freezes the month, and the copy keeps the
 * benchmark database measurable again (--db). Checkpointed first, so that the main file holds every commit.
 */
export function submitCopy(benchDb: string, dir: string): string {
  const bench = openDatabase(benchDb, { key: benchKey() });
  bench.raw.pragma('wal_checkpoint(TRUNCATE)');
  bench.close();
  const file = join(dir, 'submit.db');
  copyFileSync(benchDb, file);
  return file;
}

export function removeCopy(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

/** 申报 of the month in `file` (a submitCopy); null when the app is not built (the claim worker is part of the build). */
export async function measureSubmitStall(file: string): Promise<SubmitStall | null> {
  const worker = builtClaimWorker(resolve(__dirname, '../../out/main'));
  if (!worker || !existsSync(worker)) return null;
  const db = openDatabase(file, { key: benchKey() });
  const lag = monitorEventLoopDelay({ resolution: 10 });
  try {
    const t0 = performance.now();
    lag.enable();
    const r = await submitMonth(db, {
      month: MONTH,
      actor: 'bench',
      generatedOn: GENERATED_ON,
      acceptErrors: true,
      build: buildPackage,
      prepare: offThreadPreparer(worker),
    });
    lag.disable();
    return { maxStallMs: Math.round(lag.max / 1e6), seconds: (performance.now() - t0) / 1000, files: r.files.length };
  } finally {
    db.close();
  }
}
