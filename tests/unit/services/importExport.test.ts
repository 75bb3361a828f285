import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/services/audit/auditLog';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { DatasetError } from '../../../electron/services/dataset/errors';
import { exportDataset } from '../../../electron/services/dataset/exportDataset';
import { importDataset, type ImportSummary } from '../../../electron/services/dataset/importDataset';
import { InputError } from '../../../electron/services/errors';
import type { Dataset } from '../../../shared/domain/model';
import { sample, tempDir, track } from './helpers';

const TABLES = ['institution', 'residents', 'assessments', 'stay_events', 'staff', 'certificates', 'visits', 'visit_items', 'audit_log'] as const;

function fresh(): LtcDatabase {
  return track(openDatabase(path.join(tempDir(), 'ltc.db')));
}

function counts(db: LtcDatabase): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, db.raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

function refusal(fn: () => unknown): DatasetError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    expect(e).toBeInstanceOf(InputError); // the CLI and IPC show it as fixable input
    return e as DatasetError;
  }
  throw new Error('expected the import to be refused');
}

// Counted from tests/fixtures/sample-ningbo.json by hand: 4 residents with 4 assessments and
// 4 + 1 + 1 + 1 events, 2 staff with one certificate each, 6 visits with 2+1+2+1+1+1 items.
const SAMPLE_ROWS = { institution: 1, residents: 4, assessments: 4, stay_events: 7, staff: 2, certificates: 2, visits: 6, visit_items: 8 };

