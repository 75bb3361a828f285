/**
 * Timestamps of record-keeping (audit rows, migrations, backups): the local wall-clock time with its
 * offset, so a reader in the institution sees its own clock and the instant stays unambiguous.
 * Calendar dates of the domain never go through here (DOMAIN.md section 5), except today's (localToday).
 */
import { isValidDate } from '../../../shared/domain/dates';
import type { LocalDate } from '../../../shared/domain/model';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2026-10-02T09:00:00.123+08:00` */
export function localTimestamp(d: Date = new Date()): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** `20261002-090000`: safe in a file name on every platform (no colons). */
export function fileStamp(d: Date = new Date()): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

/**
 * The institution's calendar date today (DOMAIN.md 5: a local date, never UTC): what "today" means to
 * every service (reminders, standing, the demo's window, a package's date). `LTC_TODAY=YYYY-MM-DD` sets
 * it for a process, so a test can put the host and `ltc` on a known day instead of the machine's.
 */
export function localToday(d: Date = new Date()): LocalDate {
  const fixed = process.env['LTC_TODAY'];
  if (fixed === undefined || fixed === '') return localTimestamp(d).slice(0, 10);
  // A mistyped override must not quietly become the real date: the test would pass for the wrong reason.
  if (!isValidDate(fixed)) throw new RangeError(`LTC_TODAY must be a date YYYY-MM-DD, got “${fixed}”`);
  return fixed;
}
