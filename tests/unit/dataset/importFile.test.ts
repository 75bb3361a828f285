/**
 * The streamed dataset file (issue 17: importDatasetFile, datasetFile.ts): what it reads is what JSON.parse
 * of the whole file gives, whatever the chunks cut; what it refuses is refused with validateDataset's very
 * problems, in the same order; what it stores is what importDataset stores, all or nothing.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotStreamable, scanDatasetFile } from '../../../electron/services/dataset/datasetFile';
import { exportDataset } from '../../../electron/services/dataset/exportDataset';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { importDatasetFile, importDatasetFileOnce, validateDatasetFile } from '../../../electron/services/dataset/importFile';
import type { DatasetProblem } from '../../../electron/services/dataset/problems';
import { validateDataset } from '../../../electron/services/dataset/validateDataset';
import { openDatabase } from '../../../electron/services/db/database';
import type { Dataset } from '../../../shared/domain/model';
import { sample, tempDir, track } from '../services/helpers';

const TODAY = '2026-12-06';

function write(content: string | Buffer, name = 'd.json'): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

/** What the scanner hands out, put back together as one object. */
function scanned(file: string, chunk?: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visits: unknown[] = [];
  scanDatasetFile(
    file,
    {
      head: (k, v) => {
        out[k] = v;
      },
      visitsStart: () => {
        out['visits'] = visits;
      },
      visit: (v, i) => {
        visits[i] = v;
      },
    },
    chunk,
  );
  return out;
}

describe('the stream reader gives what JSON.parse of the whole file gives', () => {
  const tricky = {
    format: 'ltc-dataset',
    visits: [{ ref: 'a"b\\', note: '引号 \\" 和反斜杠 \\\\ 𠮷 \u2028', n: [1, [2, { x: '}]' }]], e: -1.5e3 }, {}, [], 'text', 0, true, null],
    version: 1,
    institution: { name: '康宁护理院', deep: [[[{}]]] },
  };

  it('pretty, compact, with a byte order mark, in chunks of every size from 1 byte', () => {
    const texts = [JSON.stringify(tricky, null, 2), JSON.stringify(tricky), `\uFEFF \n${JSON.stringify(tricky, null, '\t')}\r\n`];
    for (const text of texts) {
      const file = write(text);
      for (const chunk of [1, 2, 3, 5, 7, 64, 1 << 22]) expect(scanned(file, chunk)).toEqual(tricky);
    }
  });

  it('laid out as `ltc export` writes it, and laid out so as to mislead the runs it looks for', () => {
    const visits = Array.from({ length: 3000 }, (_, i) => ({
      ref: `v${i}`,
      note: i % 7 ? undefined : 'a\n    }',
      items: ['LC01'],
      nested: { n: [i, { x: i }] },
    }));
    const laidOut = JSON.stringify({ format: 'ltc-dataset', visits, version: 1 }, null, 2);
    // a nested value's closing brace at a visit's indent, in the first and in a later run: read byte by byte from there on
    const misleading = laidOut.replace('"nested": {\n        "n"', '"nested": {\n    "n"').replace(/("ref": "v1500",[^]*?"x": 1500\n\s*)}/, '$1\n    }');
    expect(misleading).not.toEqual(laidOut);
    for (const text of [laidOut, misleading, laidOut.replace(/\n/g, '\r\n'), laidOut.replace(/^( +)/gm, (m) => '\t'.repeat(m.length / 2))]) {
      const file = write(text);
      for (const chunk of [7, 4096, 1 << 22]) expect(scanned(file, chunk)).toEqual(JSON.parse(text));
    }
  });

  it('an empty object, an empty visits array, visits that are not an array', () => {
    expect(scanned(write('{}'), 1)).toEqual({});
    expect(scanned(write('{"visits": [ ]}'), 1)).toEqual({ visits: [] });
    expect(scanned(write('{"visits": {"a": 1}}'), 2)).toEqual({ visits: { a: 1 } });
  });

  it('is not streamable where JSON.parse would refuse the file, or might read it otherwise', () => {
    const refused = [
      '{"visits": [{"a": 1} {"a": 2}]}', // a comma missing between visits
      '{"visits": [{"a": 1},]}', // a trailing comma
      '{"visits": [{"a": 1}], "x": 1', // cut short
      '{"visits": [{"a": 1}]} x', // bytes after the end
      '{"a": 1, "a": 2}', // a key twice
      '{"visits": [tru]}',
      '{"visits": [{"a": [1}]]}',
      '[1, 2]',
      '',
    ];
    for (const text of refused) {
      for (const chunk of [1, 1 << 22]) expect(() => scanned(write(text), chunk), text).toThrow(NotStreamable);
    }
    // not UTF-8: GBK's 张 (D5 C5), and a character cut short at the end of the file
    const gbk = Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xd5, 0xc5]), Buffer.from('"}')]);
    const cut = Buffer.concat([Buffer.from('{"name": "'), Buffer.from('张').subarray(0, 2)]);
    for (const bytes of [gbk, cut]) for (const chunk of [1, 3, 1 << 22]) expect(() => scanned(write(bytes), chunk)).toThrow(NotStreamable);
  });
});

