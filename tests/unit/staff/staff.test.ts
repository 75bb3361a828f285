/** 员工与证书: one staff member and their certificates, through the dispatcher, on real SQLite. */
import { describe, expect, it } from 'vitest';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { sample } from '../services/helpers';
import { ACTOR, api, auditRows, freshDb, idNumber } from './support';

const GOOD_ID = '11010519491231002X'; // docs/rules.md §9's valid example
const BAD_CHECK = '110105194912310021'; // the same number with a wrong check character

describe('a staff member', () => {
  it('is created with a key of its own, audited, and listed with the ID number masked', async () => {
    const db = freshDb();
    const { call } = api(db);
    const saved = await call('staff.save', { name: '陈淑霞', idNumber: GOOD_ID, role: 'nurse', employedFrom: '2024-03-01' });
    expect(saved).toMatchObject({
      name: '陈淑霞',
      idNumber: GOOD_ID,
      idWarning: null,
      role: 'nurse',
      employedFrom: '2024-03-01',
      employedTo: null,
      certStatus: 'none',
      visitCount: 0,
    });
    expect(saved.ref).toBe('S0001');

    const list = await call('staff.list', {});
    expect(list.rows.map((r) => [r.name, r.idNumberMasked])).toEqual([['陈淑霞', '110105********002X']]);
    // The list never carries the whole number.
    expect(JSON.stringify(list)).not.toContain(GOOD_ID);

    const audit = auditRows(db, 'staff');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity_id: String(saved.id), before_json: null, actor: ACTOR });
    // the log keeps the number masked, as the list shows it (issue 16 §3)
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ name: '陈淑霞', idNumber: '110105********002X', role: 'nurse' });
    expect(audit[0]!.after_json).not.toContain(GOOD_ID);
  });

  it('with a failing check character is saved and carries the warning; a number of the wrong length is refused', async () => {
    const db = freshDb();
    const { call, raw } = api(db);
    const saved = await call('staff.save', { name: '王敏', idNumber: BAD_CHECK });
    expect(saved.idWarning).toBe('身份证号校验码不符（最后一位应为X），请核对号码是否录错');
    expect((await call('staff.list', {})).rows[0]!.idWarning).toContain('校验码不符');

    const short = await raw('staff.save', { name: '李娟', idNumber: '11010519491231002' });
    expect(short).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: '身份证号应为18位，现为17位', problems: [{ path: 'idNumber' }] } });
    // A lower-case x is the standard's upper-case X once saved.
    expect((await call('staff.save', { name: '赵红', idNumber: GOOD_ID.toLowerCase() })).idNumber).toBe(GOOD_ID);
    expect((await call('staff.list', {})).total).toBe(2);
  });

  it('is one record per ID number: a second person with the same number is refused, naming the first', async () => {
    const db = freshDb();
    const { call, raw } = api(db);
    const first = await call('staff.save', { name: '陈淑霞', idNumber: GOOD_ID });
    const r = await raw('staff.save', { name: '陈淑华', idNumber: GOOD_ID });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!r.ok) expect(r.error.message).toContain(`已登记的员工“陈淑霞”（${first.ref}）`);
    // Saving the same person again is not a duplicate of itself.
    expect((await call('staff.save', { id: first.id, name: '陈淑霞', idNumber: GOOD_ID, role: 'head-nurse' })).role).toBe('head-nurse');
  });

  it('refuses a 离职日期 before the 入职日期 and an impossible date, storing nothing', async () => {
    const db = freshDb();
    const { raw } = api(db);
    const r = await raw('staff.save', { name: '陈淑霞', idNumber: GOOD_ID, employedFrom: '2024-03-01', employedTo: '2024-02-28' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', problems: [{ path: 'employedTo', message: '离职日期不能早于入职日期' }] } });
    const r2 = await raw('staff.save', { name: '陈淑霞', idNumber: GOOD_ID, employedFrom: '2026-02-30' });
    expect(r2).toMatchObject({ ok: false, error: { problems: [{ path: 'employedFrom', message: '日期不存在，请核对年月日' }] } });
    expect(db.raw.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(0);
    expect(auditRows(db, 'staff')).toEqual([]);
  });

  it('is updated with before and after in the audit trail', async () => {
    const db = freshDb();
    const { call } = api(db);
    const s = await call('staff.save', { name: '陈淑霞', idNumber: GOOD_ID, role: 'caregiver' });
    await call('staff.save', { id: s.id, name: '陈淑霞', idNumber: GOOD_ID, role: 'caregiver', employedTo: '2026-09-30' });
    const update = auditRows(db, 'staff')[1]!;
    expect(update.action).toBe('update');
    expect(JSON.parse(update.before_json!)).toMatchObject({ employedTo: null });
    expect(JSON.parse(update.after_json!)).toMatchObject({ employedTo: '2026-09-30' });
  });

  it('with visits cannot be deleted (set 离职 instead); without visits it is deleted with its certificates, audited', async () => {
    const db = freshDb();
    importDataset(db, sample(), { actor: 'seed' });
    const { call, raw } = api(db);
    const withVisits = db.raw.prepare('SELECT staff_id, count(*) AS n FROM visits GROUP BY staff_id ORDER BY staff_id LIMIT 1').get() as {
      staff_id: number;
      n: number;
    };
    const name = db.raw.prepare('SELECT name FROM staff WHERE id = ?').pluck().get(withVisits.staff_id) as string;
    const refused = await raw('staff.delete', { id: withVisits.staff_id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: `${name}有 ${withVisits.n} 条上门服务记录，不能删除（服务记录须保留护理人员）。如已离职，请填写离职日期。` },
    });
    expect((await call('staff.get', { id: withVisits.staff_id })).visitCount).toBe(withVisits.n);

    const s = await call('staff.save', { name: '临时工', idNumber: idNumber('1995-01-01', 7) });
    await call('staff.saveCertificate', { staffId: s.id, type: 'elderly-caregiver', number: 'YL-1', issuedOn: '2025-01-01' });
    expect(await call('staff.delete', { id: s.id })).toEqual({ id: s.id });
    expect(db.raw.prepare('SELECT count(*) FROM certificates WHERE staff_id = ?').pluck().get(s.id)).toBe(0);
    const del = auditRows(db, 'staff').find((a) => a.action === 'delete')!;
    expect(JSON.parse(del.before_json!)).toMatchObject({ name: '临时工', certificates: [{ type: 'elderly-caregiver', number: 'YL-1' }] });
    expect(await raw('staff.get', { id: s.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('certificates', () => {
  it('a nurse licence typed without expiry runs five years (issued 2022-07-01 → 2027-06-30)', async () => {
    const db = freshDb();
    const { call } = api(db);
    const s = await call('staff.save', { name: '陈淑霞', idNumber: GOOD_ID, role: 'nurse' });
    const d = await call('staff.saveCertificate', { staffId: s.id, type: 'nurse-licence', number: '202233012345', issuedOn: '2022-07-01' });
    expect(d.certificates).toMatchObject([{ type: 'nurse-licence', number: '202233012345', issuedOn: '2022-07-01', expiresOn: '2027-06-30' }]);
    // A caregiver certificate usually has no expiry and keeps none.
    const d2 = await call('staff.saveCertificate', { staffId: s.id, type: 'ltc-caregiver', number: 'CZ2025-000223', level: '初级', issuedOn: '2025-04-19' });
    expect(d2.certificates.find((c) => c.type === 'ltc-caregiver')).toMatchObject({ expiresOn: null, daysLeft: null, band: null, level: '初级' });
  });

  it('an expiry before the issue date is refused in Chinese, and nothing is stored', async () => {
    const db = freshDb();
    const { call, raw } = api(db);
    const s = await call('staff.save', { name: '陈淑霞', idNumber: GOOD_ID });
    const r = await raw('staff.saveCertificate', { staffId: s.id, type: 'nurse-licence', number: 'N1', issuedOn: '2024-05-01', expiresOn: '2024-04-30' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', problems: [{ path: 'expiresOn', message: '有效期至不能早于发证日期' }] } });
    expect(db.raw.prepare('SELECT count(*) FROM certificates').pluck().get()).toBe(0);
    expect(auditRows(db, 'certificate')).toEqual([]);
  });

  it('shows the 60/30/7-day band and the days left on the date asked about', async () => {
    const db = freshDb();
    const { call } = api(db);
    const s = await call('staff.save', { name: '陈淑霞', idNumber: GOOD_ID });
    for (const [number, expiresOn] of [
      ['A', '2026-11-15'],
      ['B', '2026-10-21'],
      ['C', '2026-10-06'],
      ['D', '2026-09-30'],
      ['E', '2027-06-30'],
    ] as const) {
      await call('staff.saveCertificate', { staffId: s.id, type: 'nurse-licence', number, issuedOn: '2022-07-01', expiresOn });
    }
    const d = await call('staff.get', { id: s.id, date: '2026-10-01' });
    expect(d.certificates.map((c) => [c.number, c.daysLeft, c.band, c.validOnDate])).toEqual([
      ['A', 45, 60, true],
      ['B', 20, 30, true],
      ['C', 5, 7, true],
      ['D', -1, 'expired', false],
      ['E', 272, null, true],
    ]);
    // The licence that runs longest decides the person's standing: still valid well beyond 60 days.
    expect(d.certStatus).toBe('valid');
  });

  it('is changed and deleted with before and after in the audit trail', async () => {
    const db = freshDb();
    const { call, raw } = api(db);
    const s = await call('staff.save', { name: '陈淑霞', idNumber: GOOD_ID });
    const id = (await call('staff.saveCertificate', { staffId: s.id, type: 'elderly-caregiver', number: 'YL-1', level: '四级/中级工', issuedOn: '2023-01-01' }))
      .certificates[0]!.id;
    await call('staff.saveCertificate', { id, staffId: s.id, type: 'elderly-caregiver', number: 'YL-2', level: '三级/高级工', issuedOn: '2023-01-01' });
    const after = await call('staff.deleteCertificate', { id });
    expect(after.certificates).toEqual([]);
    const trail = auditRows(db, 'certificate');
    expect(trail.map((t) => t.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse(trail[1]!.before_json!)).toMatchObject({ number: 'YL-1' });
    expect(JSON.parse(trail[1]!.after_json!)).toMatchObject({ number: 'YL-2', level: '三级/高级工' });
    expect(JSON.parse(trail[2]!.before_json!)).toMatchObject({ number: 'YL-2' });
    expect(await raw('staff.deleteCertificate', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
