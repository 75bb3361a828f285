/**
 * The rota's checks, each with numbers worked out by hand from the rules (shared/rota/checks.ts):
 * 2026-10-01 is a Thursday, so the calendar week of 2026-10-05 (Monday) runs to 2026-10-11.
 */
import { describe, expect, it } from 'vitest';
import { checkRota, requiredStaff, type RotaCheckInput } from '../../../shared/rota/checks';
import { dayCensus } from '../../../shared/rota/census';
import { DEFAULT_RULES, DEFAULT_SHIFT_TYPES } from '../../../shared/rota/defaults';
import type { RotaCell, RotaStaff, ShiftType } from '../../../shared/rota/types';
import { admit, assessed, ev, resident } from '../../support/builders';

const TYPES: ShiftType[] = DEFAULT_SHIFT_TYPES.map((t, i) => ({ ...t, id: i + 1 }));
const id = (name: string) => TYPES.find((t) => t.name === name)!.id;
const carer = (over: Partial<RotaStaff> = {}): RotaStaff => ({
  id: 1,
  ref: 'S0001',
  name: '李护理',
  role: 'caregiver',
  employedFrom: '2020-01-01',
  employedTo: null,
  certificates: [{ type: 'elderly-caregiver', number: 'E1', issuedOn: '2020-01-01' }],
  ...over,
});
const cells = (staffId: number, shift: string, dates: string[]): RotaCell[] => dates.map((date) => ({ staffId, date, shiftTypeId: id(shift) }));
const days = (from: number, to: number, month = '2026-10') => Array.from({ length: to - from + 1 }, (_, i) => `${month}-${String(from + i).padStart(2, '0')}`);

function run(over: Partial<RotaCheckInput>) {
  return checkRota({ shiftTypes: TYPES, rules: DEFAULT_RULES, staff: [carer()], cells: [], census: [], from: '2026-10-01', to: '2026-10-31', ...over });
}
const codes = (r: ReturnType<typeof run>) => r.issues.map((i) => `${i.code} ${i.date}`);

describe('应配: residents per staff member by level group, rounded up', () => {
  it('12 severe at 1:5 and 7 others at 1:10 need ⌈2.4 + 0.7⌉ = 4', () => {
    expect(requiredStaff({ perSevere: 5, perOther: 10 }, { severe: 12, other: 7 })).toBe(4);
  });
  it('an exact ratio needs no one extra: 10 severe at 1:5 → 2; 20 severe at night 1:10 → 2', () => {
    expect(requiredStaff({ perSevere: 5, perOther: 10 }, { severe: 10, other: 0 })).toBe(2);
    expect(requiredStaff({ perSevere: 10, perOther: 20 }, { severe: 20, other: 0 })).toBe(2);
  });
  it('a shift without ratios needs nobody', () => {
    expect(requiredStaff({ perSevere: null, perOther: null }, { severe: 50, other: 50 })).toBe(0);
  });
});

describe('the night with one caregiver for twenty severely disabled residents', () => {
  it('shows 应配 2, 实配 1 and a shortfall naming the ratio', () => {
    const r = run({ cells: cells(1, '夜班', ['2026-10-05']), census: [{ date: '2026-10-05', severe: 20, other: 0 }], from: '2026-10-05', to: '2026-10-05' });
    const night = r.coverage.find((c) => c.shiftTypeId === id('夜班'))!;
    expect([night.required, night.assigned]).toEqual([2, 1]);
    const short = r.issues.find((i) => i.code === 'UNDERSTAFFED' && i.shiftTypeId === id('夜班'))!;
    expect(short.message).toBe('2026-10-05 夜班应配 2 人（在院重度失能 20 人按 1:10、其他 0 人按 1:20），实配 1 人，缺 1 人');
  });
  it('counts nobody whose certificate is not valid that day', () => {
    const staff = [carer(), carer({ id: 2, name: '王无证', certificates: [] })];
    const r = run({
      staff,
      cells: [...cells(1, '夜班', ['2026-10-05']), ...cells(2, '夜班', ['2026-10-05'])],
      census: [{ date: '2026-10-05', severe: 20, other: 0 }],
      from: '2026-10-05',
      to: '2026-10-05',
    });
    expect(r.coverage.find((c) => c.shiftTypeId === id('夜班'))!.assigned).toBe(1);
    expect(codes(r)).toContain('CERT_MISSING 2026-10-05');
  });
});

describe('在职 and 证书', () => {
  it('the last day employed may be worked, the day after may not', () => {
    const r = run({ staff: [carer({ employedTo: '2026-10-10' })], cells: cells(1, '早班', ['2026-10-10', '2026-10-11']) });
    expect(codes(r)).toEqual(['NOT_EMPLOYED 2026-10-11']);
    expect(r.issues[0]!.message).toBe('李护理 2026-10-11 不在职（2020-01-01 入职，2026-10-10 离职），不能排早班');
  });
  it('leave on a day not employed is refused too; rest is not', () => {
    const r = run({ staff: [carer({ employedFrom: '2026-10-20' })], cells: [...cells(1, '年假', ['2026-10-18']), ...cells(1, '休', ['2026-10-19'])] });
    expect(codes(r)).toEqual(['NOT_EMPLOYED 2026-10-18']);
  });
  it('a nurse licence expiring 10-15 covers a caregiver shift on 10-15, not on 10-16', () => {
    const staff = [carer({ certificates: [{ type: 'nurse-licence', number: 'N1', issuedOn: '2021-10-16', expiresOn: '2026-10-15' }] })];
    const r = run({ staff, cells: cells(1, '早班', ['2026-10-15', '2026-10-16']) });
    expect(codes(r)).toEqual(['CERT_MISSING 2026-10-16']);
    expect(r.issues[0]!.message).toBe('李护理 2026-10-16 的早班是护理员岗，须持当天有效的长期照护师证书或养老护理员证书或护士执业证书，但没有');
  });
  it('a nurse’s shift needs a nurse licence: a caregiver certificate is not enough', () => {
    const r = run({ cells: cells(1, '护士班', ['2026-10-05']) });
    expect(codes(r)).toEqual(['CERT_MISSING 2026-10-05']);
  });
});

