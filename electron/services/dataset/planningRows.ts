/**
 * The dataset's version-1.1 sections (docs/architecture.md, interchange files): 排班 (shift types by name,
 * the grid's cells by staff ref, the published months), 服务计划 (one per home client, by resident ref) and
 * 派单 (planned visits). Export reads them in a stable order; import merges them like the rest of the file:
 * what is already identical is skipped, so the same file imported twice changes nothing.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DatasetCarePlan, DatasetPlannedVisit, DatasetRota, DatasetShiftType } from '../../../shared/domain/model';
import { readPlans } from '../carePlans/planFacts';
import { localTimestamp } from '../db/clock';
import { DatasetError } from './errors';

export interface PlanningCounts {
  rotaCells?: { added: number; skipped: number };
  carePlans?: { added: number; skipped: number };
  plannedVisits?: { added: number; skipped: number };
}

interface ShiftRow {
  id: number;
  key: string;
  name: string;
  kind: 'work' | 'rest' | 'leave';
  start: string | null;
  end: string | null;
  paid_minutes: number;
  post: 'nurse' | 'caregiver' | 'other' | null;
  color: string;
  per_severe: number | null;
  per_other: number | null;
}

const shiftOf = (r: ShiftRow): DatasetShiftType => ({
  key: r.key,
  name: r.name,
  kind: r.kind,
  ...(r.start ? { start: r.start } : {}),
  ...(r.end ? { end: r.end } : {}),
  paidMinutes: r.paid_minutes,
  ...(r.post ? { post: r.post } : {}),
  color: r.color,
  ...(r.per_severe ? { perSevere: r.per_severe } : {}),
  ...(r.per_other ? { perOther: r.per_other } : {}),
});

/** The 1.1 sections as stored; each absent when there is nothing of it. */
export function readPlanning(
  sql: BetterSqlite3.Database,
  residentRefs: Map<number, string>,
  staffRefs: Map<number, string>,
): { rota?: DatasetRota; carePlans?: DatasetCarePlan[]; plannedVisits?: DatasetPlannedVisit[] } {
  const out: { rota?: DatasetRota; carePlans?: DatasetCarePlan[]; plannedVisits?: DatasetPlannedVisit[] } = {};
  const types = sql.prepare('SELECT * FROM shift_types ORDER BY sort, id').all() as ShiftRow[];
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const cells = (
    sql.prepare('SELECT staff_id, date, shift_type_id FROM rota_cells ORDER BY staff_id, date').all() as {
      staff_id: number;
      date: string;
      shift_type_id: number;
    }[]
  ).map((c) => ({
    staff: staffRefs.get(c.staff_id)!,
    date: c.date,
    shift: typeName.get(c.shift_type_id)!,
  }));
  const published = (
    sql.prepare('SELECT month, published_at AS at, published_by AS by FROM rota_months ORDER BY month').all() as { month: string; at: string; by: string }[]
  ).map((p) => ({ ...p }));
  if (cells.length || published.length) out.rota = { shiftTypes: types.map(shiftOf), cells, published };

  // the plans as the services read them (carePlans/planFacts.ts), ids turned into the file's refs
  const plans = [...readPlans(sql).values()].sort((x, y) => x.residentId - y.residentId);
  if (plans.length) {
    out.carePlans = plans.map((p) => ({
      resident: residentRefs.get(p.residentId)!,
      items: p.items,
      visitsPerWeek: p.visitsPerWeek,
      minutes: p.minutes,
      days: p.days,
      windowStart: p.windowStart,
      windowEnd: p.windowEnd,
      ...(p.preferredStaffId !== null ? { preferredStaff: staffRefs.get(p.preferredStaffId)! } : {}),
      excludedStaff: p.excludedStaffIds.map((id) => staffRefs.get(id)!),
      ...(p.note ? { note: p.note } : {}),
    }));
  }
  const planned = sql.prepare('SELECT resident_id, staff_id, date, start, minutes FROM planned_visits ORDER BY date, start, id').all() as {
    resident_id: number;
    staff_id: number | null;
    date: string;
    start: string;
    minutes: number;
  }[];
  if (planned.length) {
    out.plannedVisits = planned.map((v) => ({
      resident: residentRefs.get(v.resident_id)!,
      ...(v.staff_id !== null ? { staff: staffRefs.get(v.staff_id)! } : {}),
      date: v.date,
      start: v.start,
      minutes: v.minutes,
    }));
  }
  return out;
}

type Ids = Map<string, number | bigint>;

