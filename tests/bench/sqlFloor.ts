/**
 * The floor for the month's claim: the least work any computation of it must do, as bare SQL over
 * the same rows. Two GROUP BY queries: the month's visits per client (count and minutes, a range
 * scan of the covering index visits_by_start), and each resident's days in the month per state
 * (present / hospital / leave), from the stay events with one window function.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { addDays, monthEnd, monthStart } from '../../shared/domain/dates';

export const VISIT_FLOOR_SQL = `SELECT resident_id, count(*) AS visits, sum(minutes) AS minutes FROM visits
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

export interface FloorResult {
  clients: number;
  visits: number;
  minutes: number;
  residentDays: number;
}

export function floorQueries(sql: BetterSqlite3.Database): { run: (month: string) => FloorResult; plans: Record<string, string[]> } {
  const visits = sql.prepare(VISIT_FLOOR_SQL).raw();
  const days = sql.prepare(DAYS_FLOOR_SQL).raw();
  const params = (month: string) => ({ first: monthStart(month), next: addDays(monthEnd(month), 1) });
  const plan = (q: string) =>
    (sql.prepare(`EXPLAIN QUERY PLAN ${q}`).all(params('2026-10')) as { detail: string }[]).map((r) => r.detail);
  return {
    run(month) {
      const p = params(month);
      const v = visits.all(p) as [number, number, number][];
      const d = days.all(p) as [number, string, number][];
      let n = 0;
      let minutes = 0;
      for (const [, c, m] of v) {
        n += c;
        minutes += m;
      }
      return { clients: v.length, visits: n, minutes, residentDays: d.reduce((s, [, , x]) => s + x, 0) };
    },
    plans: { visits: plan(VISIT_FLOOR_SQL), days: plan(DAYS_FLOOR_SQL) },
  };
}
