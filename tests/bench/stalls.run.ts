/**
 * Phase 3 of `npm run bench`, on the database phase 1 built: the window's two biggest imports (a
 * 50,000-row visit export, a 4,000-row roster) served as the app serves them, with the longest stall
 * of the serving thread measured (windowStalls.ts).
 */
import { dirname } from 'node:path';
import { it } from 'vitest';
import { benchEnv, peakRssMb, writeResult } from './common';
import { measureRendererReady } from './rendererReady';
import { measureWindowStalls } from './windowStalls';

it('measures the serving thread during the big imports', async () => {
  const { db, out } = benchEnv();
  const s = await measureWindowStalls(db, dirname(out));
  const result: Record<string, unknown> = {
    importMaxStallMs: s.import.maxStallMs,
    importWindowSeconds: s.import.seconds,
    importWindowRows: s.import.rows,
    importWindowAdded: s.import.added,
    rosterMaxStallMs: s.roster.maxStallMs,
    rosterSeconds: s.roster.seconds,
    rosterRows: s.roster.rows,
    rosterAdded: s.roster.added,
    backupMaxStallMs: s.backup.maxStallMs,
    backupSeconds: s.backup.seconds,
    backupMb: Math.round(s.backup.added / 1e6),
    stallsPeakRssMb: peakRssMb(),
  };
  // last: the window's first screen, served from the benchmark database as it stands now
  const ready = await measureRendererReady(db);
  Object.assign(result, { rendererReadyMs: ready.medianMs, rendererReadyRunsMs: ready.runsMs });
  console.log(result);
  writeResult(out, result);
}, 600_000);
