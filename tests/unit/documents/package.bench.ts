/**
 * A rough measurement, not a test: the package of a big institution (500 residents, 3,000 home
 * clients with 30 visits a month) through the real path (import into a temp database, compute the
 * month, load its records, build the package). Prints pages, pages/s, seconds and peak RSS.
 *
 *   npx vitest bench --run tests/unit/documents/package.bench.ts
 *
 * Not part of `vitest run` (its include is *.test.ts). One iteration: the number that matters is
 * the wall time of one package, printed below, not tinybench's statistics.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { loadClaimInput } from '../../../electron/services/dataset/loadMonth';
import { openDatabase } from '../../../electron/services/db/database';
import { generateDemoDataset } from '../../../electron/services/demo/generateDemo';
import { buildClaimPackage } from '../../../electron/services/documents/buildPackage';

const MONTH = '2026-10';

async function measure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    let t = performance.now();
    importDataset(db, generateDemoDataset({ institutionalResidents: 500, homeClients: 3000, months: 1, visitsPerClientPerMonth: 30, endMonth: MONTH }), { actor: 'bench' });
    const claim = computeMonthClaim(db, MONTH);
    const records = loadClaimInput(db, MONTH);
    const prepare = (performance.now() - t) / 1000;
    const rss = process.memoryUsage().rss / 1e6;
    console.log(`records: ${records.residents.length} persons, ${records.visits.length} visits; claim: ${claim.lines.length} lines, ${claim.issues.length} issues; prepared in ${prepare.toFixed(1)} s; RSS before the package ${rss.toFixed(0)} MB`);

    const pdfs: { name: string; pages: number; bytes: number; at: number }[] = [];
    t = performance.now();
    const files = await buildClaimPackage(
      { claim, records, generatedOn: '2026-11-05' },
      { onPdf: (p) => pdfs.push({ ...p, at: (performance.now() - t) / 1000 }) },
    );
    const seconds = (performance.now() - t) / 1000;
    const pages = pdfs.reduce((n, p) => n + p.pages, 0);
    for (const p of pdfs) console.log(`  ${p.name.padEnd(16, '　')} ${String(p.pages).padStart(5)} pages ${(p.bytes / 1e6).toFixed(1).padStart(6)} MB  done at ${p.at.toFixed(1)} s`);
    const total = files.reduce((n, f) => n + f.bytes.length, 0);
    // maxRSS covers the whole process, worker threads included (KiB on Linux).
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(`package: ${files.length} files, ${(total / 1e6).toFixed(1)} MB, ${pages} pages in ${seconds.toFixed(1)} s = ${(pages / seconds).toFixed(0)} pages/s; peak RSS ${peak.toFixed(0)} MB`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('claim package, 3,500 persons', () => {
  bench('build', measure, { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 });
});
