/**
 * The floor for the month's claim: the least work any computation of it must do, as bare SQL over
 * the same rows the claim reads. Four GROUP BY queries, each row read once:
 * - the month's visits per client: count, minutes, confirmed ones, and the number of their item
 *   rows (a range scan of the start index; confirmed is in the table, and each visit's items are
 *   read from visit_items' primary key, as the claim reads them);
 * - each resident's days in the month per state (present / hospital / leave), from the stay events
 *   with one window function;
 * - each resident's latest assessment conclusion (every assessment row);
 * - each staff member's latest certificate expiry (every certificate row).
 * `visitsAndDays` is the floor as it was first defined (the first two queries without the visits'
 * confirmation and items), kept for comparison.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { addDays, monthEnd, monthStart } from '../../shared/domain/dates';

export const VISIT_FLOOR_SQL = `SELECT resident_id, count(*) AS visits, sum(minutes) AS minutes, sum(confirmed) AS confirmed,
    sum((SELECT count(*) FROM visit_items WHERE visit_id = v.id)) AS items
  FROM visits v WHERE start_at >= @first AND start_at < @next GROUP BY resident_id`;

/** The first floor's visit query: the covering index alone, no confirmation, no items. */
export const VISIT_INDEX_FLOOR_SQL = `SELECT resident_id, count(*) AS visits, sum(minutes) AS minutes FROM visits
  WHERE start_at >= @first AND start_at < @next GROUP BY resident_id`;

/** The state an event starts lasts until the next event (算入不算出: the day out does not count). */
export const DAYS_FLOOR_SQL = `WITH spans AS (
    SELECT resident_id, type, date AS start,
      coalesce(lead(date) OVER (PARTITION BY resident_id ORDER BY date, seq), @next) AS finish
    FROM stay_events WHERE date < @next
  )
  SELECT resident_id,
    CASE type WHEN 'hospital' THEN 'hospital' WHEN 'leave' THEN 'leave' ELSE 'present' END AS state,
    sum(julianday(min(finish, @next)) - julianday(max(start, @first))) AS days
  FROM spans
  WHERE type IN ('admit', 'return', 'hospital', 'leave') AND finish > @first
  GROUP BY resident_id, state`;

export const ASSESSMENT_FLOOR_SQL = 'SELECT resident_id, count(*), max(concluded_on) FROM assessments GROUP BY resident_id';

export const CERTIFICATE_FLOOR_SQL = 'SELECT staff_id, count(*), max(coalesce(expires_on, issued_on)) FROM certificates GROUP BY staff_id';

export interface FloorResult {
  clients: number;
  visits: number;
  minutes: number;
  residentDays: number;
  confirmed?: number;
  items?: number;
  assessments?: number;
  certificates?: number;
}

type Run = (month: string) => FloorResult;

export function floorQueries(sql: BetterSqlite3.Database): { run: Run; visitsAndDays: Run; plans: Record<string, string[]> } {
  const visits = sql.prepare(VISIT_FLOOR_SQL).raw();
  const indexVisits = sql.prepare(VISIT_INDEX_FLOOR_SQL).raw();
  const days = sql.prepare(DAYS_FLOOR_SQL).raw();
  const assessments = sql.prepare(ASSESSMENT_FLOOR_SQL).raw();
  const certificates = sql.prepare(CERTIFICATE_FLOOR_SQL).raw();
  const params = (month: string) => ({ first: monthStart(month), next: addDays(monthEnd(month), 1) });
  const plan = (q: string, withParams = true) =>
    (sql.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...(withParams ? [params('2026-10')] : [])) as { detail: string }[]).map((r) => r.detail);
  const residentDays = (p: ReturnType<typeof params>) => (days.all(p) as [number, string, number][]).reduce((s, [, , x]) => s + x, 0);
  const rowsAndSum = (rows: [number, number, ...unknown[]][]) => rows.reduce((s, r) => s + r[1], 0);
  return {
    run(month) {
      const p = params(month);
      const v = visits.all(p) as [number, number, number, number, number][];
      let n = 0;
      let minutes = 0;
      let confirmed = 0;
      let items = 0;
      for (const [, c, m, k, i] of v) {
        n += c;
        minutes += m;
        confirmed += k;
        items += i;
      }
      return {
        clients: v.length,
        visits: n,
        minutes,
        confirmed,
        items,
        residentDays: residentDays(p),
        assessments: rowsAndSum(assessments.all() as [number, number][]),
        certificates: rowsAndSum(certificates.all() as [number, number][]),
      };
    },
    visitsAndDays(month) {
      const p = params(month);
      const v = indexVisits.all(p) as [number, number, number][];
      let n = 0;
      let minutes = 0;
      for (const [, c, m] of v) {
        n += c;
        minutes += m;
      }
      return { clients: v.length, visits: n, minutes, residentDays: residentDays(p) };
    },
    plans: {
      visits: plan(VISIT_FLOOR_SQL),
      days: plan(DAYS_FLOOR_SQL),
      assessments: plan(ASSESSMENT_FLOOR_SQL, false),
      certificates: plan(CERTIFICATE_FLOOR_SQL, false),
    },
  };
}
