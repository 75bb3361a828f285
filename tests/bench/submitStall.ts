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
import { GENERATED_ON, MONTH } from './common';

export interface SubmitStall {
  /** the longest stall of this thread's event loop while the month was submitted, ms */
  maxStallMs: number;
  seconds: number;
  files: number;
}

/** null when the app is not built (the claim worker is part of the build: `npm run build`). */
export async function measureSubmitStall(benchDb: string, dir: string): Promise<SubmitStall | null> {
  const worker = builtClaimWorker(resolve(__dirname, '../../out/main'));
  if (!worker || !existsSync(worker)) return null;
  // Submitting freezes the month: a copy keeps the benchmark database measurable again (--db).
  // Checkpointed first, so that the copy of the main file alone holds every commit.
  const bench = openDatabase(benchDb);
  bench.raw.pragma('wal_checkpoint(TRUNCATE)');
  bench.close();
  const file = join(dir, 'submit.db');
  copyFileSync(benchDb, file);
  const db = openDatabase(file);
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
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
}
