/**
 * How the documents print dates, levels, hours and day lists. One place, so the PDFs and the
 * workbook say the same thing the same way.
 */
import { addDays } from '../../../shared/domain/dates';
import { CARE_MODE_NAMES, LEVEL_NAMES } from '../../../shared/domain/glossary';
import type { CareMode, Level, LocalDate, Month } from '../../../shared/domain/model';

/** 2026-10 → 2026年10月 */
export function monthLabel(month: Month): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** 2026-11-05 → 2026年11月5日 (as forms are dated) */
export function dateLabel(date: LocalDate): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** 2026-10-15 → 10-15 (in tables whose month is in the title) */
export function shortDate(date: LocalDate): string {
  return date.slice(5, 10);
}

/** 4 → 4级（重度失能Ⅱ级） */
export function levelLabel(level: number): string {
  const name = LEVEL_NAMES[level as Level];
  return name ? `${level}级（${name}）` : `${level}级`;
}

export function modeLabel(mode: CareMode): string {
  return CARE_MODE_NAMES[mode];
}

/** Minutes as hours with two decimals, for display only (the claim keeps exact minutes). */
export function hoursLabel(minutes: number): string {
  return (Math.round((minutes * 100) / 60) / 100).toFixed(2);
}

/** Minutes as a number of hours rounded to 1/100 (workbook cells). */
export function hoursValue(minutes: number): number {
  return Math.round((minutes * 100) / 60) / 100;
}

/** A PDF/workbook timestamp for a local date: midnight China Standard Time, never the clock. */
export function documentDate(date: LocalDate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * Sorted dates of one month as runs: [10-10 … 10-14, 10-18 … 10-24] → 10日—14日、18日—24日.
 * Runs read faster than 31 numbers, and the calendar gives the day-by-day view.
 */
export function dayRanges(dates: readonly LocalDate[]): string {
  if (dates.length === 0) return '无';
  const sorted = [...dates].sort();
  const parts: string[] = [];
  let from = sorted[0] ?? '';
  let to = from;
  const day = (d: LocalDate) => `${Number(d.slice(8, 10))}日`;
  const flush = () => parts.push(from === to ? day(from) : `${day(from)}—${day(to)}`);
  for (const d of sorted.slice(1)) {
    if (d === addDays(to, 1)) {
      to = d;
      continue;
    }
    flush();
    from = d;
    to = d;
  }
  flush();
  return parts.join('、');
}

/** 2026-10-02T09:00 → 09:00 */
export function timeOf(dateTime: string): string {
  return dateTime.slice(11, 16);
}

/** Part n of a split document: 个人结算明细-03.pdf; a single part keeps the plain name. */
export function partFileName(base: string, index: number, parts: number): string {
  if (parts <= 1) return `${base}.pdf`;
  return `${base}-${String(index + 1).padStart(Math.max(2, String(parts).length), '0')}.pdf`;
}
