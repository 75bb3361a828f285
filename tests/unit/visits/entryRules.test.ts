/**
 * What the visit form, the services and the import say at entry (issue 14), with today pinned:
 * a visit dated after today is refused; one ending before it starts is one clear problem and
 * nothing else; and the month's quota is checked as the claim checks it (docs/rules.md §7), with how much
 * of it is used. Expected numbers come from docs/rules.md §7 and §11 (Ningbo 5级: 30 h a month; Shanghai
 * home 3级: 3 visits a week, one a day, a week straddling the month counting the earlier month's).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { openDatabase } from '../../../electron/services/db/database';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { residentsHandlers } from '../../../electron/services/residents/residentsHandlers';
import type { ServiceContext } from '../../../electron/services/api/context';
import type { ResidentDetail } from '../../../shared/api/residents';
import type { Dataset } from '../../../shared/domain/model';
import { idNumber } from '../../support/builders';
import { pinToday } from '../../support/today';
import { sample, tempDir, track } from '../services/helpers';
import { idOf, upload, visits } from './support';

function dbWith(d: Dataset) {
  const db = track(openDatabase(path.join(tempDir(), 'visits.db')));
  importDataset(db, d, { actor: 'seed' });
  return db;
}

/** The sample institution with a 5级 home-care client (Ningbo: 30 hours a month). */
function withLevelFive(): Dataset {
  const d = sample();
  d.residents.push({
    ref: 'r5',
    name: '孙桂英',
    idNumber: idNumber('1938-03-02', 7),
    assessments: [{ level: 5, concludedOn: '2026-09-20' }],
    events: [{ type: 'admit', date: '2026-10-01', mode: 'home' }],
  });
  return d;
}

const twoHours = (day: number) => {
  const date = `2026-11-${String(day).padStart(2, '0')}`;
  return { start: `${date}T09:00`, end: `${date}T11:00` };
};

