/** Personal data: ID numbers weighed as typed, duplicates refused, deletes guarded; every write audited. */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/services/audit/auditLog';
import { ACTOR, api, count, emptyDb, idOf, refusal, sampleDb } from './support';

describe('residents.save', () => {
  it('creates a resident with a generated ref; birth date and sex come from the ID number', async () => {
    const db = emptyDb();
    const saved = await api(db)('residents.save', {
      name: ' 周桂兰 ',
      idNumber: '11010519491231002x',
      insuranceType: 'resident',
      phone: '13800000000',
      address: '宁波市江北区',
    });
    expect(saved).toMatchObject({
      name: '周桂兰',
      idNumber: '11010519491231002X',
      idWarning: null,
      birthDate: '1949-12-31',
      sex: 'female',
      status: 'none',
      level: null,
    });
    expect(saved.ref).toBe('R00001');
    const [audit] = listAudit(db, { entity: 'resident', entityId: saved.id });
    expect(audit).toMatchObject({
      actor: ACTOR,
      action: 'create',
      before: null,
      // masked in the log as on the screens (issue 16 §3); the record itself keeps them whole
      after: { name: '周桂兰', idNumber: '110105********002X', phone: '138****0000' },
    });
  });

  it('keeps a number whose check character fails, with a warning, because the claim reports it', async () => {
    const db = emptyDb();
    const saved = await api(db)('residents.save', { name: '错号', idNumber: '110105194912310021' });
    expect(saved.idWarning).toContain('校验码不符（最后一位应为X）');
    expect(count(db, 'SELECT count(*) FROM residents')).toBe(1);
  });

  it('refuses a number that cannot be anybody’s, and a number already registered; saves nothing', async () => {
    const db = sampleDb();
    const call = api(db);
    const audits = count(db, 'SELECT count(*) FROM audit_log');
    const short = await refusal(call('residents.save', { name: '短号', idNumber: '11010519491231' }));
    expect(short.message).toContain('身份证号应为18位，现为14位');
    expect(short.problems).toEqual([{ path: 'idNumber', message: '身份证号应为18位，现为14位' }]);
    const twin = await refusal(call('residents.save', { name: '王秀英', idNumber: '330205193804120028' }));
    expect(twin.code).toBe('CONFLICT');
    expect(twin.message).toContain('王秀英（编号 r1）');
    expect(count(db, 'SELECT count(*) FROM residents')).toBe(4);
    expect(count(db, 'SELECT count(*) FROM audit_log')).toBe(audits);
  });

  it('updates personal data with before and after in the audit log', async () => {
    const db = sampleDb();
    const id = idOf(db, 'r2');
    const saved = await api(db)('residents.save', { id, name: '李建国', idNumber: '330205194501010037', insuranceType: 'employee', phone: '0574-88888888' });
    expect(saved.phone).toBe('0574-88888888');
    expect(saved.ref).toBe('r2');
    const [audit] = listAudit(db, { entity: 'resident', entityId: id });
    expect(audit).toMatchObject({ action: 'update', before: { phone: null }, after: { phone: '057******8888' } });
  });
});

describe('residents.delete', () => {
  it('refuses someone with visits and suggests discharge instead', async () => {
    const db = sampleDb();
    const id = idOf(db, 'r3');
    const detail = await api(db)('residents.get', { id });
    expect(detail.deleteBlocker).toContain('上门服务记录');
    const e = await refusal(api(db)('residents.delete', { id }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('请登记“出院”');
    expect(count(db, `SELECT count(*) FROM residents WHERE id = ${id}`)).toBe(1);
  });

  it('refuses someone paid by a submitted claim', async () => {
    const db = sampleDb();
    db.raw
      .prepare(
        `INSERT INTO claims (month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, submitted_at, submitted_by)
         VALUES ('2026-10', 'regular', 0, 'submitted', 'ningbo-2022', '1', 't', ?, 't', 'test')`,
      )
      .run(JSON.stringify({ lines: [{ resident: 'r4', mode: 'institutional' }], issues: [] }));
    const e = await refusal(api(db)('residents.delete', { id: idOf(db, 'r4') }));
    expect(e.message).toContain('已列入 2026-10 的已申报结算');
  });

  it('deletes a person with their assessments and events; the audit row keeps them all', async () => {
    const db = sampleDb();
    const id = idOf(db, 'r4');
    expect(await api(db)('residents.delete', { id })).toEqual({ id });
    expect(count(db, `SELECT count(*) FROM stay_events WHERE resident_id = ${id}`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM assessments WHERE resident_id = ${id}`)).toBe(0);
    const [audit] = listAudit(db, { entity: 'resident', entityId: id });
    expect(audit).toMatchObject({
      action: 'delete',
      after: null,
      before: {
        name: '赵德胜',
        assessments: [{ level: 2, concludedOn: '2026-04-30' }],
        events: [{ type: 'admit', date: '2026-05-06', mode: 'institutional', bed: '3-301-2' }],
      },
    });
  });
});
