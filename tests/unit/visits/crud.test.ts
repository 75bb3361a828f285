/** Saving and deleting visits: every write in one transaction with its audit row; bad input saves nothing. */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/services/audit/auditLog';
import { InputError, ServiceError } from '../../../electron/services/errors';
import { ACTOR, idOf, sampleDb, visits } from './support';

const count = (db: ReturnType<typeof sampleDb>, sql: string): number => db.raw.prepare(sql).pluck().get() as number;

describe('visits.save and visits.delete', () => {
  it('creates a visit with a V ref, judged, and audits it with its after', async () => {
    const db = sampleDb();
    const call = visits(db);
    const saved = await call('visits.save', {
      residentId: idOf(db, 'residents', 'r3'),
      staffId: idOf(db, 'staff', 's1'),
      start: '2026-10-20T09:00',
      end: '2026-10-20T09:20',
      items: ['LC01', 'LC08', 'LC01'],
      confirmed: true,
      checkIn: { lat: 29.8891, lng: 121.5602 },
      note: '家属在场',
    });
    expect(saved.ref).toBe('V0000007');
    expect(saved.minutes).toBe(20);
    expect(saved.items.map((i) => i.code)).toEqual(['LC01', 'LC08']);
    expect(saved.items[0]?.name).toBe('头面部清洁、梳理');
    expect(saved.residentIdMasked).toBe('330205********006X');
    // Saved although the claim will not pay it: records are kept, the claim says why.
    expect(saved.verdict?.issues.map((i) => i.code)).toEqual(['VISIT_TOO_SHORT']);
    expect(saved.checkIn).toEqual({ lat: 29.8891, lng: 121.5602 });

    const [audit] = listAudit(db, { entity: 'visit', entityId: saved.id });
    expect(audit).toMatchObject({
      actor: ACTOR,
      action: 'create',
      before: null,
      after: {
        ref: saved.ref,
        resident: '陈淑芬',
        staff: '施银萍',
        start: '2026-10-20T09:00',
        minutes: 20,
        items: ['LC01', 'LC08'],
        confirmed: true,
        note: '家属在场',
      },
    });
  });

  it('updates a visit and audits before and after', async () => {
    const db = sampleDb();
    const call = visits(db);
    const id = idOf(db, 'visits', 'v6');
    const v = await call('visits.get', { id });
    expect(v.verdict?.issues.map((i) => i.code)).toEqual(['VISIT_UNCONFIRMED']);
    const saved = await call('visits.save', { id, residentId: v.residentId, staffId: v.staffId, start: v.start, end: v.end, items: ['LC05'], confirmed: true });
    expect(saved.ref).toBe('v6');
    expect(saved.verdict).toEqual({ valid: true, issues: [] });
    const [audit] = listAudit(db, { entity: 'visit', entityId: id });
    expect(audit).toMatchObject({ action: 'update', before: { ref: 'v6', confirmed: false }, after: { ref: 'v6', confirmed: true } });
  });

  it('refuses end before start, an unknown item or person, and saves nothing', async () => {
    const db = sampleDb();
    const call = visits(db);
    const visitsBefore = count(db, 'SELECT count(*) FROM visits');
    const auditBefore = count(db, 'SELECT count(*) FROM audit_log');
    const base = { residentId: idOf(db, 'residents', 'r3'), staffId: idOf(db, 'staff', 's1'), items: ['LC01'], confirmed: true };

    const backwards = await call('visits.save', { ...base, start: '2026-10-20T10:00', end: '2026-10-20T09:00' }).catch((e: unknown) => e);
    expect(backwards).toBeInstanceOf(InputError);
    expect((backwards as InputError).problems).toEqual([{ path: 'end', message: expect.stringContaining('结束时间早于开始时间') }]);

    const unknown = await call('visits.save', { ...base, items: ['ZZ99'], start: '2026-10-20T09:00', end: '2026-10-20T10:00' }).catch((e: unknown) => e);
    expect((unknown as InputError).problems[0]).toMatchObject({ path: 'items', message: expect.stringContaining('ZZ99') });

    const impossible = await call('visits.save', { ...base, start: '2026-02-30T09:00', end: '2026-02-30T10:00' }).catch((e: unknown) => e);
    expect((impossible as InputError).problems.map((p) => p.path)).toEqual(['start', 'end']);

    const nobody = await call('visits.save', { ...base, residentId: 999, start: '2026-10-20T09:00', end: '2026-10-20T10:00' }).catch((e: unknown) => e);
    expect((nobody as InputError).problems[0]?.path).toBe('residentId');

    await expect(call('visits.save', { ...base, items: [], start: '2026-10-20T09:00', end: '2026-10-20T10:00' })).rejects.toThrow('请至少选择一个服务项目');
    expect(count(db, 'SELECT count(*) FROM visits')).toBe(visitsBefore);
    expect(count(db, 'SELECT count(*) FROM audit_log')).toBe(auditBefore);
  });

  it('deletes with its items and audits the record as it was', async () => {
    const db = sampleDb();
    const call = visits(db);
    const id = idOf(db, 'visits', 'v4');
    await expect(call('visits.delete', { id })).resolves.toEqual({ deleted: true });
    expect(count(db, `SELECT count(*) FROM visits WHERE id = ${id}`)).toBe(0);
    expect(count(db, `SELECT count(*) FROM visit_items WHERE visit_id = ${id}`)).toBe(0);
    const [audit] = listAudit(db, { entity: 'visit', entityId: id });
    expect(audit).toMatchObject({ action: 'delete', before: { ref: 'v4', minutes: 20, items: ['LC02'] }, after: null });
    const again = await call('visits.delete', { id }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ServiceError);
    expect((again as ServiceError).code).toBe('NOT_FOUND');
  });

  it('a submitted month changes only with a correction reason, which the audit keeps', async () => {
    const db = sampleDb();
    db.raw
      .prepare(
        `INSERT INTO claims (month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, submitted_at, submitted_by)
        VALUES ('2026-10', 'regular', 0, 'submitted', 'ningbo-2022', '1', 'x', '{}', 'x', 'x')`,
      )
      .run();
    const call = visits(db);
    const id = idOf(db, 'visits', 'v6');
    const v = await call('visits.get', { id });
    expect(v.locked).toBe(true);
    const input = { id, residentId: v.residentId, staffId: v.staffId, start: v.start, end: v.end, items: ['LC05'], confirmed: true };
    const refused = await call('visits.save', input).catch((e: unknown) => e);
    expect((refused as ServiceError).code).toBe('LOCKED');
    const check = await call('visits.check', input);
    expect(check.locked).toBe(true);
    await call('visits.save', { ...input, correctionReason: '家属补签，原件已存档' });
    const [audit] = listAudit(db, { entity: 'visit', entityId: id });
    expect(audit?.after).toMatchObject({ confirmed: true, correctionReason: '家属补签，原件已存档' });
  });
});
