/**
 * The rota's checks, as the head nurse types (the screen runs them on every change) and wherever a
 * rota is printed or exported. Each issue names its rule and its numbers:
 * - 在职: a work or leave cell on a day the person is not employed (入职 … 离职, both inclusive);
 * - 证书: a work shift's post needs a certificate valid that day (rules.postCertificates; the validity
 *   rule is the claim's own, shared/claims/certificates.ts);
 * - 休息: from the end of one work shift to the start of the next at least rules.minRestHours;
 * - 连续上班: at most rules.maxConsecutiveDays working days in a row;
 * - 周工时: at most rules.maxWeeklyHours paid hours of work in a calendar week (Monday–Sunday);
 * - 配比: per work shift and day, 应配 = ⌈重度失能 ÷ perSevere + 其他 ÷ perOther⌉ against 实配, the people on the
 *   shift who may work it that day (a person failing 在职 or 证书 staffs nothing).
 * Cells before `from` (the days before the month) count for rest, days in a row and a week that
 * straddles the month's start; issues are reported inside from … to only. Linear in the cells: the
 * screen re-runs it whole on every keystroke (200 staff × 31 days in a few milliseconds).
 */
import { certificateValidOn } from '../claims/certificates';
import { addDays, dayNumber, fromDayNumber, weekStart } from '../domain/dates';
import { CERTIFICATE_NAMES } from '../domain/glossary';
import type { LocalDate } from '../domain/model';
import { POST_NAMES } from './defaults';
import { hoursText, shiftSpan } from './time';
import type { Coverage, DayCensus, RotaCell, RotaIssue, RotaRules, RotaStaff, ShiftType } from './types';

export interface RotaCheckInput {
  shiftTypes: readonly ShiftType[];
  rules: RotaRules;
  staff: readonly RotaStaff[];
  cells: readonly RotaCell[];
  census: readonly DayCensus[];
  from: LocalDate;
  to: LocalDate;
}

export interface RotaCheck {
  issues: RotaIssue[];
  coverage: Coverage[];
}

/** ⌈severe ÷ perSevere + other ÷ perOther⌉ in whole numbers (no rounding error at exact ratios). */
export function requiredStaff(t: Pick<ShiftType, 'perSevere' | 'perOther'>, c: Pick<DayCensus, 'severe' | 'other'>): number {
  const a = t.perSevere ?? 0;
  const b = t.perOther ?? 0;
  if (a > 0 && b > 0) return Math.ceil((c.severe * b + c.other * a) / (a * b));
  if (a > 0) return Math.ceil(c.severe / a);
  if (b > 0) return Math.ceil(c.other / b);
  return 0;
}

export const hasCoverage = (t: ShiftType): boolean => t.kind === 'work' && ((t.perSevere ?? 0) > 0 || (t.perOther ?? 0) > 0);

function employmentText(s: RotaStaff): string {
  return [s.employedFrom ? `${s.employedFrom} 入职` : null, s.employedTo ? `${s.employedTo} 离职` : null].filter(Boolean).join('，') || '无在职日期';
}

