/**
 * Phase `monthEnd` of `npm run bench`: month-end as the app's process runs it, in a process of its own so
 * that its peak memory is the app's and not the other measurements' (issue 17): 月度结算 (the month's
 * claim in the claim worker), then 申报 (the claim worker reads the month and builds the whole package,
 * its PDFs in two PDF workers; this thread stores the submission), on a copy of the benchmark database.
 *
 * Memory is the process's peak resident set (`process.resourceUsage().maxRSS`): the claim worker and the
 * PDF workers are threads of this process, so it is their sum with this thread's at the worst moment, as
 * the operating system counts it. `monthEndClaimPeakRssMb` is the peak after the claim alone.
 * This thread also runs vitest (~90 MB before any work): the app's main process has Electron's instead.
 */
import { dirname, resolve } from 'node:path';
import { it } from 'vitest';
import { builtClaimWorker, computeMonthClaimOffThread } from '../../electron/services/claims/claimOffThread';
import { openDatabase } from '../../electron/services/db/database';
import { benchEnv, benchKey, MONTH, peakRssMb, round, writeResult } from './common';
import { measureSubmitStall, removeCopy, submitCopy } from './submitStall';

it('measures month-end as the app runs it', async () => {
  const { db: file, out } = benchEnv();
  const worker = builtClaimWorker(resolve(__dirname, '../../out/main'));
  if (!worker) throw new Error('out/main/claimWorker.js is missing: run `npm run build` first');
  const startRssMb = peakRssMb();
  // the claim and the submission on the same file, as in the app (the claim worker keeps one connection,
  // and its page cache, per file)
  const copy = submitCopy(file, dirname(out));
  try {
    const db = openDatabase(copy, { key: benchKey() });
    let claimLines = 0;
    try {
      claimLines = (await computeMonthClaimOffThread(db, MONTH, worker)).lines.length;
    } finally {
      db.close();
    }
    const monthEndClaimPeakRssMb = peakRssMb();
    const submit = await measureSubmitStall(copy);
    if (!submit) throw new Error('the claim worker is not built: run `npm run build` first');
    writeResult(out, {
      monthEndStartRssMb: startRssMb,
      monthEndClaimLines: claimLines,
      monthEndClaimPeakRssMb,
      submitMaxStallMs: submit.maxStallMs,
      submitSeconds: round(submit.seconds, 2),
      submitFiles: submit.files,
      peakRssMb: peakRssMb(),
    });
  } finally {
    removeCopy(copy);
  }
});
