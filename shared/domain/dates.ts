/**
 * Calendar arithmetic on local date strings. Dates are days, not instants: everything goes through
 * a day number (days since 1970-01-01 in the proleptic Gregorian calendar), computed with Date.UTC
 * so no time zone can shift a day (DOMAIN.md section 5: no UTC conversion of calendar dates, ever).
 */
import type { LocalDate, LocalDateTime, Month } from './model';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** True for a real local date-time in `YYYY-MM-DDTHH:mm` form. */
export function isValidDateTime(s: string): boolean {
  const m = DATETIME_RE.exec(s);
  if (!m) return false;
  return isValidDate(s.slice(0, 10)) && Number(m[4]) <= 23 && Number(m[5]) <= 59;
}

export function isValidMonth(s: string): boolean {
  const m = MONTH_RE.exec(s);
  return !!m && Number(m[1]) >= 1900 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** Day number of a valid date. */
export function dayNumber(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(n: number): LocalDate {
  const d = new Date(n * MS_PER_DAY);
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Adds calendar months, clamping the day to the target month's length (01-31 + 1 month = 02-28). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(ty, tm + 1));
  return `${pad4(ty)}-${pad2(tm + 1)}-${pad2(d)}`;
}

export function firstOfNextMonth(date: LocalDate): LocalDate {
  return addMonths(`${date.slice(0, 7)}-01`, 1);
}

export function monthOf(dateOrTime: LocalDate | LocalDateTime): Month {
  return dateOrTime.slice(0, 7);
}

export function dateOf(dateTime: LocalDateTime): LocalDate {
  return dateTime.slice(0, 10);
}

export function monthStart(month: Month): LocalDate {
  return `${month}-01`;
}

export function monthEnd(month: Month): LocalDate {
  return `${month}-${pad2(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))))}`;
}

export function addMonthsToMonth(month: Month, months: number): Month {
  return addMonths(`${month}-01`, months).slice(0, 7);
}

/** Every date of a month, in order. */
export function datesOfMonth(month: Month): LocalDate[] {
  const first = dayNumber(monthStart(month));
  const last = dayNumber(monthEnd(month));
  const out: LocalDate[] = [];
  for (let n = first; n <= last; n++) out.push(fromDayNumber(n));
  return out;
}

/** Minutes since the epoch of a local date-time, for durations and overlaps (no time zone). */
export function minuteNumber(dateTime: LocalDateTime): number {
  return dayNumber(dateTime.slice(0, 10)) * 1440 + Number(dateTime.slice(11, 13)) * 60 + Number(dateTime.slice(14, 16));
}

/** Minutes from start to end; negative when end is before start. */
export function minutesBetween(start: LocalDateTime, end: LocalDateTime): number {
  return minuteNumber(end) - minuteNumber(start);
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday that starts the calendar week (Monday to Sunday) holding `date`. */
export function weekStart(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}
