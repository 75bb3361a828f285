/**
 * Phase 1 of `npm run bench`: the big institution's dataset file (written by the `dataset` phase) imported
 * into a fresh database as `ltc import` does it: read as a stream, each visit checked and then stored as it
 * is read, in one transaction (importDatasetFileOnce), in a process of its own so that `importPeakRssMb` is the import's
 * (`process.resourceUsage().maxRSS`, read as soon as the import is done; issue 17). It includes vitest's
 * own ~95 MB, where `ltc` has a bare Node. rows = every record inserted: residents, their assessments and
 * stay events, staff and certificates, visits and their item rows.
 *
 * Then the floor (`importFloorRowsPerSec`): the same rows, read back from the imported database, inserted
 * into another fresh database with prepared statements in one transaction, no checks; only the inserts
 * and the commit are timed. Same schema, so its constraints (the visit's minutes against julianday(), the
 * unique refs, the foreign keys) are in the floor too: they are the database's, not the import's.
 *
 * `LTC_BENCH_IMPORT_WHOLE=1` imports the file the way `ltc import` did before issue 17 (read whole,
 * JSON.parse, validated whole, then stored), for the numbers in tests/bench/README.md.
 */
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { it } from 'vitest';
import { readJsonFile } from '../../electron/cli/io';
import { importDataset, type ImportSummary } from '../../electron/services/dataset/importDataset';
import { importDatasetFileOnce } from '../../electron/services/dataset/importFile';
import { validateDataset } from '../../electron/services/dataset/validateDataset';
import { openDatabase, type LtcDatabase } from '../../electron/services/db/database';
import { benchDatasetFile, benchEnv, INSTITUTION, MONTH, peakRssMb, round, writeResult } from './common';

/** The tables an import fills, in an order their foreign keys allow. */
const TABLES = ['residents', 'assessments', 'stay_events', 'staff', 'certificates', 'visits', 'visit_items'];

/** `ltc import`: checked, then stored; `checkSeconds` is the first part. */
function importFile(db: LtcDatabase, file: string): { summary: ImportSummary; checkSeconds: number } {
  const t = performance.now();
  if (process.env.LTC_BENCH_IMPORT_WHOLE === '1') {
    const checked = validateDataset(readJsonFile(file));
    if (!checked.ok) throw new Error(`the benchmark dataset is refused: ${JSON.stringify(checked.problems.slice(0, 5))}`);
    const checkSeconds = (performance.now() - t) / 1000;
    return { summary: importDataset(db, checked.dataset, { actor: 'bench' }), checkSeconds };
  }
  // checked and stored in one pass (importDatasetFileOnce), as `ltc import` does with a file laid out as
  // `ltc export` writes it, the file read and checked in the built dataset worker while this thread
  // stores (`LTC_BENCH_IMPORT_ONE_THREAD=1`: all in this thread); the check has no time of its own then
  const summary = importDatasetFileOnce(db, file, {
    actor: 'bench',
    workerFile: process.env.LTC_BENCH_IMPORT_ONE_THREAD === '1' ? null : builtWorker('datasetWorker'),
    refuse: (problems) => new Error(`the benchmark dataset is refused: ${JSON.stringify(problems.slice(0, 5))}`),
  });
  if (!summary) throw new Error('the benchmark dataset has its visits before its people');
  return { summary, checkSeconds: 0 };
}

/** A worker of the build (`npm run bench` builds the app first), as `ltc import` runs it. */
function builtWorker(name: string): string {
  const file = resolve(__dirname, `../../out/main/${name}.js`);
  if (!existsSync(file)) throw new Error(`out/main/${name}.js is missing: run \`npm run build\` first`);
  return file;
}

/** The floor: rows/s of bare prepared inserts of the imported rows into a fresh database, one transaction. */
function insertFloor(from: LtcDatabase, file: string): { rows: number; seconds: number } {
  rmSync(file, { force: true });
  const db = openDatabase(file);
  try {
    const tables = TABLES.map((table) => {
      const columns = (from.raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      const rows = from.raw
        .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
        .raw()
        .all() as unknown[][];
      return { insert: db.raw.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`), rows };
    });
    const t = performance.now();
    let rows = 0;
    db.transaction(() => {
      for (const { insert, rows: list } of tables) {
        for (const row of list) insert.run(row);
        rows += list.length;
      }
    });
    return { rows, seconds: (performance.now() - t) / 1000 };
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}

it('imports the benchmark institution from its dataset file', () => {
  const { db: file, out } = benchEnv();
  const datasetFile = benchDatasetFile();
  const startRssMb = peakRssMb();
  const db = openDatabase(file);
  try {
    const t = performance.now();
    const { summary: s, checkSeconds } = importFile(db, datasetFile);
    const importSeconds = (performance.now() - t) / 1000;
    const importPeakRssMb = peakRssMb();
    const items = db.raw.prepare('SELECT count(*) FROM visit_items').pluck().get() as number;
    const rows = s.residents.added + s.assessments.added + s.events.added + s.staff.added + s.certificates.added + s.visits.added + items;
    const visitsInMonth = db.raw.prepare('SELECT count(*) FROM visits WHERE start_at >= ? AND start_at < ?').pluck().get(`${MONTH}-01`, `${MONTH}-32`);
    const floor = insertFloor(db, join(dirname(out), 'import-floor.db'));
    if (floor.rows !== rows) throw new Error(`the floor inserted ${floor.rows} rows, the import ${rows}`);
    const importRowsPerSec = Math.round(rows / importSeconds);
    const importFloorRowsPerSec = Math.round(floor.rows / floor.seconds);
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
      importSeconds: round(importSeconds, 2),
      importCheckSeconds: round(checkSeconds, 2),
      importRowsPerSec,
      importFloorSeconds: round(floor.seconds, 2),
      importFloorRowsPerSec,
      importVsFloor: round(importRowsPerSec / importFloorRowsPerSec, 2),
      importStartRssMb: startRssMb,
      importPeakRssMb,
      importRoute:
        process.env.LTC_BENCH_IMPORT_WHOLE === '1'
          ? 'whole file'
          : process.env.LTC_BENCH_IMPORT_ONE_THREAD === '1'
            ? 'stream, one thread'
            : 'stream, dataset worker',
    };
    console.log(result);
    writeResult(out, result);
  } finally {
    db.close();
  }
});