/** The dataset as a file, its keys in the order given (the visits may come first). */
function fileOf(d: Dataset | Record<string, unknown>, order?: string[]): string {
  const o = d as Record<string, unknown>;
  const keys = order ?? Object.keys(o);
  return write(JSON.stringify(Object.fromEntries(keys.map((k) => [k, o[k]])), null, 2));
}

function sameProblems(d: Dataset | Record<string, unknown>, order?: string[]): string[] {
  const whole = validateDataset(structuredClone(d), TODAY);
  const streamed = validateDatasetFile(fileOf(d, order), TODAY);
  expect(whole.ok).toBe(false);
  expect(streamed).not.toBeNull();
  expect(streamed!.ok).toBe(false);
  if (whole.ok || !streamed || streamed.ok) return [];
  expect(streamed.problems).toEqual(whole.problems);
  return streamed.problems.map((p) => p.path);
}

describe('a streamed file is refused with validateDataset’s problems, in its order', () => {
  it('shape problems before, in and after the visits; no rule problems then', () => {
    const d = sample() as unknown as Record<string, unknown> & Dataset;
    d.institution.prices.hourlyFeeFen = -5;
    d.visits[1]!.start = '2026-10-0209:00';
    (d.visits[3] as unknown as Record<string, unknown>)['extra'] = 1;
    delete (d.visits[4] as Partial<Dataset['visits'][number]>).confirmed;
    d.visits[5]!.checkIn = { lat: 1000, lng: 121.5 };
    (d as Record<string, unknown>)['carePlans'] = 'none';
    (d as Record<string, unknown>)['unknown'] = true;
    d.residents[0]!.idNumber = '330205210001010015'; // a rule problem (born after today): not listed with shape problems
    const paths = [
      'unknown',
      'institution.prices.hourlyFeeFen',
      'visits[1].start',
      'visits[3].extra',
      'visits[4].confirmed',
      'visits[5].checkIn.lat',
      'carePlans',
    ];
    expect(sameProblems(d)).toEqual(paths);
    expect(sameProblems(d, ['visits', 'unknown', 'format', 'version', 'institution', 'carePlans', 'residents', 'staff'])).toEqual(paths);
  });

  it('rule problems of the people, the visits’ refs, the visits and the rota, in that order', () => {
    const d = sample();
    d.residents[1]!.name = '张\u202E三';
    d.visits[2]!.ref = d.visits[0]!.ref;
    d.visits[3]!.resident = 'nobody';
    d.visits[4]!.start = '2026-12-15T09:00';
    d.visits[4]!.end = '2026-12-15T10:00';
    d.visits[5]!.items = ['XX99'];
    d.visits[1]!.end = '2026-02-30T10:00';
    const withRota = { ...d, rota: { shiftTypes: [], cells: [{ staff: 'ghost', date: '2026-10-01', shift: 'A' }], published: [] } };
    const paths = sameProblems(withRota);
    expect(paths).toEqual([
      'residents[1].name',
      'visits[2].ref',
      'visits[1].end',
      'visits[3].resident',
      'visits[4].start',
      'visits[5].items[0]',
      'version',
      'rota.cells[0].staff',
      'rota.cells[0].shift',
    ]);
    // the visits before the people: their rules are applied in a second pass, the list is the same
    expect(sameProblems(withRota, ['visits', 'format', 'version', 'institution', 'residents', 'staff', 'rota'])).toEqual(paths);
  });

  it('visits missing, or not a list', () => {
    const { visits: _visits, ...rest } = sample();
    expect(sameProblems(rest)).toEqual(['visits']);
    expect(sameProblems({ ...rest, visits: { a: 1 } })).toEqual(['visits']);
  });

  it('a valid file passes, with its visits counted and not kept', () => {
    const r = validateDatasetFile(fileOf(sample()), TODAY);
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(r.checked.visits).toBe(sample().visits.length);
    expect(r.checked.head.visits).toEqual([]);
  });
});