/** Stores the file's 1.1 sections (inside the import's transaction). */
export function importPlanning(
  sql: BetterSqlite3.Database,
  d: { rota?: DatasetRota | undefined; carePlans?: DatasetCarePlan[] | undefined; plannedVisits?: DatasetPlannedVisit[] | undefined },
  residentIds: Ids,
  staffIds: Ids,
): PlanningCounts {
  const out: PlanningCounts = {};
  if (d.rota) {
    const byName = new Map((sql.prepare('SELECT * FROM shift_types').all() as ShiftRow[]).map((t) => [t.name, t]));
    const keyHolder = sql.prepare('SELECT name FROM shift_types WHERE upper(key) = upper(?) AND name <> ?').pluck();
    const update = sql.prepare(
      'UPDATE shift_types SET key = @key, kind = @kind, start = @start, end = @end, paid_minutes = @paidMinutes, post = @post, color = @color, per_severe = @perSevere, per_other = @perOther WHERE name = @name',
    );
    const insert = sql.prepare(
      'INSERT INTO shift_types (key, name, kind, start, end, paid_minutes, post, color, per_severe, per_other, sort) VALUES (@key, @name, @kind, @start, @end, @paidMinutes, @post, @color, @perSevere, @perOther, (SELECT coalesce(max(sort), 0) + 1 FROM shift_types))',
    );
    for (const t of d.rota.shiftTypes) {
      const row = {
        key: t.key,
        name: t.name,
        kind: t.kind,
        start: t.start ?? null,
        end: t.end ?? null,
        paidMinutes: t.paidMinutes,
        post: t.post ?? null,
        color: t.color,
        perSevere: t.perSevere ?? null,
        perOther: t.perOther ?? null,
      };
      const held = keyHolder.get(t.key, t.name) as string | undefined;
      if (held) throw new DatasetError('IMPORT_INVALID', `班次“${t.name}”的快捷键 ${t.key} 已被本机构的班次“${held}”使用，已取消整个导入：请改一个快捷键`);
      const known = byName.get(t.name);
      if (!known) insert.run(row);
      else if (JSON.stringify(shiftOf(known)) !== JSON.stringify(t)) update.run(row);
    }
    const typeId = new Map((sql.prepare('SELECT name, id FROM shift_types').all() as { name: string; id: number }[]).map((t) => [t.name, t.id]));
    const current = sql.prepare('SELECT shift_type_id FROM rota_cells WHERE staff_id = ? AND date = ?').pluck();
    const put = sql.prepare(
      'INSERT INTO rota_cells (staff_id, date, shift_type_id) VALUES (?, ?, ?) ON CONFLICT (staff_id, date) DO UPDATE SET shift_type_id = excluded.shift_type_id',
    );
    const counts = { added: 0, skipped: 0 };
    for (const c of d.rota.cells) {
      const staff = staffIds.get(c.staff)!;
      const shift = typeId.get(c.shift)!;
      if (current.get(staff, c.date) === shift) counts.skipped++;
      else {
        put.run(staff, c.date, shift);
        counts.added++;
      }
    }
    const publish = sql.prepare('INSERT INTO rota_months (month, published_at, published_by) VALUES (?, ?, ?) ON CONFLICT (month) DO NOTHING');
    for (const p of d.rota.published) publish.run(p.month, p.at, p.by);
    out.rotaCells = counts;
  }
  if (d.carePlans) {
    const counts = { added: 0, skipped: 0 };
    const existing = sql.prepare('SELECT id FROM care_plans WHERE resident_id = ?').pluck();
    const del = sql.prepare('DELETE FROM care_plans WHERE resident_id = ?');
    const insert = sql.prepare(
      'INSERT INTO care_plans (resident_id, visits_per_week, minutes, days, window_start, window_end, preferred_staff_id, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const item = sql.prepare('INSERT INTO care_plan_items (plan_id, position, code) VALUES (?, ?, ?)');
    const ex = sql.prepare('INSERT OR IGNORE INTO care_plan_excluded (plan_id, staff_id) VALUES (?, ?)');
    const now = localTimestamp();
    const staffRefs = new Map([...staffIds].map(([ref, id]) => [Number(id), ref]));
    const residentRefs = new Map([...residentIds].map(([ref, id]) => [Number(id), ref]));
    const stored = new Map((readPlanning(sql, residentRefs, staffRefs).carePlans ?? []).map((x) => [x.resident, JSON.stringify(x)]));
    for (const p of d.carePlans) {
      const resident = residentIds.get(p.resident)!;
      if (existing.get(resident) !== undefined) {
        if (stored.get(p.resident) === JSON.stringify(normalPlan(p))) {
          counts.skipped++;
          continue;
        }
        del.run(resident);
      }
      const id = insert.run(
        resident,
        p.visitsPerWeek,
        p.minutes,
        [...new Set(p.days)].sort().join(','),
        p.windowStart,
        p.windowEnd,
        p.preferredStaff !== undefined ? staffIds.get(p.preferredStaff)! : null,
        p.note ?? null,
        now,
      ).lastInsertRowid;
      p.items.forEach((code, i) => item.run(id, i, code));
      for (const ref of p.excludedStaff) ex.run(id, staffIds.get(ref)!);
      counts.added++;
    }
    out.carePlans = counts;
  }
  if (d.plannedVisits) {
    const counts = { added: 0, skipped: 0 };
    const same = sql.prepare('SELECT 1 FROM planned_visits WHERE resident_id = ? AND staff_id IS ? AND date = ? AND start = ? AND minutes = ?').pluck();
    const insert = sql.prepare('INSERT INTO planned_visits (resident_id, staff_id, date, start, minutes) VALUES (?, ?, ?, ?, ?)');
    for (const v of d.plannedVisits) {
      const row = [residentIds.get(v.resident)!, v.staff !== undefined ? staffIds.get(v.staff)! : null, v.date, v.start, v.minutes] as const;
      if (same.get(...row)) counts.skipped++;
      else {
        insert.run(...row);
        counts.added++;
      }
    }
    out.plannedVisits = counts;
  }
  return out;
}

/** A plan as export writes it (days sorted and unique, staff in id order is not known here: as given). */
function normalPlan(p: DatasetCarePlan): DatasetCarePlan {
  return {
    resident: p.resident,
    items: p.items,
    visitsPerWeek: p.visitsPerWeek,
    minutes: p.minutes,
    days: [...new Set(p.days)].sort(),
    windowStart: p.windowStart,
    windowEnd: p.windowEnd,
    ...(p.preferredStaff !== undefined ? { preferredStaff: p.preferredStaff } : {}),
    excludedStaff: p.excludedStaff,
    ...(p.note ? { note: p.note } : {}),
  };
}
