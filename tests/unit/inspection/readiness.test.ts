/**
 * The readiness checks and score on hand-made facts: which status each check takes, what it counts, and
 * the score worked out by hand from the weights.
 */
import { describe, expect, it } from 'vitest';
import type { CheckRow } from '../../../shared/api/inspection';
import type { Claim, ClaimIssue, ClaimLine } from '../../../shared/claims/types';
import { deadlineOf, readinessChecks, readinessScore, type ReadinessFacts } from '../../../shared/inspection/readiness';
import type { AuditVisit } from '../../../shared/inspection/selfAuditTypes';
import { DEFAULT_WEIGHTS } from '../../../shared/inspection/settings';

const line = (resident: string, billable: string[], hospital: string[] = []): ClaimLine => ({
  idNumber: `id-${resident}`,
  name: `名${resident}`,
  resident,
  mode: 'institutional',
  level: 4,
  billableDays: billable.length,
  coveredMinutes: 0,
  feeFen: 0,
  fundFen: 0,
  personalFen: 0,
  evidence: { billable, present: billable, hospital, leave: [] },
});
const claim = (lines: ClaimLine[], issues: Partial<ClaimIssue>[] = []): Claim => ({ lines, issues: issues as ClaimIssue[] }) as Claim;
const visit = (ref: string, extra: Partial<AuditVisit> = {}): AuditVisit => ({
  ref,
  resident: 'r1',
  staff: 's1',
  start: '2026-10-05T09:00',
  end: '2026-10-05T10:00',
  minutes: 60,
  confirmed: true,
  checkIn: { lat: 29.87, lng: 121.55 },
  checkOut: null,
  ...extra,
});

function facts(o: Partial<ReadinessFacts> = {}): ReadinessFacts {
  return {
    month: '2026-10',
    today: '2026-12-06',
    now: claim([line('r1', ['2026-10-01', '2026-10-02'])]),
    sent: null,
    supplements: [],
    visits: [],
    noItems: new Set(),
    staff: [{ ref: 's1', name: '李娟', idNumber: 'x', certificates: [], employedFrom: '2020-01-01' }],
    submissions: [],
    onTimeDay: 10,
    deductions: [],
    newHits: [],
    rota: null,
    weights: DEFAULT_WEIGHTS,
    ...o,
  };
}
const check = (f: ReadinessFacts, id: string): CheckRow => readinessChecks(f).find((c) => c.id === id)!;

describe('readiness checks', () => {
  it('makes a check of claim issues: an error fails it, a warning asks for attention', () => {
    expect(check(facts({ now: claim([], [{ code: 'VISIT_TOO_SHORT', severity: 'error', message: 'm' }]) }), 'duration')).toMatchObject({
      status: 'fail',
      count: 1,
    });
    expect(check(facts({ now: claim([], [{ code: 'ASSESSMENT_EXPIRING', severity: 'warning', message: 'm' }]) }), 'assessments')).toMatchObject({
      status: 'attention',
      count: 1,
    });
    expect(check(facts(), 'overlaps')).toMatchObject({ status: 'pass', count: 0 });
  });

  it('finds incomplete records: no items fails, unconfirmed or no place asks for attention', () => {
    const visits = [visit('v1'), visit('v2', { confirmed: false }), visit('v3', { checkIn: null })];
    expect(check(facts({ visits }), 'records')).toMatchObject({ status: 'attention', count: 2 });
    expect(check(facts({ visits, noItems: new Set(['v1']) }), 'records')).toMatchObject({ status: 'fail', count: 3 });
  });

  it('compares the days claimed with the records now: over-claimed fails, under-claimed asks for attention', () => {
    const sent = claim([line('r1', ['2026-10-01', '2026-10-02', '2026-10-03'])]);
    // r1's 10-03 became a hospital day after submission
    const now = claim([line('r1', ['2026-10-01', '2026-10-02'], ['2026-10-03'])]);
    expect(check(facts({ sent, now }), 'bedDays')).toMatchObject({ status: 'fail', count: 1 });
    const excluded = check(facts({ sent, now }), 'excludedDays');
    expect(excluded.status).toBe('fail');
    expect(excluded.items[0]!.text).toBe('名r1 2026-10-03 已按床日申报，按现有记录为住院日');
    expect(check(facts({ sent: now, now: sent }), 'bedDays')).toMatchObject({ status: 'attention', count: 1 });
  });

  it('judges submissions by the 10th of the next month: late asks for attention, missing fails, not yet due is not judged', () => {
    expect(deadlineOf('2026-10', 10)).toBe('2026-11-10');
    const on = (month: string, at: string | null) => ({ month, submittedAt: at });
    expect(check(facts({ submissions: [on('2026-09', '2026-10-09T10:00:00+08:00')] }), 'onTime')).toMatchObject({ status: 'pass', count: 0 });
    expect(check(facts({ submissions: [on('2026-09', '2026-10-11T10:00:00+08:00')] }), 'onTime')).toMatchObject({ status: 'attention', count: 1 });
    expect(check(facts({ submissions: [on('2026-10', null)] }), 'onTime')).toMatchObject({ status: 'fail', count: 1 });
    expect(check(facts({ today: '2026-11-10', submissions: [on('2026-10', null)] }), 'onTime')).toMatchObject({ status: 'pass', count: 0 });
    expect(check(facts(), 'onTime')).toMatchObject({ status: 'nodata', count: null });
  });

  it('finds visits by staff who had left, and shows the checks without data as 暂无数据', () => {
    const staff = [{ ref: 's1', name: '李娟', idNumber: 'x', certificates: [], employedFrom: '2020-01-01', employedTo: '2026-10-03' }];
    expect(check(facts({ staff, visits: [visit('v1')] }), 'staffEmployed').items[0]!.text).toBe('服务记录 v1（2026-10-05）的护理人员李娟已于 2026-10-03 离职');
    // a month without a rota has no 排班 to judge; the product holds no co-payment records
    for (const id of ['rota', 'copay']) expect(check(facts(), id)).toMatchObject({ status: 'nodata', count: null });
  });

  it('fails 排班人员在职持证 on any shift staffed by someone not employed or not certified that day, and passes a clean rota', () => {
    const unfit = [{ text: '周建国 2026-10-06 的早班是护理员岗，须持当天有效的长期照护师证书或养老护理员证书，但没有', staff: 's2', date: '2026-10-06' }];
    expect(check(facts({ rota: { shifts: 120, unfit } }), 'rota')).toMatchObject({ status: 'fail', count: 1, items: unfit });
    expect(check(facts({ rota: { shifts: 120, unfit: [] } }), 'rota')).toMatchObject({
      status: 'pass',
      count: 0,
      summary: '本月排班的 120 个班次，排班人员当天都在职并持有岗位要求的有效证书。',
    });
  });
});

describe('the readiness score', () => {
  const rowOf = (status: CheckRow['status'], weight: number): CheckRow => ({
    id: 'records',
    title: '',
    status,
    count: 0,
    summary: '',
    items: [],
    itemsTotal: 0,
    weight,
  });
  it('counts a check fully when passed, half when it needs attention, nothing when failed; without data or weight it is left out', () => {
    // (10 + 10 × ½ + 0) of 10 + 10 + 20 = 15 of 40 = 37.5 → 38
    expect(readinessScore([rowOf('pass', 10), rowOf('attention', 10), rowOf('fail', 20), rowOf('nodata', 5), rowOf('fail', 0)])).toBe(38);
    expect(readinessScore([rowOf('pass', 5), rowOf('pass', 5)])).toBe(100);
    expect(readinessScore([rowOf('nodata', 5)])).toBe(100);
  });
});
