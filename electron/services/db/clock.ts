/**
 * Timestamps of record-keeping (audit rows, migrations, backups): the local wall-clock time with its
 * offset, so a reader in the institution sees its own clock and the instant stays unambiguous.
 * Calendar dates of the domain never go through here (docs/rules.md §5.2), except today's (serviceToday, §5.3).
 */
import { isValidDate } from '../../../shared/domain/dates';
import type { LocalDate } from '../../../shared/domain/model';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Today on the institution's calendar, as every service judges it ("a date after today is refused",
 * reminders, statuses): the one source of today on the services' side. `LTC_TODAY=YYYY-MM-DD` in the
 * environment pins it, so the tests (unit, the `ltc` and host processes the e2e tests start) control
 * today; a value that is not a date is an error (a typo must not leave a test on the real day). It is
 * never set in an installed app. The audit's timestamps keep the real clock.
 */
export function serviceToday(d: Date = new Date()): LocalDate {
  const pinned = process.env['LTC_TODAY'];
  if (pinned !== undefined && pinned !== '') {
    if (!isValidDate(pinned)) throw new Error(`LTC_TODAY 应为 YYYY-MM-DD 格式的日期（现为“${pinned}”）`);
    return pinned;
  }
  return localTimestamp(d).slice(0, 10);
}

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
