/**
 * `ltc import`'s one pass with the built dataset worker (out/main/datasetWorker.js, issue 17): the file read
 * and checked in the worker while this thread stores the checked visits, as the built `ltc` runs it. What is
 * stored, refused and said is what the calling thread alone stores, refuses and says (importFile.test.ts
 * compares that with importDataset and validateDataset). Needs `npm run build` first (npm test does it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotStreamable } from '../../../electron/services/dataset/datasetFile';
import { exportDataset } from '../../../electron/services/dataset/exportDataset';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { importDatasetFileOnce } from '../../../electron/services/dataset/importFile';
import type { DatasetProblem } from '../../../electron/services/dataset/problems';
import { validateDataset } from '../../../electron/services/dataset/validateDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import type { Dataset } from '../../../shared/domain/model';
import { sample, tempDir, track } from '../services/helpers';

const WORKER = path.resolve(__dirname, '../../../out/main/datasetWorker.js');
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('out/main/datasetWorker.js is missing: run `npm run build` before these tests');
});

const TODAY = '2026-12-06';
const refuse = (problems: DatasetProblem[]): Error => Object.assign(new Error('refused'), { problems });
const once = (db: LtcDatabase, file: string, workerFile: string | null = WORKER) =>
  importDatasetFileOnce(db, file, { actor: 't', today: TODAY, refuse, workerFile });

function fileOf(d: unknown): string {
  const file = path.join(tempDir(), 'd.json');
  writeFileSync(file, JSON.stringify(d, null, 2));
  return file;
}

/** The sample with its visits copied under new refs: several batches, more than the queue holds. */
function big(copies = 1500): Dataset {
  const d = sample();
  const visits = d.visits;
  d.visits = [];
  for (let c = 0; c < copies; c++) for (const v of visits) d.visits.push({ ...structuredClone(v), ref: `${v.ref}-${c}` });
  return d;
}

const counts = (db: LtcDatabase) =>
  ['institution', 'residents', 'staff', 'visits', 'visit_items', 'audit_log'].map((t) => db.raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get());
const indexes = (db: LtcDatabase) => db.raw.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'visits' ORDER BY name").all();

describe('the one-pass import with the dataset worker', () => {
  it('stores what importDataset stores, in many batches, with the same summary; again, a merge', () => {
    const d = big();
    expect(d.visits.length).toBeGreaterThan(4 * 2000);
    const dir = tempDir();
    const a = track(openDatabase(path.join(dir, 'a.db')));
    const b = track(openDatabase(path.join(dir, 'b.db')));
    const whole = importDataset(a, structuredClone(d), { actor: 't' });
    const file = fileOf(d);
    expect(once(b, file)).toEqual(whole);
    expect(exportDataset(b)).toEqual(exportDataset(a));
    expect(b.raw.prepare('SELECT * FROM visit_items ORDER BY visit_id, position').all()).toEqual(
      a.raw.prepare('SELECT * FROM visit_items ORDER BY visit_id, position').all(),
    );
    expect(indexes(b)).toEqual(indexes(a));
    // the same file again: every visit on file already, skipped (the visits' table is not empty now)
    const changed = structuredClone(d);
    changed.visits[7]!.note = '改过';
    expect(once(b, fileOf(changed))).toEqual(importDataset(a, changed, { actor: 't' }));
    expect(exportDataset(b)).toEqual(exportDataset(a));
  });

  it('a problem in the last visit: every problem listed as validateDataset lists it, nothing stored, the indexes as they were', () => {
    const d = big(600);
    d.visits[0]!.resident = 'nobody';
    d.visits.at(-1)!.items = ['XX99'];
    const whole = validateDataset(structuredClone(d), TODAY);
    if (whole.ok) throw new Error('expected the dataset to be refused');
    const db = track(openDatabase(path.join(tempDir(), 'c.db')));
    const before = indexes(db);
    let thrown: unknown;
    try {
      once(db, fileOf(d));
    } catch (e) {
      thrown = e;
    }
    expect((thrown as { problems: unknown }).problems).toEqual(whole.problems);
    expect(counts(db)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(indexes(db)).toEqual(before);
  });

  it('a problem found late stops the inserts: refused with the problems, not with what the database said', () => {
    const d = big(600);
    d.visits.at(-1)!.ref = d.visits[0]!.ref;
    const whole = validateDataset(structuredClone(d), TODAY);
    if (whole.ok) throw new Error('expected the dataset to be refused');
    const db = track(openDatabase(path.join(tempDir(), 'e.db')));
    expect(() => once(db, fileOf(d))).toThrow('refused');
    expect(counts(db)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('a file the stream reader does not take is NotStreamable, as in the calling thread; so is one nested too deep for a copy between threads', () => {
    const db = track(openDatabase(path.join(tempDir(), 'f.db')));
    const broken = path.join(tempDir(), 'broken.json');
    writeFileSync(broken, '{"format": "ltc-dataset", "visits": [{"a": 1} {"a": 2}]}');
    expect(() => once(db, broken)).toThrow(NotStreamable);
    // JSON.parse reads any depth; the refusal is validateDataset's, as in the calling thread
    const file = fileOf({ ...sample(), institution: 'DEEP' });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"DEEP"', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`));
    let here: unknown;
    let there: unknown;
    try {
      once(db, file, null);
    } catch (e) {
      here = e;
    }
    try {
      once(db, file);
    } catch (e) {
      there = e;
    }
    expect((here as { problems: unknown[] }).problems.length).toBeGreaterThan(0);
    expect((there as { problems: unknown }).problems).toEqual((here as { problems: unknown }).problems);
    expect(counts(db)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
