/**
 * `visits.check` and the list's verdicts say what the claim says: the sample's expected claim for
 * 2026-10 is the reference (v4 too short, v5 medical item by a caregiver, v6 unconfirmed).
 */
import { describe, expect, it } from 'vitest';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { idOf, sampleDb, visits } from './support';

const SAMPLE_VISITS = ['v1', 'v2', 'v3', 'v4', 'v5', 'v6'];

function expectedCodes(ref: string): string[] {
  return (expected.issues as { code: string; visit?: string }[])
    .filter((i) => i.visit === ref)
    .map((i) => i.code)
    .sort();
}

describe('visits.check', () => {
  it('gives each stored sample visit the codes of the expected claim', async () => {
    const db = sampleDb();
    const call = visits(db);
    for (const ref of SAMPLE_VISITS) {
      const v = await call('visits.get', { id: idOf(db, 'visits', ref) });
      const check = await call('visits.check', {
        id: v.id,
        residentId: v.residentId,
        staffId: v.staffId,
        start: v.start,
        end: v.end,
        items: v.items.map((i) => i.code),
        confirmed: v.confirmed,
      });
      expect(check.verdict?.issues.map((i) => i.code).sort(), ref).toEqual(expectedCodes(ref));
      expect(check.verdict?.valid, ref).toBe(expectedCodes(ref).length === 0);
    }
    expect(expectedCodes('v4')).toEqual(['VISIT_TOO_SHORT']);
    expect(expectedCodes('v5')).toEqual(['NURSE_REQUIRED']);
    expect(expectedCodes('v6')).toEqual(['VISIT_UNCONFIRMED']);
  });

  it('the list shows, per visit, exactly the issues the month claim reports for it', async () => {
    const db = sampleDb();
    const page = await visits(db)('visits.list', { pageSize: 100 });
    const claim = computeMonthClaim(db, '2026-10');
    for (const row of page.rows) {
      const fromClaim = claim.issues
        .filter((i) => i.visit === row.ref)
        .map((i) => `${i.code}:${i.message}`)
        .sort();
      expect(row.verdict?.issues.map((i) => `${i.code}:${i.message}`).sort(), row.ref).toEqual(fromClaim);
    }
    expect(page.rows.find((r) => r.ref === 'v4')?.verdict?.issues[0]?.message).toContain('时长20分钟，少于最短服务时长30分钟');
  });

  it('judges a draft as it is typed: too short, overlap with a stored visit, nurse item, end before start', async () => {
    const db = sampleDb();
    const call = visits(db);
    const base = { residentId: idOf(db, 'residents', 'r3'), staffId: idOf(db, 'staff', 's1'), items: ['LC01'], confirmed: true };

    const short = await call('visits.check', { ...base, start: '2026-10-20T09:00', end: '2026-10-20T09:20' });
    expect(short.minutes).toBe(20);
    expect(short.minimumMinutes).toBe(30);
    expect(short.verdict?.issues.map((i) => i.code)).toEqual(['VISIT_TOO_SHORT']);

    // s1 is at r3's from 09:00 to 10:00 on 10-02 (v1).
    const overlap = await call('visits.check', { ...base, start: '2026-10-02T09:30', end: '2026-10-02T10:30' });
    expect(overlap.verdict?.issues.map((i) => i.code)).toEqual(['VISIT_OVERLAP']);
    expect(overlap.verdict?.issues[0]?.message).toContain('v1');

    const nurse = await call('visits.check', { ...base, items: ['MC12'], start: '2026-10-20T09:00', end: '2026-10-20T10:00' });
    expect(nurse.verdict?.issues.map((i) => i.code)).toEqual(['NURSE_REQUIRED']);
    const byNurse = await call('visits.check', {
      ...base,
      staffId: idOf(db, 'staff', 's2'),
      items: ['MC12'],
      start: '2026-10-20T09:00',
      end: '2026-10-20T10:00',
    });
    expect(byNurse.verdict).toEqual({ valid: true, issues: [] });

    const backwards = await call('visits.check', { ...base, start: '2026-10-20T10:00', end: '2026-10-20T09:00' });
    expect(backwards.problems).toEqual([{ path: 'end', message: expect.stringContaining('结束时间早于开始时间') }]);

    const halfTyped = await call('visits.check', { residentId: base.residentId, start: '2026-10-20T09:00' });
    expect(halfTyped.verdict).toBeNull();
    expect(halfTyped.problems).toEqual([]);
  });

  it('editing a visit is judged against the others, not against its own stored version', async () => {
    const db = sampleDb();
    const call = visits(db);
    const v1 = await call('visits.get', { id: idOf(db, 'visits', 'v1') });
    const moved = await call('visits.check', {
      id: v1.id,
      residentId: v1.residentId,
      staffId: v1.staffId,
      start: '2026-10-02T09:15',
      end: '2026-10-02T10:15',
      items: ['LC01'],
      confirmed: true,
    });
    expect(moved.verdict).toEqual({ valid: true, issues: [] });
  });
});
