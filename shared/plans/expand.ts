/**
 * A month's visits asked for by the plans (before anyone is given them): each calendar week, the plan's
 * preferred weekdays in order (or, without any, days spread over the week: 3 a week → Monday, Wednesday,
 * Friday), on days the client is in home service with a level the pack pays, up to `visitsPerWeek`.
 */
import { addDays, dayNumber, isoWeekday, weekStart } from '../domain/dates';
import type { LocalDate } from '../domain/model';
import type { CarePlan } from './types';

export interface VisitDemand {
  residentId: number;
  date: LocalDate;
  /** earliest and latest start, minutes of the day */
  earliest: number;
  latest: number;
  minutes: number;
}

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The weekdays a plan visits: its own, or v spread over Monday…Sunday. */
export function planWeekdays(plan: CarePlan): number[] {
  if (plan.days.length > 0) return plan.days.slice(0, plan.visitsPerWeek);
  const v = Math.min(plan.visitsPerWeek, 7);
  return Array.from({ length: v }, (_x, i) => Math.floor((i * 7) / v) + 1);
}

export function expandPlan(plan: CarePlan, from: LocalDate, to: LocalDate, serviceable: (date: LocalDate) => boolean): VisitDemand[] {
  const out: VisitDemand[] = [];
  const days = planWeekdays(plan);
  const earliest = clock(plan.windowStart);
  const latest = Math.max(earliest, clock(plan.windowEnd) - plan.minutes);
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) {
    for (const wd of days) {
      const date = addDays(w, wd - 1);
      if (date < from || date > to || !serviceable(date)) continue;
      out.push({ residentId: plan.residentId, date, earliest, latest, minutes: plan.minutes });
    }
  }
  return out.sort((a, b) => dayNumber(a.date) - dayNumber(b.date) || a.earliest - b.earliest);
}

export const weekdayOf = isoWeekday;
