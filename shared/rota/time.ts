/** A shift's times as minutes, for rest between shifts (no time zone: the institution's clock). */
import { dayNumber } from '../domain/dates';
import type { LocalDate } from '../domain/model';
import type { ShiftType } from './types';

export const clockMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Start and end of a work shift on `date`, in minutes since the epoch; a shift ending at or before its start ends the next day. */
export function shiftSpan(t: ShiftType, date: LocalDate): { start: number; end: number } | null {
  if (t.kind !== 'work' || !t.start || !t.end) return null;
  const day = dayNumber(date) * 1440;
  const start = day + clockMinutes(t.start);
  let end = day + clockMinutes(t.end);
  if (end <= start) end += 1440;
  return { start, end };
}

/** `7.5` hours as people say them: at most one decimal. */
export const hoursText = (minutes: number): string => String(Math.round((minutes / 60) * 10) / 10);
