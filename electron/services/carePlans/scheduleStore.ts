/**
 * The month schedule (派单): read with its conflicts, stored when the head nurse accepts a suggestion
 * (the days from `from` on are replaced; days before stay as they were: what happened is not rewritten),
 * audited with the counts.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ScheduleView } from '../../../shared/api/plans';
import { monthEnd, monthOf, monthStart } from '../../../shared/domain/dates';
import type { GeoPoint, Month } from '../../../shared/domain/model';
import { areaOf } from '../../../shared/plans/area';
import { scheduleConflicts, type ConflictFacts } from '../../../shared/plans/conflicts';
import type { PlannedVisit } from '../../../shared/plans/types';
import { recordAudit } from '../audit/auditLog';
import type { LtcDatabase } from '../db/database';
import { InputError } from '../errors';
import { caregivers, readPlanRules, readPlans, requirePolicy } from './planFacts';

export function readPlanned(sql: BetterSqlite3.Database, from: string, to: string): PlannedVisit[] {
  return (
    sql
      .prepare('SELECT id, resident_id, staff_id, date, start, minutes FROM planned_visits WHERE date BETWEEN ? AND ? ORDER BY date, start, id')
      .all(from, to) as { id: number; resident_id: number; staff_id: number | null; date: string; start: string; minutes: number }[]
  ).map((r) => ({
    id: r.id,
    residentId: r.resident_id,
    staffId: r.staff_id,
    date: r.date,
    start: r.start,
    minutes: r.minutes,
  }));
}

export function conflictFacts(
  sql: BetterSqlite3.Database,
): ConflictFacts & { items: Map<number, string[]>; addresses: Map<number, string | null>; itemNames: Map<string, string> } {
  const policy = requirePolicy(sql);
  const plans = readPlans(sql);
  const medical = new Set(policy.catalogue.items.filter((i) => i.class === 'medical').map((i) => i.code));
  const residents = new Map<number, { name: string; area: ReturnType<typeof areaOf>; at: GeoPoint | null; excluded: number[]; needsNurse: boolean }>();
  // where a client's visits were checked in, the latest point: the home's coordinates for the trip
  const at = new Map<number, GeoPoint>();
  for (const v of sql
    .prepare(
      'SELECT resident_id, check_in_lat AS lat, check_in_lng AS lng FROM visits WHERE check_in_lat IS NOT NULL AND check_in_lng IS NOT NULL ORDER BY start_at',
    )
    .all() as { resident_id: number; lat: number; lng: number }[])
    at.set(v.resident_id, { lat: v.lat, lng: v.lng });
  const addresses = new Map<number, string | null>();
  const items = new Map<number, string[]>();
  for (const r of sql.prepare('SELECT id, name, address FROM residents').all() as { id: number; name: string; address: string | null }[]) {
    const plan = plans.get(r.id);
    residents.set(r.id, {
      name: r.name,
      area: areaOf(r.address),
      at: at.get(r.id) ?? null,
      excluded: plan?.excludedStaffIds ?? [],
      needsNurse: !!plan?.items.some((c) => medical.has(c)),
    });
    addresses.set(r.id, r.address);
    items.set(r.id, plan?.items ?? []);
  }
  const staff = new Map(caregivers(sql).map((s) => [s.id, s]));
  const itemNames = new Map(policy.catalogue.items.map((i) => [i.code, i.name]));
  return { rules: readPlanRules(sql), residents, staff, items, addresses, itemNames };
}

export function scheduleView(db: LtcDatabase, month: Month): ScheduleView {
  const visits = readPlanned(db.raw, monthStart(month), monthEnd(month));
  const f = conflictFacts(db.raw);
  return {
    month,
    visits: visits.map((v) => ({
      ...v,
      residentName: f.residents.get(v.residentId)?.name ?? '',
      staffName: v.staffId === null ? null : (f.staff.get(v.staffId)?.name ?? null),
      address: f.addresses.get(v.residentId) ?? null,
      items: f.items.get(v.residentId) ?? [],
      itemNames: (f.items.get(v.residentId) ?? []).map((c) => f.itemNames.get(c) ?? c),
    })),
    conflicts: scheduleConflicts(visits, f),
  };
}

export function saveSchedule(
  db: LtcDatabase,
  input: { month: Month; from: string; visits: readonly Omit<PlannedVisit, 'id'>[] },
  actor: string,
): { stored: number } {
  if (monthOf(input.from) !== input.month) throw new InputError(`开始日期应在 ${input.month} 之内`, [{ path: 'from', message: '日期不在本月' }]);
  const outside = input.visits.find((v) => v.date < input.from || monthOf(v.date) !== input.month);
  if (outside) throw new InputError(`${outside.date} 不在 ${input.from} 至 ${monthEnd(input.month)} 之间`, [{ path: 'visits', message: '日期不在范围内' }]);
  return db.transaction(() => {
    const removed = db.raw.prepare('DELETE FROM planned_visits WHERE date BETWEEN ? AND ?').run(input.from, monthEnd(input.month)).changes;
    const put = db.raw.prepare('INSERT INTO planned_visits (resident_id, staff_id, date, start, minutes) VALUES (?, ?, ?, ?, ?)');
    for (const v of input.visits) put.run(v.residentId, v.staffId, v.date, v.start, v.minutes);
    recordAudit(db, {
      actor,
      action: 'update',
      entity: 'visit-schedule',
      entityId: input.month,
      after: { from: input.from, removed, added: input.visits.length, unassigned: input.visits.filter((v) => v.staffId === null).length },
    });
    return { stored: input.visits.length };
  });
}
