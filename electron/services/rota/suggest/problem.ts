/**
 * 排班建议's problem, built from a month's rota (everything the checks use) for the days asked: which
 * cells are free, who may work which shift on which day, and how many more people each shift needs.
 * Plain data, so it crosses to the solver's worker thread as is.
 */
import type { RotaMonthView } from '../../../../shared/api/rota';
import { certificateValidOn } from '../../../../shared/claims/certificates';
import { addDays, dayNumber, isoWeekday, weekStart } from '../../../../shared/domain/dates';
import type { LocalDate } from '../../../../shared/domain/model';
import { checkRota, hasCoverage } from '../../../../shared/rota/checks';
import { shiftSpan } from '../../../../shared/rota/time';
import type { RotaRules, ShiftType } from '../../../../shared/rota/types';

export interface SuggestStaff {
  id: number;
  name: string;
  /** the fairness group (岗位): hours, nights and weekends are balanced within it */
  group: string;
  /** day index → shift type ids this person may newly be given (free cell, employed, certificate valid) */
  may: number[][];
  /** day index → the cell already set (kept): a type id, or null when free */
  fixed: (number | null)[];
  /** minutes of work already set in each calendar week (by the week's Monday), days before the period included */
  weekMinutes: Record<LocalDate, number>;
  /** working days right before the period, counted back from its first day (for days in a row) */
  workedBefore: number;
  /** the shift worked the day before the period, if any (rest) */
  dayBefore: number | null;
}

export interface SuggestProblem {
  from: LocalDate;
  dates: LocalDate[];
  rules: RotaRules;
  /** the work shifts with a coverage requirement */
  shifts: ShiftType[];
  allTypes: ShiftType[];
  staff: SuggestStaff[];
  /** [day][shift index]: required, and already staffed by the kept cells */
  required: number[][];
  staffed: number[][];
}

export const isNight = (t: ShiftType): boolean => !!t.start && !!t.end && t.end <= t.start;
export const isWeekend = (date: LocalDate): boolean => isoWeekday(date) >= 6;

/** Rest between a shift on one day and one on the next is too short. */
export function restClash(a: ShiftType, b: ShiftType, rules: RotaRules): boolean {
  const x = shiftSpan(a, '2026-01-01');
  const y = shiftSpan(b, '2026-01-02');
  return !!x && !!y && y.start - x.end < rules.minRestHours * 60;
}

export function buildProblem(view: RotaMonthView, from: LocalDate, to: LocalDate): SuggestProblem {
  const dates: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  const types = new Map(view.shiftTypes.map((t) => [t.id, t]));
  const shifts = view.shiftTypes.filter(hasCoverage).sort((a, b) => a.sort - b.sort);
  const check = checkRota({ ...view, from, to });
  const required = dates.map((d) => shifts.map((t) => check.coverage.find((c) => c.date === d && c.shiftTypeId === t.id)?.required ?? 0));
  const staffed = dates.map((d) => shifts.map((t) => check.coverage.find((c) => c.date === d && c.shiftTypeId === t.id)?.assigned ?? 0));
  const cellOf = new Map(view.cells.map((c) => [`${c.staffId}|${c.date}`, c.shiftTypeId]));
  const staff = view.staff.map((s): SuggestStaff => {
    const fixed = dates.map((d) => cellOf.get(`${s.id}|${d}`) ?? null);
    const may = dates.map((d, i) => {
      if (fixed[i] !== null) return [];
      if ((s.employedFrom && d < s.employedFrom) || (s.employedTo && d > s.employedTo)) return [];
      return shifts
        .filter((t) => {
          const needed = view.rules.postCertificates[t.post ?? 'other'];
          return needed.length === 0 || s.certificates.some((c) => needed.includes(c.type) && certificateValidOn(c, d));
        })
        .map((t) => t.id);
    });
    const weekMinutes: Record<LocalDate, number> = {};
    for (const c of view.cells) {
      const t = types.get(c.shiftTypeId);
      if (c.staffId !== s.id || !t || t.kind !== 'work' || c.date > to) continue;
      const w = weekStart(c.date);
      if (w >= weekStart(from) || c.date >= from) weekMinutes[w] = (weekMinutes[w] ?? 0) + t.paidMinutes;
    }
    let workedBefore = 0;
    for (let d = addDays(from, -1); types.get(cellOf.get(`${s.id}|${d}`) ?? -1)?.kind === 'work'; d = addDays(d, -1)) workedBefore++;
    const before = cellOf.get(`${s.id}|${addDays(from, -1)}`);
    return {
      id: s.id,
      name: s.name,
      group: s.role === 'nurse' || s.role === 'head-nurse' ? 'nurse' : (s.role ?? 'other'),
      may,
      fixed,
      weekMinutes,
      workedBefore,
      dayBefore: before !== undefined && types.get(before)?.kind === 'work' ? before : null,
    };
  });
  return { from, dates, rules: view.rules, shifts, allTypes: view.shiftTypes, staff, required, staffed };
}

export const dayIndex = (p: SuggestProblem, date: LocalDate): number => dayNumber(date) - dayNumber(p.from);
