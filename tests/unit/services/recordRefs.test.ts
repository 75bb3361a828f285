/**
 * 编号: one style per kind (shared/domain/refs.ts) from every path that creates records — the forms,
 * the roster import, the visit import, the demo — while a dataset file keeps its own refs and stored
 * refs are never rewritten. Numbers only go up, so a deleted record's number is never given again.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../../electron/services/demo/generateDemo';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { allocateRefs } from '../../../electron/services/db/recordRefs';
import { formatRef } from '../../../shared/domain/refs';
import { idNumber } from '../../support/builders';
import { api as residentsApi } from '../residents/support';
import { filledTemplate, upload as rosterUpload } from '../roster/support';
import { api as staffApi, freshDb } from '../staff/support';
import { visits } from '../visits/support';
import { sample } from './helpers';

const refsOf = (db: ReturnType<typeof freshDb>, table: string): string[] => db.raw.prepare(`SELECT ref FROM ${table} ORDER BY id`).pluck().all() as string[];
const idOf = (db: ReturnType<typeof freshDb>, table: string, ref: string) => db.raw.prepare(`SELECT id FROM ${table} WHERE ref = ?`).pluck().get(ref) as number;

describe('record numbers (编号)', () => {
  it('are written R00042, S0003, V0001912', () => {
    expect([formatRef('resident', 42), formatRef('staff', 3), formatRef('visit', 1912), formatRef('resident', 123456)]).toEqual([
      'R00042',
      'S0003',
      'V0001912',
      'R123456',
    ]);
  });

  it('from the forms: the next number after the stored records; the sample file keeps its own refs', async () => {
    const db = freshDb();
    importDataset(db, sample(), { actor: 't' });
    const r = await residentsApi(db)('residents.save', { name: '周桂英', idNumber: idNumber('1940-03-02', 5) });
    const s = await staffApi(db).call('staff.save', { name: '孙丽', idNumber: idNumber('1988-05-06', 7) });
    const v = await visits(db)('visits.save', {
      residentId: idOf(db, 'residents', 'r3'),
      staffId: idOf(db, 'staff', 's1'),
      start: '2026-09-20T09:00',
      end: '2026-09-20T10:00',
      items: ['LC01'],
      confirmed: true,
    });
    expect([r.ref, s.ref, v.ref]).toEqual(['R00005', 'S0003', 'V0000007']);
    expect(refsOf(db, 'residents')).toEqual(['r1', 'r2', 'r3', 'r4', 'R00005']);
    expect(refsOf(db, 'staff')).toEqual(['s1', 's2', 'S0003']);
    expect(refsOf(db, 'visits')).toEqual(['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'V0000007']);
  });

  it('from the roster import and the visit import, in the same style', async () => {
    const db = freshDb();
    importDataset(db, sample(), { actor: 't' });
    const roster = await filledTemplate(db, {
      服务对象: [
        { 姓名: '吴美华', 身份证号: idNumber('1939-07-08', 9) },
        { 姓名: '钱玉珍', 身份证号: idNumber('1941-01-02', 3) },
      ],
      员工: [{ 姓名: '郑强', 身份证号: idNumber('1991-02-03', 1), 岗位: '护理员' }],
    });
    await staffApi(db).call('roster.commit', { file: rosterUpload(roster) });
    expect(refsOf(db, 'residents').slice(4)).toEqual(['R00005', 'R00006']);
    expect(refsOf(db, 'staff').slice(2)).toEqual(['S0003']);

    const csv = [
      '服务对象姓名,护理人员姓名,开始时间,结束时间,服务项目编码,签字确认',
      '陈淑芬,施银萍,2026-09-21 09:00,2026-09-21 10:00,LC01,是',
      '陈淑芬,施银萍,2026-09-22 09:00,2026-09-22 10:00,LC01,是',
    ].join('\r\n');
    await visits(db)('visits.importCommit', { file: { name: 'app.csv', base64: Buffer.from(csv).toString('base64') } });
    expect(refsOf(db, 'visits').slice(6)).toEqual(['V0000007', 'V0000008']);
  });

  it('from the demo, which is imported with its refs kept', () => {
    const demo = generateDemoDataset({ seed: 7, institutionalResidents: 3, homeClients: 3, months: 1, endMonth: '2026-10' });
    expect(demo.residents.map((r) => r.ref)).toEqual(['R00001', 'R00002', 'R00003', 'R00004', 'R00005', 'R00006']);
    expect(demo.staff.every((s, i) => s.ref === formatRef('staff', i + 1))).toBe(true);
    expect(demo.visits.every((v, i) => v.ref === formatRef('visit', i + 1))).toBe(true);
  });

  it('never gives a deleted record’s number again, and skips a number a file already used', async () => {
    const db = freshDb();
    const call = residentsApi(db);
    const a = await call('residents.save', { name: '甲', idNumber: idNumber('1940-01-01', 1) });
    const b = await call('residents.save', { name: '乙', idNumber: idNumber('1940-01-02', 1) });
    await call('residents.delete', { id: b.id });
    const c = await call('residents.save', { name: '丙', idNumber: idNumber('1940-01-03', 1) });
    expect([a.ref, b.ref, c.ref]).toEqual(['R00001', 'R00002', 'R00003']);

    const file = sample();
    file.residents = file.residents.slice(0, 2).map((r, i) => ({ ...r, ref: i === 0 ? 'legacy-1' : 'R00005' }));
    file.visits = [];
    importDataset(db, file, { actor: 't' });
    expect(refsOf(db, 'residents')).toEqual(['R00001', 'R00003', 'legacy-1', 'R00005']);
    expect(db.transaction(() => allocateRefs(db.raw, 'resident', 2))).toEqual(['R00006', 'R00007']);
  });
});
