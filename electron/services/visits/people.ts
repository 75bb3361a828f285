/**
 * The clients and caregivers a few visits need, read by id. The claim reads everyone for a month
 * (readRecords.ts); a page of 50 visits or one visit being typed needs only its own people, and at
 * thousands of clients reading them all on every keystroke would be the slow part. The shapes and the
 * order (by id, as readRecords gives them) are the claim's, so judgeVisit sees the same facts.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Assessment, Certificate, Resident, Staff, StayEvent } from '../../../shared/domain/model';

type Row = Record<string, unknown>;

const IN_IDS = 'IN (SELECT value FROM json_each(?))';

function grouped<T>(rows: Row[], key: string, map: (r: Row) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const id = r[key] as number;
    const list = out.get(id);
    if (list) list.push(map(r));
    else out.set(id, [map(r)]);
  }
  return out;
}

/** Keeps the keys whose value is neither null nor undefined (the model omits absent fields). */
function present<T extends object>(o: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** Residents by database id, with their assessments and stay events. */
export function residentsById(sql: BetterSqlite3.Database, ids: Iterable<number>): Map<number, Resident> {
  const json = JSON.stringify([...new Set(ids)]);
  const assessments = grouped(
    sql.prepare(`SELECT resident_id, level, concluded_on, number, assessor FROM assessments WHERE resident_id ${IN_IDS} ORDER BY id`).all(json) as Row[],
    'resident_id',
    (r) => present<Assessment>({ level: r.level, concludedOn: r.concluded_on, number: r.number, assessor: r.assessor }),
  );
  const events = grouped(
    sql.prepare(`SELECT resident_id, type, date, mode, bed, note FROM stay_events WHERE resident_id ${IN_IDS} ORDER BY id`).all(json) as Row[],
    'resident_id',
    (r) => present<StayEvent>({ type: r.type, date: r.date, mode: r.mode, bed: r.bed, note: r.note }),
  );
  const out = new Map<number, Resident>();
  for (const r of sql.prepare(`SELECT id, ref, name, id_number FROM residents WHERE id ${IN_IDS}`).all(json) as Row[]) {
    const id = r.id as number;
    out.set(id, {
      ref: r.ref as string,
      name: r.name as string,
      idNumber: r.id_number as string,
      assessments: assessments.get(id) ?? [],
      events: events.get(id) ?? [],
    });
  }
  return out;
}

/** Staff by database id, with their certificates. */
export function staffById(sql: BetterSqlite3.Database, ids: Iterable<number>): Map<number, Staff> {
  const json = JSON.stringify([...new Set(ids)]);
  const certificates = grouped(
    sql.prepare(`SELECT staff_id, type, number, level, issued_on, expires_on FROM certificates WHERE staff_id ${IN_IDS} ORDER BY id`).all(json) as Row[],
    'staff_id',
    (r) => present<Certificate>({ type: r.type, number: r.number, level: r.level, issuedOn: r.issued_on, expiresOn: r.expires_on }),
  );
  const out = new Map<number, Staff>();
  for (const r of sql.prepare(`SELECT id, ref, name, id_number, role FROM staff WHERE id ${IN_IDS}`).all(json) as Row[]) {
    const id = r.id as number;
    out.set(id, present<Staff>({ ref: r.ref, name: r.name, idNumber: r.id_number, role: r.role, certificates: certificates.get(id) ?? [] }));
  }
  return out;
}
