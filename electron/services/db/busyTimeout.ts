// Every connection to a database file, the owner's and each short-lived probe's, waits this long for a lock
// another connection holds before it gives up with SQLITE_BUSY: one figure, set in one place.

/** The wait, given to better-sqlite3 as `timeout` when a connection opens (its pragma busy_timeout). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The wait in force: BUSY_TIMEOUT_MS, or LTC_BUSY_TIMEOUT_MS (whole milliseconds) where a test of a held
 * file would otherwise sit through the full wait each time it opens it.
 */
export function busyTimeoutMs(): number {
  const raw = process.env['LTC_BUSY_TIMEOUT_MS'];
  const set = Number(raw);
  return raw && Number.isInteger(set) && set >= 0 ? set : BUSY_TIMEOUT_MS;
}
