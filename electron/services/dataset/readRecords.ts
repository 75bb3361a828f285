/**
 * Database rows → the plain-data model, shared by export and the claim's month load so both give
 * the same shape. One prepared query per table, grouped in JS with Maps: no query per person.
 * Everything comes back in insertion order (by id) and optional fields are omitted when NULL.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Assessment, Certificate, Resident, Staff, StayEvent, Visit } from '../../../shared/domain/model';

type Row = Record<string, unknown>;

/** Copies the non-null columns under their model names, in the order given. */
function fields<T>(row: Row, names: [column: string, field: string][]): Partial<T> {
  const out: Row = {};
  for (const [column, field] of names) {
    const v = row[column];
    if (v !== null && v !== undefined) out[field] = v;
  }
  return out as Partial<T>;
}

function groupBy<T>(rows: Row[], by: string, map: (row: Row) => T): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const id = row[by] as number;
    let list = groups.get(id);
    if (!list) groups.set(id, (list = []));
    list.push(map(row));
  }
  return groups;
}

export interface Loaded<T> {
  list: T[];
  /** database id → ref, for the visits' references */
  refs: Map<number, string>;
}

export function readResidents(sql: BetterSqlite3.Database): Loaded<Resident> {
  const assessments = groupBy(
    sql.prepare('SELECT resident_id, level, concluded_on, number, assessor FROM assessments ORDER BY id').all() as Row[],
    'resident_id',
    (r) =>
      ({
        level: r.level,
        concludedOn: r.concluded_on,
        ...fields<Assessment>(r, [
          ['number', 'number'],
          ['assessor', 'assessor'],
        ]),
      }) as Assessment,
  );
  const events = groupBy(
    sql.prepare('SELECT resident_id, type, date, mode, bed, note FROM stay_events ORDER BY id').all() as Row[],
    'resident_id',
    (r) =>
      ({
        type: r.type,
        date: r.date,
        ...fields<StayEvent>(r, [
          ['mode', 'mode'],
          ['bed', 'bed'],
          ['note', 'note'],
        ]),
      }) as StayEvent,
  );
  const rows = sql.prepare('SELECT id, ref, name, id_number, insurance_type, phone, address FROM residents ORDER BY id').all() as Row[];
  const refs = new Map<number, string>();
  const list = rows.map((r): Resident => {
    const id = r.id as number;
    refs.set(id, r.ref as string);
    return {
      ref: r.ref as string,
      name: r.name as string,
      idNumber: r.id_number as string,
      ...fields<Resident>(r, [
        ['insurance_type', 'insuranceType'],
        ['phone', 'phone'],
        ['address', 'address'],
      ]),
      assessments: assessments.get(id) ?? [],
      events: events.get(id) ?? [],
    };
  });
  return { list, refs };
}

export function readStaff(sql: BetterSqlite3.Database): Loaded<Staff> {
  const certificates = groupBy(
    sql.prepare('SELECT staff_id, type, number, level, issued_on, expires_on FROM certificates ORDER BY id').all() as Row[],
    'staff_id',
    (r) =>
      ({
        type: r.type,
        number: r.number,
        ...fields<Certificate>(r, [['level', 'level']]),
        issuedOn: r.issued_on,
        ...fields<Certificate>(r, [['expires_on', 'expiresOn']]),
      }) as Certificate,
  );
  const rows = sql.prepare('SELECT id, ref, name, id_number, role, employed_from, employed_to FROM staff ORDER BY id').all() as Row[];
  const refs = new Map<number, string>();
  const list = rows.map((r): Staff => {
    const id = r.id as number;
    refs.set(id, r.ref as string);
    return {
      ref: r.ref as string,
      name: r.name as string,
      idNumber: r.id_number as string,
      ...fields<Staff>(r, [
        ['role', 'role'],
        ['employed_from', 'employedFrom'],
        ['employed_to', 'employedTo'],
      ]),
      certificates: certificates.get(id) ?? [],
    };
  });
  return { list, refs };
}

/** Item codes never contain this (ASCII unit separator), so it can join them inside SQL. */
const SEP = '\u001f';
/** Length of a stored `YYYY-MM-DDTHH:mm` (the schema's GLOB CHECK guarantees it). */
const T = 16;

// Crossing from SQLite to JS costs per value, and at 100,000 visits that cost is most of the load
// (measured: 13 values a row ~2x slower than this). So the two fixed-width times and the ref travel
// as one string, and the items as one joined string from a subquery on visit_items' primary key.
const VISIT_COLUMNS = `resident_id, staff_id, confirmed, start_at || end_at || ref,
  (SELECT group_concat(code, char(31)) FROM (SELECT code FROM visit_items WHERE visit_id = v.id ORDER BY position)),
  check_in_lat, check_in_lng, check_out_lat, check_out_lng, note`;

type VisitRow = [number, number, number, string, string | null, number | null, number | null, number | null, number | null, string | null];

/**
 * Visits in insertion order: all of them, or those whose start lies in [from, to) (TEXT times
 * compare in time order, and a bare date sorts before every time of its day). The range runs on the
 * start index.
 */
export function readVisits(
  sql: BetterSqlite3.Database,
  residentRefs: Map<number, string>,
  staffRefs: Map<number, string>,
  range?: { from: string; to: string },
): Visit[] {
  const rows = (
    range
      ? sql.prepare(`SELECT ${VISIT_COLUMNS} FROM visits v WHERE start_at >= ? AND start_at < ? ORDER BY id`).raw().all(range.from, range.to)
      : sql.prepare(`SELECT ${VISIT_COLUMNS} FROM visits v ORDER BY id`).raw().all()
  ) as VisitRow[];
  return rows.map(([residentId, staffId, confirmed, timesAndRef, items, inLat, inLng, outLat, outLng, note]): Visit => {
    const v: Visit = {
      ref: timesAndRef.slice(2 * T),
      resident: residentRefs.get(residentId) ?? '',
      staff: staffRefs.get(staffId) ?? '',
      start: timesAndRef.slice(0, T),
      end: timesAndRef.slice(T, 2 * T),
      items: items === null ? [] : items.split(SEP),
      confirmed: confirmed === 1,
    };
    if (inLat !== null && inLng !== null) v.checkIn = { lat: inLat, lng: inLng };
    if (outLat !== null && outLng !== null) v.checkOut = { lat: outLat, lng: outLng };
    if (note !== null) v.note = note;
    return v;
  });
}
