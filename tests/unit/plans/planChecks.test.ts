/** A care plan against its pack, with the numbers worked out by hand from docs/rules.md §7 and §11. */
import { describe, expect, it } from 'vitest';
import { planProblems, visitsInLongestMonth, type PlanContext } from '../../../shared/plans/planChecks';
import type { CarePlan } from '../../../shared/plans/types';
import { findCatalogue, findPolicyPack } from '../../../shared/policy/registry';

const plan = (over: Partial<CarePlan> = {}): CarePlan => ({
  residentId: 1,
  items: ['LC01'],
  visitsPerWeek: 3,
  minutes: 60,
  days: [],
  windowStart: '08:00',
  windowEnd: '12:00',
  preferredStaffId: null,
  excludedStaffIds: [],
  ...over,
});
const ctx = (pack: string, over: Partial<PlanContext> = {}): PlanContext => ({
  pack: findPolicyPack(pack)!,
  catalogue: findCatalogue('interim-42')!,
  level: 4,
  today: '2026-10-01',
  ...over,
});
const messages = (p: CarePlan, c: PlanContext) => planProblems(p, c).map((x) => x.message);

describe('the longest month', () => {
  it('31 days hold three weekdays five times: 3 a week → 15, 5 a week → 23, 7 → 31', () => {
    expect([visitsInLongestMonth(1), visitsInLongestMonth(3), visitsInLongestMonth(5), visitsInLongestMonth(7)]).toEqual([5, 15, 23, 31]);
  });
});

describe('ningbo-2022: hourly quota 20 / 25 / 30 h for levels 3 / 4 / 5', () => {
  it('level 4, 3 a week × 60 min: 15 h in the longest month, within 25', () => {
    expect(messages(plan(), ctx('ningbo-2022'))).toEqual([]);
  });
  it('level 4, 5 a week × 90 min: 23 × 1.5 = 34.5 h, over 25: refused with the numbers', () => {
    expect(messages(plan({ visitsPerWeek: 5, minutes: 90 }), ctx('ningbo-2022'))).toEqual([
      '超出按小时限额：每周 5 次 × 每次 90 分钟，最多的月份有 23 次，共 34.5 小时，超过4级（重度失能Ⅱ级）每月 25 小时的限额',
    ]);
  });
  it('level 3, 4 a week × 60 min: 19 h, within 20; at 5 a week 23 h is not', () => {
    expect(messages(plan({ visitsPerWeek: 4 }), ctx('ningbo-2022', { level: 3 }))).toEqual([]);
    expect(messages(plan({ visitsPerWeek: 5 }), ctx('ningbo-2022', { level: 3 }))).toHaveLength(1);
  });
  it('a visit shorter than the pack’s 30 minutes is refused; no eligible level is refused', () => {
    expect(messages(plan({ minutes: 20 }), ctx('ningbo-2022'))[0]).toMatch(/^每次 20 分钟短于最短时长 30 分钟/);
    expect(messages(plan(), ctx('ningbo-2022', { level: 2 }))[0]).toMatch(/^该对象今天没有在有效期内、可支付的评估等级/);
  });
});

describe('shanghai-home: per visit, 3 / 5 / 7 a week, one a day, 60 minutes at least', () => {
  it('level 3 at 4 a week is over its 3', () => {
    expect(messages(plan({ visitsPerWeek: 4 }), ctx('shanghai-home', { level: 3 }))).toEqual(['超出按次限额：每周 4 次，超过3级（重度失能Ⅰ级）每周最多 3 次']);
  });
  it('level 5 at 8 a week: over 7, and needs two visits on a day', () => {
    expect(messages(plan({ visitsPerWeek: 8 }), ctx('shanghai-home', { level: 5 }))).toEqual([
      '超出按次限额：每周 8 次，超过5级（重度失能Ⅲ级）每周最多 7 次',
      '每周 8 次须有一天上门两次，但本政策包每天最多结算 1 次',
    ]);
  });
});

describe('tianjin: monthly cap 2100 yuan on the fee', () => {
  it('5 a week × 120 min at 60 yuan an hour: 23 × 2 h × 60 = 2760 yuan, over 2100', () => {
    expect(messages(plan({ visitsPerWeek: 5, minutes: 120 }), ctx('tianjin', { hourlyFeeFen: 6000 }))).toEqual([
      '超出月度封顶：最多的月份 23 次 × 120 分钟，按每小时 60.00 元计 2760.00 元，超过每月 2100.00 元的封顶',
    ]);
  });
});

describe('medical items need a nurse', () => {
  it('a preferred caregiver without a nurse licence valid today is refused', () => {
    const preferred = { name: '王芳', certificates: [{ type: 'elderly-caregiver' as const, number: 'E', issuedOn: '2020-01-01' }] };
    expect(messages(plan({ items: ['LC01', 'MC01'] }), ctx('ningbo-2022', { preferred }))).toEqual([
      'MC01 是医疗护理项目，须由持有效护士执业证书的人员提供；指定的王芳今天没有',
    ]);
    const nurse = { name: '陈护士', certificates: [{ type: 'nurse-licence' as const, number: 'N', issuedOn: '2022-01-01', expiresOn: '2027-01-01' }] };
    expect(messages(plan({ items: ['LC01', 'MC01'] }), ctx('ningbo-2022', { preferred: nurse }))).toEqual([]);
  });
});
