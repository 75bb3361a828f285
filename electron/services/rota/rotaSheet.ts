/**
 * What the printed and exported rota shows, computed once for both: the month's days, each staff
 * member's shifts and paid hours, and the coverage rows (应配/实配) with the checks' issues.
 */
import type { RotaMonthView } from '../../../shared/api/rota';
import { datesOfMonth, isoWeekday, weekStart, addDays } from '../../../shared/domain/dates';
import type { LocalDate } from '../../../shared/domain/model';
import { checkRota, type RotaCheck } from '../../../shared/rota/checks';
import { POST_NAMES } from '../../../shared/rota/defaults';
import type { ShiftType } from '../../../shared/rota/types';
import { STAFF_ROLE_NAMES } from '../../../shared/domain/glossary';

export const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日'] as const;

export interface SheetRow {
  staffId: number;
  ref: string;
  name: string;
  role: string;
  /** date → shift type */
  shifts: Map<LocalDate, ShiftType>;
  paidMinutes: number;
}

export interface RotaSheet {
  view: RotaMonthView;
  dates: LocalDate[];
  rows: SheetRow[];
  check: RotaCheck;
  types: Map<number, ShiftType>;
  /** Monday of each calendar week touching the month */
  weeks: LocalDate[];
}

export function rotaSheet(view: RotaMonthView): RotaSheet {
  const dates = datesOfMonth(view.month);
  const types = new Map(view.shiftTypes.map((t) => [t.id, t]));
  const rows = new Map<number, SheetRow>();
  for (const s of view.staff) {
    rows.set(s.id, { staffId: s.id, ref: s.ref, name: s.name, role: s.role ? STAFF_ROLE_NAMES[s.role] : '', shifts: new Map(), paidMinutes: 0 });
  }
  for (const c of view.cells) {
    const row = rows.get(c.staffId);
    const t = types.get(c.shiftTypeId);
    if (!row || !t || c.date < view.from) continue;
    row.shifts.set(c.date, t);
    if (t.kind === 'work') row.paidMinutes += t.paidMinutes;
  }
  const check = checkRota({ ...view, cells: view.cells });
  const weeks: LocalDate[] = [];
  for (let w = weekStart(view.from); w <= view.to; w = addDays(w, 7)) weeks.push(w);
  return { view, dates, rows: [...rows.values()], check, types, weeks };
}

export const dayHeader = (date: LocalDate): string => `${Number(date.slice(8))}\n${WEEKDAYS[isoWeekday(date)]}`;

export function shiftLegend(types: readonly ShiftType[]): string {
  return types.map((t) => (t.kind === 'work' ? `${t.name}(${t.key}) ${t.start}–${t.end} ${POST_NAMES[t.post ?? 'other']}` : `${t.name}(${t.key})`)).join('；');
}
