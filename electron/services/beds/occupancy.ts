/**
 * Who holds which bed on a day, derived from the stay events (docs/rules.md §6: nobody types it): a person
 * in an institutional stay that day holds the bed their latest admission names, also while in
 * hospital or on leave (the bed is kept). SQL narrows the people to those who can be in a stay that
 * day; the claim engine's timeline then decides, so the board and the claim never disagree.
 */
import type { Occupant } from '../../../shared/api/beds';
import { assessmentOn, assessmentPeriods } from '../../../shared/claims/assessments';
import type { CareMode, Level, LocalDate, StayEvent, StayEventType } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { loadResidentPolicy } from '../residents/residentPolicy';
import { standingOn } from '../residents/standing';

export interface Occupancy {
  /** bed code → who holds it (more than one is a conflict) */
  byBed: Map<string, Occupant[]>;
  /** in an institutional stay with no bed named */
  unassigned: Occupant[];
}

// An institutional admission on or before the day, and the last event up to the day neither a
// discharge nor a death: everyone else is certainly out of an institutional stay that day.
const CANDIDATES = `SELECT r.id, r.name FROM residents r
  WHERE EXISTS (SELECT 1 FROM stay_events a WHERE a.resident_id = r.id AND a.type = 'admit' AND a.mode = 'institutional' AND a.date <= @date)
    AND (SELECT type FROM stay_events e WHERE e.resident_id = r.id AND e.date <= @date ORDER BY e.date DESC, e.seq DESC, e.id DESC LIMIT 1)
        NOT IN ('discharge', 'death')`;

type Row = Record<string, unknown>;

function grouped<T>(rows: Row[], map: (r: Row) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const id = r.resident_id as number;
    const list = out.get(id);
    if (list) list.push(map(r));
    else out.set(id, [map(r)]);
  }
  return out;
}

export function occupancyOn(db: LtcDatabase, date: LocalDate): Occupancy {
  const { pack } = loadResidentPolicy(db);
  const people = db.raw.prepare(CANDIDATES).all({ date }) as { id: number; name: string }[];
  const ids = JSON.stringify(people.map((p) => p.id));
  const events = grouped(
    db.raw
      .prepare('SELECT resident_id, type, date, mode, bed FROM stay_events WHERE resident_id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(ids) as Row[],
    (r): StayEvent => ({
      type: r.type as StayEventType,
      date: r.date as string,
      ...(r.mode ? { mode: r.mode as CareMode } : {}),
      ...(r.bed ? { bed: r.bed as string } : {}),
    }),
  );
  const assessments = grouped(
    db.raw
      .prepare('SELECT resident_id, level, concluded_on FROM assessments WHERE resident_id IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(ids) as Row[],
    (r) => ({ level: r.level as Level, concludedOn: r.concluded_on as string }),
  );

  const byBed = new Map<string, Occupant[]>();
  const unassigned: Occupant[] = [];
  for (const p of people) {
    const s = standingOn(events.get(p.id) ?? [], date);
    if (s.mode !== 'institutional' || (s.status !== 'present' && s.status !== 'hospital' && s.status !== 'leave')) continue;
    const held = assessmentOn(assessmentPeriods(assessments.get(p.id) ?? [], pack.assessment), date);
    const occupant: Occupant = { residentId: p.id, name: p.name, status: s.status, admittedOn: s.admittedOn ?? date, level: held?.level ?? null };
    if (!s.bed) unassigned.push(occupant);
    else byBed.set(s.bed, [...(byBed.get(s.bed) ?? []), occupant]);
  }
  return { byBed, unassigned };
}
