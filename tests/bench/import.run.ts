/**
 * Phase 1 of `npm run bench`: generate the big institution and import it into a fresh database
 * (validation included, as `ltc import` does it). rows = every record inserted: residents, their
 * assessments and stay events, staff and certificates, visits and their item rows.
 */
import { it } from 'vitest';
import { importDataset } from '../../electron/services/dataset/importDataset';
import { openDatabase } from '../../electron/services/db/database';
import { generateDemoDataset } from '../../electron/services/demo/generateDemo';
import { benchEnv, INSTITUTION, MONTH, peakRssMb, round, writeResult } from './common';

it('imports the benchmark institution', () => {
  const { db: file, out } = benchEnv();
  let t = performance.now();
  const dataset = generateDemoDataset(INSTITUTION);
  const generateSeconds = (performance.now() - t) / 1000;

  const db = openDatabase(file);
  try {
    t = performance.now();
    const s = importDataset(db, dataset, { actor: 'bench' });
    const importSeconds = (performance.now() - t) / 1000;
    const items = dataset.visits.reduce((n, v) => n + v.items.length, 0);
    const rows = s.residents.added + s.assessments.added + s.events.added + s.staff.added + s.certificates.added + s.visits.added + items;
    const visitsInMonth = db.raw.prepare('SELECT count(*) FROM visits WHERE start_at >= ? AND start_at < ?').pluck().get(`${MONTH}-01`, `${MONTH}-32`);
    const result = {
      residents: s.residents.added,
      institutionalResidents: INSTITUTION.institutionalResidents,
      homeClients: INSTITUTION.homeClients,
      staff: s.staff.added,
      stayEvents: s.events.added,
      visits: s.visits.added,
      visitItems: items,
      visitsInMonth,
      importRows: rows,
      generateSeconds: round(generateSeconds),
      importSeconds: round(importSeconds, 2),
      importRowsPerSec: Math.round(rows / importSeconds),
      importPeakRssMb: peakRssMb(),
    };
    console.log(result);
    writeResult(out, result);
  } finally {
    db.close();
  }
});
