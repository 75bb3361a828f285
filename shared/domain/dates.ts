/**
 * Calendar arithmetic on local date strings. Dates are days, not instants: everything goes through
 * a day number (days since 1970-01-01 in the proleptic Gregorian calendar), computed with Date.UTC
 * so no time zone can shift a day (docs/rules.md §5: no UTC conversion of calendar dates, ever).
 */
import type { LocalDate, LocalDateTime, Month } from './model';

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

// The claim does date arithmetic on every resident and visit of a month (`npm run bench`), so the
// common case is plain integer arithmetic (H. Hinnant's days_from_civil / civil_from_days, the
// proleptic Gregorian calendar, exactly what Date.UTC computes); Date stays the fallback for
// anything outside years 1000–9999 or not made of digits.
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => pad2(n));
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days since 1970-01-01 of year y, month m (1–12), day d; any integers, as Date.UTC. */
function daysFromCivil(year: number, month: number, d: number): number {
  // months past December (or before January) roll into the next (or previous) years
  const y = year + Math.floor((month - 1) / 12);
  const m = month - 12 * Math.floor((month - 1) / 12);
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The digits of s[from, from+len) as a number, or NaN if any is not a digit. */
function digits(s: string, from: number, len: number): number {
  let n = 0;
  for (let k = from; k < from + len; k++) {
    const c = s.charCodeAt(k) - 48;
    if (!(c >= 0 && c <= 9)) return NaN;
    n = n * 10 + c;
  }
  return n;
}

export function daysInMonth(year: number, month: number): number {
  if (Number.isInteger(year) && year >= 1000 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12) {
    return month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] as number);
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isValidDate(s: string): boolean {
  // `^\d{4}-\d{2}-\d{2}$` by character codes (the claim checks every date it turns into a day number)
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
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
  const y = date.length === 10 ? digits(date, 0, 4) : NaN;
  const m = digits(date, 5, 2);
  const d = digits(date, 8, 2);
  if (y >= 1000 && m === m && d === d) return daysFromCivil(y, m, d);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** The day number of a date, or NaN when it is not a real date (isValidDate). */
export function validDayNumber(date: string): number {
  return isValidDate(date) ? dayNumber(date) : Number.NaN;
}

/** -354,285 … 2,932,896: 1000-01-01 … 9999-12-31. */
const FAST_DAYS = { from: daysFromCivil(1000, 1, 1), to: daysFromCivil(9999, 12, 31) };

export function fromDayNumber(n: number): LocalDate {
  if (Number.isInteger(n) && n >= FAST_DAYS.from && n <= FAST_DAYS.to) {
    // civil_from_days
    const z = n + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return `${y}-${TWO_DIGITS[m] as string}-${TWO_DIGITS[d] as string}`;
  }
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