export function checkRota(input: RotaCheckInput): RotaCheck {
  const { rules, from, to } = input;
  const types = new Map(input.shiftTypes.map((t) => [t.id, t]));
  const staffById = new Map(input.staff.map((s) => [s.id, s]));
  const issues: RotaIssue[] = [];
  const inRange = (d: LocalDate) => from <= d && d <= to;
  /** staff counted on a shift: `${date}|${typeId}` → count */
  const staffed = new Map<string, number>();

  const byStaff = new Map<number, RotaCell[]>();
  for (const c of input.cells) {
    let list = byStaff.get(c.staffId);
    if (!list) byStaff.set(c.staffId, (list = []));
    list.push(c);
  }

  for (const [staffId, list] of byStaff) {
    const s = staffById.get(staffId);
    if (!s) continue;
    list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    let prev: { cell: RotaCell; type: ShiftType; end: number } | null = null;
    let run = 0;
    let lastWorkDay = Number.NaN;
    const weekMinutes = new Map<LocalDate, { minutes: number; lastInRange: LocalDate | null }>();

    for (const cell of list) {
      const t = types.get(cell.shiftTypeId);
      if (!t) continue;
      const judged = inRange(cell.date);
      let fit = true;
      if (t.kind !== 'rest' && ((s.employedFrom && cell.date < s.employedFrom) || (s.employedTo && cell.date > s.employedTo))) {
        fit = false;
        if (judged)
          issues.push({
            code: 'NOT_EMPLOYED',
            severity: 'error',
            staffId,
            date: cell.date,
            shiftTypeId: t.id,
            message: `${s.name} ${cell.date} 不在职（${employmentText(s)}），不能排${t.name}`,
          });
      }
      if (t.kind !== 'work') continue;
      const needed = t.post ? rules.postCertificates[t.post] : [];
      if (fit && needed.length > 0 && !s.certificates.some((c) => needed.includes(c.type) && certificateValidOn(c, cell.date))) {
        fit = false;
        if (judged) {
          const names = needed.map((n) => CERTIFICATE_NAMES[n]).join('或');
          issues.push({
            code: 'CERT_MISSING',
            severity: 'error',
            staffId,
            date: cell.date,
            shiftTypeId: t.id,
            message: `${s.name} ${cell.date} 的${t.name}是${POST_NAMES[t.post ?? 'other']}岗，须持当天有效的${names}，但没有`,
          });
        }
      }
      if (fit && judged) {
        const key = `${cell.date}|${t.id}`;
        staffed.set(key, (staffed.get(key) ?? 0) + 1);
      }

      const span = shiftSpan(t, cell.date);
      if (span) {
        if (prev && judged) {
          const rest = span.start - prev.end;
          if (rest < rules.minRestHours * 60) {
            issues.push({
              code: 'REST_SHORT',
              severity: 'warning',
              staffId,
              date: cell.date,
              shiftTypeId: t.id,
              message: `${s.name} ${prev.cell.date} ${prev.type.name}下班到 ${cell.date} ${t.name}上班只休息 ${hoursText(Math.max(0, rest))} 小时，少于 ${rules.minRestHours} 小时`,
            });
          }
        }
        prev = { cell, type: t, end: span.end };
      }

      const day = dayNumber(cell.date);
      run = day === lastWorkDay + 1 ? run + 1 : 1;
      lastWorkDay = day;
      if (run > rules.maxConsecutiveDays && judged) {
        issues.push({
          code: 'TOO_MANY_DAYS',
          severity: 'warning',
          staffId,
          date: cell.date,
          shiftTypeId: t.id,
          message: `${s.name} 到 ${cell.date} 已连续上班 ${run} 天（自 ${fromDayNumber(day - run + 1)} 起），超过 ${rules.maxConsecutiveDays} 天`,
        });
      }

      const week = weekStart(cell.date);
      const w = weekMinutes.get(week) ?? { minutes: 0, lastInRange: null };
      w.minutes += t.paidMinutes;
      if (judged) w.lastInRange = cell.date;
      weekMinutes.set(week, w);
    }

    for (const [week, w] of weekMinutes) {
      if (w.lastInRange && w.minutes > rules.maxWeeklyHours * 60) {
        issues.push({
          code: 'WEEK_HOURS',
          severity: 'warning',
          staffId,
          date: w.lastInRange,
          shiftTypeId: null,
          message: `${s.name} ${week} 至 ${addDays(week, 6)} 这一周排班 ${hoursText(w.minutes)} 小时，超过每周 ${rules.maxWeeklyHours} 小时`,
        });
      }
    }
  }

  const coverage: Coverage[] = [];
  const covered = input.shiftTypes.filter(hasCoverage).sort((a, b) => a.sort - b.sort);
  for (const c of input.census) {
    if (!inRange(c.date)) continue;
    for (const t of covered) {
      const required = requiredStaff(t, c);
      const assigned = staffed.get(`${c.date}|${t.id}`) ?? 0;
      coverage.push({ date: c.date, shiftTypeId: t.id, required, assigned });
      if (assigned < required) {
        const parts = [t.perSevere ? `重度失能 ${c.severe} 人按 1:${t.perSevere}` : null, t.perOther ? `其他 ${c.other} 人按 1:${t.perOther}` : null]
          .filter(Boolean)
          .join('、');
        issues.push({
          code: 'UNDERSTAFFED',
          severity: 'error',
          staffId: null,
          date: c.date,
          shiftTypeId: t.id,
          message: `${c.date} ${t.name}应配 ${required} 人（在院${parts}），实配 ${assigned} 人，缺 ${required - assigned} 人`,
        });
      }
    }
  }
  return { issues, coverage };
}

export const ROTA_ISSUE_NAMES = {
  NOT_EMPLOYED: '不在职',
  CERT_MISSING: '无有效证书',
  REST_SHORT: '休息不足',
  TOO_MANY_DAYS: '连续上班过多',
  WEEK_HOURS: '周工时超标',
  UNDERSTAFFED: '配比不足',
} as const;
