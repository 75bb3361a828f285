/**
 * A month is claimed only once it has ended (issue 14, major 1): on 2026-12-06 December was submitted
 * with 1,085 bed-days, 25 days of which had not happened. The services refuse 申报 and 补报 of a month
 * whose last day is not before today, through every face (the dispatcher here; `ltc` in
 * tests/unit/cli/withdraw.test.ts), and the month view says why the screen disables 申报.
 * "Today" is the services' (LTC_TODAY pins it, as the e2e host and `ltc` tests do).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { claimsOfMonth, writeClaim } from '../../../electron/services/claims/claimStore';
import { submitMonth, submitSupplementary } from '../../../electron/services/claims/lifecycle';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { buildPackage } from '../../../electron/services/claims/package';
import { serviceToday } from '../../../electron/services/staff/staffFacts';
import { api, sampleDb } from './support';

const options = { actor: '张会计', generatedOn: '2026-11-05', acceptErrors: true, build: buildPackage };
const setToday = (d: string | undefined) => (d === undefined ? delete process.env['LTC_TODAY'] : (process.env['LTC_TODAY'] = d));
afterEach(() => setToday(undefined));

describe('submitting a month that has not ended', () => {
  it('is refused on the month’s last day and any day before it, in Chinese, and nothing is stored', async () => {
    const db = sampleDb();
    for (const today of ['2026-10-01', '2026-10-20', '2026-10-31']) {
      await expect(submitMonth(db, { ...options, month: '2026-10', today })).rejects.toThrow(
        `2026-10 尚未结束（今天是 ${today}），要到月末最后一天（2026-10-31）过后才能申报`,
      );
    }
    await expect(submitMonth(db, { ...options, month: '2027-03', today: '2026-12-06' })).rejects.toThrow('2027-03 尚未结束');
    expect(claimsOfMonth(db, '2026-10')).toEqual([]);
    const { claimId } = await submitMonth(db, { ...options, month: '2026-10', today: '2026-11-01' });
    expect(claimsOfMonth(db, '2026-10').map((c) => [c.summary.id, c.summary.status])).toEqual([[claimId, 'submitted']]);
  });

  it('is refused through the window’s call too (the job fails with the reason), by the services’ today', async () => {
    const db = sampleDb();
    const { call, job } = api(db);
    setToday('2026-10-31');
    const failed = await job(call('claims.submit', { month: '2026-10', acceptErrors: true }));
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('2026-10 尚未结束（今天是 2026-10-31）') });
    expect(claimsOfMonth(db, '2026-10')).toEqual([]);
    setToday('2026-11-01');
    expect((await job(call('claims.submit', { month: '2026-10', acceptErrors: true }))).state).toBe('done');
  });

  it('the month view says why 申报 is not possible yet, and nothing once the month is over', async () => {
    const db = sampleDb();
    const { call } = api(db);
    setToday('2026-10-20');
    const open = await call('claims.month', { month: '2026-10' });
    expect(open.today).toBe('2026-10-20');
    expect(open.submitBlocked).toContain('2026-10 尚未结束（今天是 2026-10-20）');
    setToday('2026-11-01');
    expect((await call('claims.month', { month: '2026-10' })).submitBlocked).toBeNull();
  });

  it('refuses 补报 of a month not ended (a month submitted early, before this rule), and its dialog says so', async () => {
    const db = sampleDb();
    // December as it was submitted on 12-06 by an earlier version: stored directly.
    const at = '2026-12-06T10:00:00.000+08:00';
    db.transaction(() =>
      writeClaim(db, {
        claim: computeMonthClaim(db, '2026-12'),
        seq: 0,
        status: 'submitted',
        computedAt: at,
        generatedOn: '2026-12-06',
        submittedAt: at,
        submittedBy: '张会计',
      }),
    );
    await expect(submitSupplementary(db, { ...options, month: '2026-12', today: '2026-12-06' })).rejects.toThrow(
      '2026-12 尚未结束（今天是 2026-12-06），要到月末最后一天（2026-12-31）过后才能补报',
    );
    setToday('2026-12-06');
    const preview = await api(db).call('claims.supplementPreview', { month: '2026-12' });
    expect(preview).toMatchObject({ blocked: expect.stringContaining('才能补报'), lines: 0 });
  });

  it('takes today from LTC_TODAY when set, and refuses one that is not a date rather than guessing', () => {
    setToday('2026-12-06');
    expect(serviceToday()).toBe('2026-12-06');
    setToday('2026-13-01');
    expect(() => serviceToday()).toThrow('LTC_TODAY 应为 YYYY-MM-DD');
    setToday(undefined);
    expect(serviceToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