describe('a visit that has not happened yet, or ends before it starts', () => {
  it('is refused by visits.save and said by visits.check; a visit today is fine', async () => {
    pinToday('2026-12-06');
    const db = dbWith(sample());
    const call = visits(db);
    const base = { residentId: idOf(db, 'residents', 'r3'), staffId: idOf(db, 'staff', 's1'), items: ['LC01'], confirmed: true };
    const future = { ...base, start: '2026-12-15T09:00', end: '2026-12-15T10:00' };
    const e = await call('visits.save', future).catch((x: Error & { problems?: unknown }) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toContain('开始时间 2026-12-15 09:00 晚于今天（2026-12-06）');
    expect(db.raw.prepare("SELECT count(*) FROM visits WHERE start_at LIKE '2026-12-15%'").pluck().get()).toBe(0);

    const check = await call('visits.check', future);
    expect(check.problems).toEqual([{ path: 'start', message: expect.stringContaining('晚于今天') }]);
    expect(check.verdict).toBeNull();

    const today = await call('visits.save', { ...base, start: '2026-12-06T09:00', end: '2026-12-06T10:00' });
    expect(today.start).toBe('2026-12-06T09:00');
  });

  it('ending before it starts: one problem, no length, no verdict', async () => {
    pinToday('2026-12-06');
    const db = dbWith(sample());
    const call = visits(db);
    const check = await call('visits.check', {
      residentId: idOf(db, 'residents', 'r3'),
      staffId: idOf(db, 'staff', 's1'),
      items: ['LC01'],
      confirmed: true,
      start: '2026-10-20T10:00',
      end: '2026-10-20T09:00',
    });
    expect(check.problems).toEqual([{ path: 'end', message: expect.stringMatching(/^结束时间早于开始时间/) }]);
    expect(check.minutes).toBeNull();
    expect(check.verdict).toBeNull();
    expect(check.quota).toBeNull();
  });

  it('a caregiver app’s export: a row dated after today is an error of that row', async () => {
    pinToday('2026-12-06');
    const db = dbWith(sample());
    const csv = [
      '服务对象姓名,护理人员姓名,开始时间,结束时间,服务项目编码,签字确认',
      '陈淑芬,施银萍,2026-12-05 09:00,2026-12-05 10:00,LC01,是',
      '陈淑芬,施银萍,2026-12-07 09:00,2026-12-07 10:00,LC01,是',
    ].join('\n');
    const preview = await visits(db)('visits.importPreview', { file: upload('app.csv', csv) });
    expect(preview.rows.map((r) => r.status)).toEqual(['ok', 'error']);
    expect(preview.rows[1]!.errors).toEqual([{ column: '开始时间', message: expect.stringContaining('晚于今天（2026-12-06）') }]);
  });
});

describe('the monthly quota at entry, as the claim counts it', () => {
  async function sixteenVisits() {
    pinToday('2026-11-30');
    const db = dbWith(withLevelFive());
    const call = visits(db);
    const base = { residentId: idOf(db, 'residents', 'r5'), staffId: idOf(db, 'staff', 's1'), items: ['LC01'], confirmed: true };
    return { db, call, base };
  }

  it('says how much of the 30 hours is used, and that the 17th two-hour visit is beyond them', async () => {
    const { db, call, base } = await sixteenVisits();
    for (let day = 2; day <= 15; day++) await call('visits.save', { ...base, ...twoHours(day) });
    // 14 × 2 h = 28 h: the 15th reaches the quota exactly and is paid in full.
    const fifteenth = await call('visits.check', { ...base, ...twoHours(16) });
    expect(fifteenth.verdict).toEqual({ valid: true, issues: [] });
    expect(fifteenth.quota).toMatchObject({ model: 'hourly-quota', month: '2026-11', level: 5, quotaMinutes: 1800, usedMinutes: 1800 });

    for (const day of [16, 17]) await call('visits.save', { ...base, ...twoHours(day) });
    const seventeenth = await call('visits.check', { ...base, ...twoHours(18) });
    expect(seventeenth.verdict?.valid).toBe(false);
    expect(seventeenth.verdict?.issues.map((i) => [i.code, i.severity])).toEqual([['OVER_QUOTA', 'warning']]);
    expect(seventeenth.verdict?.issues[0]!.message).toContain('本条120分钟中有120分钟不予结算');
    expect(seventeenth.quota).toMatchObject({ quotaMinutes: 1800, usedMinutes: 17 * 120 });

    // The claim says the same of the month as entered: 16 × 2 h, 30 h paid, OVER_QUOTA.
    const claim = computeMonthClaim(db, '2026-11');
    const line = claim.lines.find((l) => l.resident === 'r5');
    expect(line?.coveredMinutes).toBe(1800);
    expect(claim.issues.filter((i) => i.resident === 'r5').map((i) => i.code)).toEqual(['OVER_QUOTA']);
  });

  it('shows the month’s use on the client’s page', async () => {
    const { db, call, base } = await sixteenVisits();
    for (let day = 2; day <= 11; day++) await call('visits.save', { ...base, ...twoHours(day) });
    const ctx: ServiceContext = { db, actor: 't', shell: 'browser', appVersion: 'test', openFolder: () => false };
    const detail = (await residentsHandlers['residents.get']({ id: base.residentId, today: '2026-11-30' }, ctx)) as ResidentDetail;
    expect(detail.homeQuota).toEqual({ model: 'hourly-quota', month: '2026-11', level: 5, quotaMinutes: 1800, usedMinutes: 1200 });
    // an institutional resident has none, on the page or in the form (MODE_CONFLICT says why the visit fails)
    const r2 = (await residentsHandlers['residents.get']({ id: idOf(db, 'residents', 'r2'), today: '2026-11-30' }, ctx)) as ResidentDetail;
    expect(r2.homeQuota).toBeNull();
    const atR2 = await call('visits.check', { ...base, residentId: r2.id, ...twoHours(20) });
    expect(atR2.verdict?.issues.map((i) => i.code)).toEqual(['MODE_CONFLICT']);
    expect(atR2.quota).toBeNull();
  });

  it('per-visit packs: one a day and n a week in time order, a week straddling the month counting the earlier month’s', async () => {
    pinToday('2026-12-06');
    const d = sample();
    d.institution.policy = 'shanghai-home';
    d.institution.prices.visitFeeFen = 6500;
    // Mon 09-28 … Wed 09-30: three counted visits, 3级's limit for the week of 2026-09-28.
    for (const day of [28, 29, 30])
      d.visits.push({
        ref: `sep${day}`,
        resident: 'r3',
        staff: 's1',
        start: `2026-09-${day}T09:00`,
        end: `2026-09-${day}T10:00`,
        items: ['LC01'],
        confirmed: true,
      });
    const db = dbWith(d);
    const call = visits(db);
    const base = { residentId: idOf(db, 'residents', 'r3'), staffId: idOf(db, 'staff', 's1'), items: ['LC01'], confirmed: true };

    const thursday = await call('visits.check', { ...base, start: '2026-10-01T09:00', end: '2026-10-01T10:00' });
    expect(thursday.verdict?.issues.map((i) => i.code)).toEqual(['OVER_QUOTA']);
    expect(thursday.verdict?.issues[0]!.message).toContain('每周3次的限额（2026-09-28起的一周）');
    expect(thursday.quota).toMatchObject({ model: 'per-visit', level: 3, visitsPerWeek: 3, visitsPerDay: 1, week: '2026-09-28', weekCounted: 3 });

    // The week of 10-05: v2 (Fri 10-09, 90 min) is counted; a Wednesday visit is the 2nd of 3.
    const wednesday = await call('visits.check', { ...base, start: '2026-10-07T09:00', end: '2026-10-07T10:00' });
    expect(wednesday.verdict).toEqual({ valid: true, issues: [] });
    expect(wednesday.quota).toMatchObject({ week: '2026-10-05', weekCounted: 2 });
    // After v2 on the same day: beyond one a day.
    const sameDay = await call('visits.check', { ...base, start: '2026-10-09T11:00', end: '2026-10-09T12:00' });
    expect(sameDay.verdict?.issues.map((i) => i.code)).toEqual(['OVER_QUOTA']);
    expect(sameDay.verdict?.issues[0]!.message).toContain('每天1次的限额');
  });
});