describe('休息 ≥ 11 h between shifts', () => {
  it('中班 ending 23:00 then 早班 at 07:00 leaves 8 hours', () => {
    const r = run({ cells: [...cells(1, '中班', ['2026-10-05']), ...cells(1, '早班', ['2026-10-06'])] });
    expect(codes(r)).toEqual(['REST_SHORT 2026-10-06']);
    expect(r.issues[0]!.message).toBe('李护理 2026-10-05 中班下班到 2026-10-06 早班上班只休息 8 小时，少于 11 小时');
  });
  it('夜班 crosses midnight: off at 07:00, 中班 at 15:00 the same day is 8 hours; 早班 to 早班 is 16', () => {
    expect(codes(run({ cells: [...cells(1, '夜班', ['2026-10-05']), ...cells(1, '中班', ['2026-10-06'])] }))).toEqual(['REST_SHORT 2026-10-06']);
    expect(codes(run({ cells: cells(1, '早班', ['2026-10-05', '2026-10-06']) }))).toEqual([]);
  });
  it('a night shift then an early shift the next morning is no rest at all', () => {
    const r = run({ cells: [...cells(1, '夜班', ['2026-10-05']), ...cells(1, '早班', ['2026-10-06'])] });
    expect(r.issues[0]!.message).toContain('只休息 0 小时');
  });
});

describe('连续上班 ≤ 6 days', () => {
  it('the seventh day in a row is flagged, counted from its first', () => {
    const r = run({ cells: cells(1, '早班', days(1, 7)) });
    // 7 × 8 h = 56 h would also break the 44 h week only inside one Monday–Sunday week; 10-01…10-07
    // spans two (10-01…10-04: 32 h; 10-05…10-07: 24 h)
    expect(codes(r)).toEqual(['TOO_MANY_DAYS 2026-10-07']);
    expect(r.issues[0]!.message).toBe('李护理 到 2026-10-07 已连续上班 7 天（自 2026-10-01 起），超过 6 天');
  });
  it('a rest day breaks the run; leave does too', () => {
    expect(
      codes(
        run({
          cells: [
            ...cells(1, '早班', ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08']),
            ...cells(1, '年假', ['2026-10-04']),
          ],
        }),
      ),
    ).toEqual([]);
  });
  it('days before the month count: 09-28 … 10-04 makes 10-04 the seventh', () => {
    const r = run({ cells: cells(1, '早班', [...days(28, 30, '2026-09'), ...days(1, 4)]) });
    expect(codes(r)).toContain('TOO_MANY_DAYS 2026-10-04');
  });
});

describe('周工时 ≤ 44 h, Monday to Sunday', () => {
  it('six 8-hour shifts in the week of 10-05 are 48 hours', () => {
    const r = run({ cells: cells(1, '早班', days(5, 10)) });
    expect(codes(r)).toEqual(['WEEK_HOURS 2026-10-10']);
    expect(r.issues[0]!.message).toBe('李护理 2026-10-05 至 2026-10-11 这一周排班 48 小时，超过每周 44 小时');
  });
  it('five are 40: fine', () => {
    expect(codes(run({ cells: cells(1, '早班', days(5, 9)) }))).toEqual([]);
  });
  it('a week straddling the month counts September’s days, reported on October’s last shift of it', () => {
    const r = run({ cells: cells(1, '早班', [...days(28, 30, '2026-09'), ...days(1, 3)]) });
    expect(codes(r)).toEqual(['WEEK_HOURS 2026-10-03']);
  });
});

describe('the census: residents present in an institutional stay, by the level in force', () => {
  it('counts present days only, by level group', () => {
    const rules = { benefitStart: 'next-month', validityMonths: 24, expiringWarningDays: 30 } as const;
    const people = [
      // level 4 from 2026-10-01 (concluded in September: next-month rule); in hospital 10-15 … 10-17
      resident('a', [assessed(4, '2026-09-10')], [admit('2026-09-01'), ev('hospital', '2026-10-15'), ev('return', '2026-10-18')]),
      // level 2: another group
      resident('b', [assessed(2, '2026-01-10')], [admit('2026-05-01')]),
      // concluded in October: level 5 only from November, so 其他 in October
      resident('c', [assessed(5, '2026-10-03')], [admit('2026-10-03')]),
      // home care: not in the institution
      resident('d', [assessed(5, '2026-01-10')], [admit('2026-02-01', 'home')]),
    ];
    const c = dayCensus(people, rules, ['2026-10-02', '2026-10-03', '2026-10-15', '2026-10-18', '2026-11-01']);
    expect(c.map((x) => [x.date, x.severe, x.other])).toEqual([
      ['2026-10-02', 1, 1],
      ['2026-10-03', 1, 2],
      ['2026-10-15', 0, 2],
      ['2026-10-18', 1, 2],
      ['2026-11-01', 2, 1],
    ]);
  });
});
