/**
 * Plan against done for a month (shared/plans/matchVisits.ts): planned visits before today with no
 * matching record are missed; recorded visits of planned clients that match nothing are unplanned.
 * Counted per caregiver and per client; the home page shows this week's.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PlanVsDone } from '../../../shared/api/plans';
import { addDays, monthEnd, monthStart, weekStart } from '../../../shared/domain/dates';
import type { LocalDate, Month } from '../../../shared/domain/model';
import { matchVisits, type Done } from '../../../shared/plans/matchVisits';
import { serviceToday } from '../db/clock';
import { readPlanRules } from './planFacts';
import { readPlanned } from './scheduleStore';

export function planVsDone(
  sql: BetterSqlite3.Database,
  from: LocalDate,
  to: LocalDate,
  month: Month = from.slice(0, 7),
  today: LocalDate = serviceToday(),
): PlanVsDone {
  const last = to < today ? to : addDays(today, -1);
  const planned = readPlanned(sql, from, last);
  const planClients = new Set((sql.prepare('SELECT resident_id FROM care_plans').pluck().all() as number[]).concat(planned.map((p) => p.residentId)));
  const done: Done[] = (
    sql.prepare('SELECT ref, resident_id, staff_id, start_at FROM visits WHERE start_at >= ? AND start_at < ?').all(from, `${addDays(last, 1)}`) as {
      ref: string;
      resident_id: number;
      staff_id: number;
      start_at: string;
    }[]
  )
    .filter((v) => planClients.has(v.resident_id))
    .map((v) => ({ ref: v.ref, residentId: v.resident_id, staffId: v.staff_id, date: v.start_at.slice(0, 10), start: v.start_at.slice(11, 16) }));
  const { pairs, missed, unplanned } = matchVisits(planned, done, readPlanRules(sql).matchToleranceMinutes);
  const names = new Map((sql.prepare('SELECT id, name FROM residents').all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  const staffNames = new Map((sql.prepare('SELECT id, name FROM staff').all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  const tally = <K>(key: (x: { residentId: number; staffId: number | null }) => K | null) => {
    const m = new Map<K, { planned: number; matched: number; missed: number; unplanned: number }>();
    const at = (k: K | null) => {
      if (k === null) return null;
      let t = m.get(k);
      if (!t) m.set(k, (t = { planned: 0, matched: 0, missed: 0, unplanned: 0 }));
      return t;
    };
    for (const p of planned) at(key(p))!.planned++;
    for (const [p] of pairs) at(key(p))!.matched++;
    for (const p of missed) at(key(p))!.missed++;
    for (const d of unplanned) at(key(d))!.unplanned++;
    return m;
  };
  return {
    month,
    matched: pairs.length,
    missed: missed.map((p) => ({
      plannedId: p.id,
      date: p.date,
      start: p.start,
      residentName: names.get(p.residentId) ?? '',
      staffName: p.staffId === null ? null : (staffNames.get(p.staffId) ?? null),
    })),
    unplanned: unplanned.map((d) => ({
      visitRef: d.ref,
      date: d.date,
      start: d.start,
      residentName: names.get(d.residentId) ?? '',
      staffName: staffNames.get(d.staffId) ?? '',
    })),
    byStaff: [...tally((x) => x.staffId)]
      .filter(([k]) => k !== null)
      .map(([k, t]) => ({ staffId: k as number, name: staffNames.get(k as number) ?? '', ...t })),
    byClient: [...tally((x) => x.residentId)].map(([k, t]) => ({ residentId: k, name: names.get(k) ?? '', ...t })),
  };
}

/** This week so far (Monday to yesterday), for 首页; null when nothing was planned for it. */
export function weekPlanVsDone(
  sql: BetterSqlite3.Database,
  today: LocalDate,
): { from: LocalDate; to: LocalDate; planned: number; matched: number; missed: number; unplanned: number } | null {
  const from = weekStart(today);
  const to = addDays(from, 6);
  const planned = sql.prepare('SELECT count(*) FROM planned_visits WHERE date BETWEEN ? AND ?').pluck().get(from, to) as number;
  if (planned === 0) return null;
  const r = planVsDone(sql, from, to, from.slice(0, 7), today);
  const count = (k: 'planned' | 'matched' | 'missed' | 'unplanned') => r.byClient.reduce((n, c) => n + c[k], 0);
  return { from, to, planned: count('planned'), matched: r.matched, missed: r.missed.length, unplanned: count('unplanned') };
}

export const monthPlanVsDone = (sql: BetterSqlite3.Database, month: Month): PlanVsDone => planVsDone(sql, monthStart(month), monthEnd(month), month);