describe('importDataset', () => {
  it('imports the sample into an empty database and audits it once', () => {
    const db = fresh();
    const summary = importDataset(db, sample(), { actor: '结算专员' });
    expect(summary).toEqual<ImportSummary>({
      institution: 'created',
      residents: { added: 4, skipped: 0 },
      assessments: { added: 4, skipped: 0 },
      events: { added: 7, skipped: 0 },
      staff: { added: 2, skipped: 0 },
      certificates: { added: 2, skipped: 0 },
      visits: { added: 6, skipped: 0, conflicting: 0, conflictingRefs: [] },
    });
    expect(counts(db)).toEqual({ ...SAMPLE_ROWS, audit_log: 1 });
    const [audit] = listAudit(db);
    expect(audit).toMatchObject({ actor: '结算专员', action: 'import', entity: 'dataset', after: { summary } });
    expect(db.raw.prepare("SELECT minutes FROM visits WHERE ref = 'v2'").pluck().get()).toBe(90);
  });

  it('round trip: import then export gives the sample back exactly', () => {
    const db = fresh();
    importDataset(db, sample(), { actor: 't' });
    expect(exportDataset(db)).toStrictEqual(sample());
  });

  it('importing the same file twice adds nothing the second time', () => {
    const db = fresh();
    importDataset(db, sample(), { actor: 't' });
    const second = importDataset(db, sample(), { actor: 't' });
    expect(second).toEqual<ImportSummary>({
      institution: 'unchanged',
      residents: { added: 0, skipped: 4 },
      assessments: { added: 0, skipped: 4 },
      events: { added: 0, skipped: 7 },
      staff: { added: 0, skipped: 2 },
      certificates: { added: 0, skipped: 2 },
      visits: { added: 0, skipped: 6, conflicting: 0, conflictingRefs: [] },
    });
    expect(counts(db)).toEqual({ ...SAMPLE_ROWS, audit_log: 2 });
    expect(exportDataset(db)).toStrictEqual(sample());
  });

  it('a corrected visit under a ref already stored is not applied, and is named in the summary', () => {
    const db = fresh();
    importDataset(db, sample(), { actor: 't' });
    const corrected = sample();
    const v = corrected.visits.find((x) => x.ref === 'v2')!;
    v.end = v.end.replace(/T(\d\d)/, (_m, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`);
    const second = importDataset(db, corrected, { actor: 't' });
    expect(second.visits).toEqual({ added: 0, skipped: 6, conflicting: 1, conflictingRefs: ['v2'] });
    expect(db.raw.prepare("SELECT minutes FROM visits WHERE ref = 'v2'").pluck().get()).toBe(90);
  });

  it('an error in the middle of the import leaves the database unchanged', () => {
    const db = fresh();
    // A real SQLite failure after residents, staff and three visits are written.
    db.raw.exec(`CREATE TEMP TRIGGER fail_on_v4 BEFORE INSERT ON main.visits WHEN NEW.ref = 'v4'
                 BEGIN SELECT RAISE(ABORT, 'disk went away'); END`);
    expect(() => importDataset(db, sample(), { actor: 't' })).toThrow(/disk went away/);
    expect(counts(db)).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
  });

  it('refuses a dataset the validator refuses, writing nothing', () => {
    const db = fresh();
    const bad = sample();
    bad.visits[0]!.end = '2026-10-02T08:00';
    const e = refusal(() => importDataset(db, bad, { actor: 't' }));
    expect(e.reason).toBe('IMPORT_INVALID');
    expect(e.problems).toEqual([{ path: 'visits[0].end', message: expect.stringMatching(/结束时间早于开始时间/) }]);
    expect(counts(db).residents).toBe(0);
  });

  it('refuses a file of another institution (different USCC and agency code)', () => {
    const db = fresh();
    importDataset(db, sample(), { actor: 't' });
    const other = sample();
    other.institution = { ...other.institution, name: '另一家护理院', uscc: '91350100M000100Y43', agencyCode: 'H33020500099' };
    other.visits[0]!.ref = 'new-visit';
    const e = refusal(() => importDataset(db, other, { actor: 't' }));
    expect(e.reason).toBe('IMPORT_OTHER_INSTITUTION');
    expect(e.message).toMatch(/另一家机构.*已拒绝导入/);
    expect(counts(db)).toEqual({ ...SAMPLE_ROWS, audit_log: 1 });
  });

  it('updates the institution’s settings when one of its codes matches', () => {
    const db = fresh();
    importDataset(db, sample(), { actor: 't' });
    const changed = sample();
    changed.institution.agencyCode = 'H33020500010'; // re-issued; the USCC still matches
    changed.institution.prices = { dailyFeeFen: { '4': 9500 }, hourlyFeeFen: 6500 };
    delete changed.institution.beds;
    expect(importDataset(db, changed, { actor: 't' }).institution).toBe('updated');
    expect(exportDataset(db).institution).toStrictEqual(changed.institution);
  });

  it('matches people by ID number and merges their new records', () => {
    const db = fresh();
    importDataset(db, sample(), { actor: 't' });
    const next: Dataset = {
      ...sample(),
      residents: [
        {
          ref: 'client-0042', // the same person as r3, under another file's key
          name: '陈淑芬',
          idNumber: '33020519410923006X',
          assessments: [
            { level: 3, concludedOn: '2026-04-30' }, // already stored
            { level: 4, concludedOn: '2026-10-20', number: 'NB2026-1200' },
          ],
          events: [{ type: 'admit', date: '2026-05-06', mode: 'home' }],
        },
        // a new person whose file key is already used by someone else
        { ref: 'r1', name: '周桂兰', idNumber: '330205194203150041', assessments: [], events: [] },
      ],
      staff: [{ ...sample().staff[0]!, ref: 'cg-1' }],
      visits: [
        { ref: 'v1', resident: 'client-0042', staff: 'cg-1', start: '2026-10-02T09:00', end: '2026-10-02T10:00', items: ['LC01'], confirmed: true },
        { ref: 'v100', resident: 'client-0042', staff: 'cg-1', start: '2026-11-03T09:00', end: '2026-11-03T10:00', items: ['LC05'], confirmed: true },
        { ref: 'v101', resident: 'r1', staff: 'cg-1', start: '2026-11-04T09:00', end: '2026-11-04T10:00', items: [], confirmed: false },
      ],
    };
    const summary = importDataset(db, next, { actor: 't' });
    expect(summary.residents).toEqual({ added: 1, skipped: 1 });
    expect(summary.assessments).toEqual({ added: 1, skipped: 1 });
    expect(summary.events).toEqual({ added: 0, skipped: 1 });
    expect(summary.staff).toEqual({ added: 0, skipped: 1 });
    expect(summary.certificates).toEqual({ added: 0, skipped: 1 });
    // v1 is on file with items LC01 and LC08; this file says LC01 only: kept as stored, and named
    expect(summary.visits).toEqual({ added: 2, skipped: 1, conflicting: 1, conflictingRefs: ['v1'] });

    const out = exportDataset(db);
    const r3 = out.residents.find((r) => r.ref === 'r3')!;
    expect(r3.assessments).toEqual([
      { level: 3, concludedOn: '2026-04-30' },
      { level: 4, concludedOn: '2026-10-20', number: 'NB2026-1200' },
    ]);
    expect(out.residents.map((r) => r.ref)).toEqual(['r1', 'r2', 'r3', 'r4', 'r1-2']);
    expect(out.visits.slice(6).map((v) => [v.ref, v.resident, v.staff])).toEqual([
      ['v100', 'r3', 's1'],
      ['v101', 'r1-2', 's1'],
    ]);
  });

  it('never merges two people who both lack an ID number', () => {
    const db = fresh();
    const first = sample();
    first.residents[3]!.idNumber = '';
    importDataset(db, first, { actor: 't' });
    expect(importDataset(db, first, { actor: 't' }).residents).toEqual({ added: 0, skipped: 4 }); // same ref and name: the same record

    const second = sample();
    second.residents = [{ ref: 'x9', name: '钱多多', idNumber: '', assessments: [], events: [] }];
    second.staff = [];
    second.visits = [];
    expect(importDataset(db, second, { actor: 't' }).residents).toEqual({ added: 1, skipped: 0 });
    expect(exportDataset(db).residents.map((r) => [r.ref, r.idNumber])).toEqual([
      ['r1', '330205193804120028'],
      ['r2', '330205194501010037'],
      ['r3', '33020519410923006X'],
      ['r4', ''],
      ['x9', ''],
    ]);
  });

  it('refuses events that contradict the stored timeline, and rolls everything back', () => {
    const db = fresh();
    importDataset(db, sample(), { actor: 't' });
    const next = sample();
    next.residents[1]!.events = [{ type: 'admit', date: '2026-11-01', mode: 'home' }]; // r2 has not been discharged
    next.visits.push({ ref: 'v200', resident: 'r3', staff: 's1', start: '2026-11-05T09:00', end: '2026-11-05T10:00', items: [], confirmed: true });
    const e = refusal(() => importDataset(db, next, { actor: 't' }));
    expect(e.reason).toBe('IMPORT_TIMELINE');
    expect(e.message).toMatch(/李建国.*尚未出院/);
    expect(counts(db)).toEqual({ ...SAMPLE_ROWS, audit_log: 1 });
  });
});

describe('exportDataset', () => {
  it('omits optional fields that are not set and audits when given an actor', () => {
    const db = fresh();
    const d = sample();
    d.institution.prices = {};
    delete d.institution.beds;
    importDataset(db, d, { actor: 't' });
    const out = exportDataset(db, { actor: '院长' });
    expect(out.institution).toStrictEqual({
      name: d.institution.name,
      uscc: d.institution.uscc,
      agencyCode: d.institution.agencyCode,
      region: '330205',
      policy: 'ningbo-2022',
      prices: {},
    });
    expect(Object.keys(out.residents[2]!)).toEqual(['ref', 'name', 'idNumber', 'assessments', 'events']);
    expect(Object.keys(out.visits[1]!)).toEqual(['ref', 'resident', 'staff', 'start', 'end', 'items', 'confirmed']);
    expect(listAudit(db).map((a) => [a.actor, a.action])).toEqual([
      ['t', 'import'],
      ['院长', 'export'],
    ]);
  });

  it('refuses an empty database with a Chinese message', () => {
    expect(() => exportDataset(fresh())).toThrow(/还没有机构信息/);
  });
});