describe('importDatasetFile stores what importDataset stores, all or nothing', () => {
  it('the same records, the same summary', () => {
    const dir = tempDir();
    const a = track(openDatabase(path.join(dir, 'a.db')));
    const b = track(openDatabase(path.join(dir, 'b.db')));
    const whole = importDataset(a, sample(), { actor: 't' });
    const r = validateDatasetFile(fileOf(sample(), ['visits', 'format', 'version', 'institution', 'residents', 'staff']), TODAY);
    if (!r?.ok) throw new Error('expected the file to pass');
    expect(importDatasetFile(b, r.checked, { actor: 't' })).toEqual(whole);
    expect(exportDataset(b)).toEqual(exportDataset(a));
    // again: a merge, nothing added
    expect(importDatasetFile(b, r.checked, { actor: 't' }).visits).toEqual({ added: 0, skipped: sample().visits.length, conflicting: 0, conflictingRefs: [] });
  });

  it('a file changed after its check is refused, and nothing is stored', () => {
    const file = fileOf(sample());
    const r = validateDatasetFile(file, TODAY);
    if (!r?.ok) throw new Error('expected the file to pass');
    const d = sample();
    d.visits.pop();
    writeFileSync(file, JSON.stringify(d, null, 2));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const db = track(openDatabase(path.join(tempDir(), 'c.db')));
    expect(() => importDatasetFile(db, r.checked, { actor: 't' })).toThrow(/在检查之后被改动，未导入任何数据/);
    expect(db.raw.prepare('SELECT count(*) FROM residents').pluck().get()).toBe(0);
  });

  it('a visit the database refuses midway (a constraint) leaves nothing stored', () => {
    const db = track(openDatabase(path.join(tempDir(), 'd.db')));
    const r = validateDatasetFile(fileOf(sample()), TODAY);
    if (!r?.ok) throw new Error('expected the file to pass');
    db.raw.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON visit_items WHEN (SELECT count(*) FROM visit_items) >= 3 BEGIN SELECT RAISE(ABORT, 'disk went away'); END",
    );
    expect(() => importDatasetFile(db, r.checked, { actor: 't' })).toThrow(/disk went away/);
    for (const table of ['institution', 'residents', 'staff', 'visits', 'visit_items', 'audit_log']) {
      expect(db.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });
});

describe('importDatasetFileOnce: checked and stored in one pass, all or nothing', () => {
  const refuse = (problems: DatasetProblem[]): Error => Object.assign(new Error('refused'), { problems });
  const counts = (db: ReturnType<typeof openDatabase>) =>
    ['institution', 'residents', 'staff', 'visits', 'visit_items', 'audit_log'].map((t) => db.raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get());

  it('stores what importDataset stores, with the same summary', () => {
    const dir = tempDir();
    const a = track(openDatabase(path.join(dir, 'a.db')));
    const b = track(openDatabase(path.join(dir, 'b.db')));
    const whole = importDataset(a, sample(), { actor: 't' });
    expect(importDatasetFileOnce(b, fileOf(sample()), { actor: 't', today: TODAY, refuse })).toEqual(whole);
    expect(exportDataset(b)).toEqual(exportDataset(a));
  });

  it('a problem in the last visit: every problem listed as validateDataset lists it, nothing stored', () => {
    const d = sample();
    d.visits[0]!.resident = 'nobody';
    d.visits.at(-1)!.items = ['XX99'];
    const whole = validateDataset(structuredClone(d), TODAY);
    if (whole.ok) throw new Error('expected the dataset to be refused');
    const db = track(openDatabase(path.join(tempDir(), 'c.db')));
    let thrown: unknown;
    try {
      importDatasetFileOnce(db, fileOf(d), { actor: 't', today: TODAY, refuse });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as { problems: unknown }).problems).toEqual(whole.problems);
    expect(counts(db)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('another institution’s file is refused as importDataset refuses it, after the file’s own problems', () => {
    const db = track(openDatabase(path.join(tempDir(), 'd.db')));
    importDataset(db, sample(), { actor: 't' });
    const before = counts(db);
    const other = sample();
    other.institution.uscc = '91330200MA2H3X4Y5Z';
    other.institution.agencyCode = 'OTHER';
    other.visits.forEach((v) => (v.ref = `${v.ref}-x`));
    expect(() => importDatasetFileOnce(db, fileOf(other), { actor: 't', today: TODAY, refuse })).toThrow(/属于另一家机构/);
    other.visits[2]!.staff = 'nobody';
    expect(() => importDatasetFileOnce(db, fileOf(other), { actor: 't', today: TODAY, refuse })).toThrow('refused');
    expect(counts(db)).toEqual(before);
  });

  it('into an empty database the visits’ indexes are built after the visits: the same indexes, and as they were after a refusal', () => {
    const indexes = (db: ReturnType<typeof openDatabase>) =>
      db.raw.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE tbl_name IN ('visits', 'visit_items') ORDER BY name").all();
    const fresh = indexes(track(openDatabase(path.join(tempDir(), 'fresh.db'))));
    expect(fresh.map((i) => (i as { name: string }).name)).toContain('visits_by_start');
    const db = track(openDatabase(path.join(tempDir(), 'g.db')));
    const d = sample();
    d.visits.at(-1)!.staff = 'nobody';
    expect(() => importDatasetFileOnce(db, fileOf(d), { actor: 't', today: TODAY, refuse })).toThrow('refused');
    expect(indexes(db)).toEqual(fresh);
    // the page cache, smaller while the visits were appended, is the connection's again
    expect(db.raw.pragma('cache_size', { simple: true })).toBe(-65536);
    importDatasetFileOnce(db, fileOf(sample()), { actor: 't', today: TODAY, refuse });
    expect(indexes(db)).toEqual(fresh);
    expect(db.raw.pragma('cache_size', { simple: true })).toBe(-65536);
    expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // the month's visits are read through visits_by_start, as before
    const plan = db.raw.prepare("EXPLAIN QUERY PLAN SELECT id FROM visits WHERE start_at >= '2026-10-01' AND start_at < '2026-11-01'").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join()).toContain('visits_by_start');
  });

  it('the visits before the people: null, nothing written (the two-pass route does it)', () => {
    const db = track(openDatabase(path.join(tempDir(), 'e.db')));
    const file = fileOf(sample(), ['visits', 'format', 'version', 'institution', 'residents', 'staff']);
    expect(importDatasetFileOnce(db, file, { actor: 't', today: TODAY, refuse })).toBeNull();
    expect(counts(db)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
