/**
 * The rota's defaults: settings, each editable in 设置 › 班次, never constants of the checks. Where a
 * number comes from is said beside it: the law, or the product's own choice (marked 默认).
 */
import type { RotaRules, ShiftType } from './types';

export const DEFAULT_RULES: RotaRules = {
  // The product's default. Chinese law sets no minimum rest between two shifts; 11 hours is the daily rest
  // of the EU Working Time Directive (2003/88/EC, art. 3), which UK care-rota tools check by default.
  minRestHours: 11,
  // 劳动法 第三十八条: the employer ensures at least one day off a week, so at most 6 working days in a row.
  maxConsecutiveDays: 6,
  // 劳动法 第三十六条: no more than 44 hours a week on average. (国务院令第174号 (1995) sets 40 for the
  // standard working-time system; an institution on 综合计算工时 averages over a longer period.)
  maxWeeklyHours: 44,
  // docs/rules.md §3, the claim's own rule: medical care needs a nurse licence valid that day; daily-life care
  // a caregiver certificate of either kind, or a nurse licence.
  postCertificates: {
    nurse: ['nurse-licence'],
    caregiver: ['ltc-caregiver', 'elderly-caregiver', 'nurse-licence'],
    other: [],
  },
};

/**
 * Default shift types (a new database gets these; migration 009). The staffing ratios (perSevere,
 * perOther) are the product's defaults, not law: provincial nursing-home standards commonly ask about
 * one caregiver for 3–4 severely disabled residents over the whole staff, which over three shifts and
 * days off is about 1:5 by day and 1:10 at night; other residents half as many. Set your own.
 */
export const DEFAULT_SHIFT_TYPES: readonly Omit<ShiftType, 'id'>[] = [
  {
    key: 'Z',
    name: '早班',
    kind: 'work',
    start: '07:00',
    end: '15:00',
    paidMinutes: 480,
    post: 'caregiver',
    color: '#91caff',
    perSevere: 5,
    perOther: 10,
    sort: 1,
  },
  {
    key: 'M',
    name: '中班',
    kind: 'work',
    start: '15:00',
    end: '23:00',
    paidMinutes: 480,
    post: 'caregiver',
    color: '#ffd591',
    perSevere: 5,
    perOther: 10,
    sort: 2,
  },
  {
    key: 'Y',
    name: '夜班',
    kind: 'work',
    start: '23:00',
    end: '07:00',
    paidMinutes: 480,
    post: 'caregiver',
    color: '#b37feb',
    perSevere: 10,
    perOther: 20,
    sort: 3,
  },
  // 08:00–17:00 with an unpaid hour at noon
  {
    key: 'H',
    name: '护士班',
    kind: 'work',
    start: '08:00',
    end: '17:00',
    paidMinutes: 480,
    post: 'nurse',
    color: '#87e8de',
    perSevere: 30,
    perOther: 60,
    sort: 4,
  },
  { key: 'X', name: '休', kind: 'rest', start: null, end: null, paidMinutes: 0, post: null, color: '#f0f0f0', perSevere: null, perOther: null, sort: 5 },
  { key: 'N', name: '年假', kind: 'leave', start: null, end: null, paidMinutes: 0, post: null, color: '#b7eb8f', perSevere: null, perOther: null, sort: 6 },
  { key: 'B', name: '病假', kind: 'leave', start: null, end: null, paidMinutes: 0, post: null, color: '#ffccc7', perSevere: null, perOther: null, sort: 7 },
  { key: 'S', name: '事假', kind: 'leave', start: null, end: null, paidMinutes: 0, post: null, color: '#fff1b8', perSevere: null, perOther: null, sort: 8 },
];

export const POST_NAMES = { nurse: '护士', caregiver: '护理员', other: '其他' } as const;
export const SHIFT_KIND_NAMES = { work: '上班', rest: '休息', leave: '请假' } as const;
