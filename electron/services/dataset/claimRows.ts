/**
 * The month's records as the claim engine reads them (loadClaimFacts), straight from raw rows:
 * only the fields shared/claims looks at, in the same order and shape as readRecords gives them
 * (by id; optional fields omitted when NULL), so the claim is the same as from the whole records.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Assessment, Certificate, CertificateType, CareMode, Level, LocalDate, Resident, Staff, StayEvent, StayEventType, Visit } from '../../../shared/domain/model';
import type { Loaded } from './readRecords';

function grouped<T>(rows: unknown[][], make: (row: unknown[]) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const id = row[0] as number;
    const list = out.get(id);
    if (list) list.push(make(row));
    else out.set(id, [make(row)]);
  }
  return out;
}

/** Residents with their assessments (level, conclusion date) and stay events (type, date, mode). */
export function readEngineResidents(sql: BetterSqlite3.Database): Loaded<Resident> {
  const assessments = grouped(
    sql.prepare('SELECT resident_id, level, concluded_on FROM assessments ORDER BY id').raw().all() as unknown[][],
    (r): Assessment => ({ level: r[1] as Level, concludedOn: r[2] as LocalDate }),
  );
  const events = grouped(sql.prepare('SELECT resident_id, type, date, mode FROM stay_events ORDER BY id').raw().all() as unknown[][], (r): StayEvent => {
    const e: StayEvent = { type: r[1] as StayEventType, date: r[2] as LocalDate };
    if (r[3] !== null) e.mode = r[3] as CareMode;
    return e;
  });
  const rows = sql.prepare('SELECT id, ref, name, id_number FROM residents ORDER BY id').raw().all() as [number, string, string, string][];
  const refs = new Map<number, string>();
  const list = rows.map(([id, ref, name, idNumber]): Resident => {
    refs.set(id, ref);
    return { ref, name, idNumber, assessments: assessments.get(id) ?? [], events: events.get(id) ?? [] };
  });
  return { list, refs };
}

/** Staff with their certificates (type, number, validity). */
export function readEngineStaff(sql: BetterSqlite3.Database): Loaded<Staff> {
  const certificates = grouped(sql.prepare('SELECT staff_id, type, number, issued_on, expires_on FROM certificates ORDER BY id').raw().all() as unknown[][], (r): Certificate => {
    const c: Certificate = { type: r[1] as CertificateType, number: r[2] as string, issuedOn: r[3] as LocalDate };
    if (r[4] !== null) c.expiresOn = r[4] as LocalDate;
    return c;
  });
  const rows = sql.prepare('SELECT id, ref, name, id_number FROM staff ORDER BY id').raw().all() as [number, string, string, string][];
  const refs = new Map<number, string>();
  const list = rows.map(([id, ref, name, idNumber]): Staff => {
    refs.set(id, ref);
    return { ref, name, idNumber, certificates: certificates.get(id) ?? [] };
  });
  return { list, refs };
}

/** Length of a stored `YYYY-MM-DDTHH:mm` (the schema's GLOB CHECK guarantees it). */
const T = 16;
/** Item codes never contain these ASCII separators, so they can join them inside SQL. */
const ITEM_SEP = '\u001f';
const END_OF_ITEMS = '\u001e';

// What crosses from SQLite to JS costs per row as well as per value: an array per row (`.raw()`) for
// 100,000 rows cost more than the query itself (`npm run bench`). So each visit travels as ONE
// string, `resident,staff,confirmed` + start + end (fixed width) + (US + items joined by US, if the
// visit has any) + RS + ref, the items from a subquery on visit_items' primary key. The ref comes
// last because it is the only part that may hold any text.
const ENGINE_VISIT = `resident_id || ',' || staff_id || ',' || confirmed || start_at || end_at
    || coalesce(char(31) || (SELECT group_concat(code, char(31)) FROM (SELECT code FROM visit_items WHERE visit_id = v.id ORDER BY position)), '')
    || char(30) || ref`;
/** The range's first and last visit id and how many visits it holds (from the covering index). */
const ID_SPAN = 'SELECT min(id), max(id), count(*) FROM visits WHERE start_at >= ? AND start_at < ?';
/** Visits are mostly entered in time order, so a month's ids are nearly consecutive: walk them in id order. */
const BY_ID_SPAN = `SELECT ${ENGINE_VISIT} FROM visits v NOT INDEXED
  WHERE id BETWEEN @lo AND @hi AND start_at >= @from AND start_at < @to AND (start_at >= @cut OR end_at > @cut)`;
/** Any order of entry: the start index, sorted by id. */
const BY_START = `SELECT ${ENGINE_VISIT} FROM visits v
  WHERE start_at >= @from AND start_at < @to AND (start_at >= @cut OR end_at > @cut) ORDER BY id`;

const NO_ITEMS = Object.freeze([]) as unknown as string[];

/** The integer written in row[from, to), without making a string of it (the ids of a month's rows). */
function idIn(row: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = row.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return Number(row.slice(from, to)); // a sign: never from this program
    n = n * 10 + d;
  }
  return n;
}

function byId(refs: Map<number, string>): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const [id, ref] of refs) out[id] = ref;
  return out;
}

/**
 * Visits whose start lies in [from, to), in id order (insertion order, as readVisits); of those that
 * start before `reaching` (a `YYYY-MM-DDTHH:mm`), only the ones that end after it.
 */
export function readEngineVisits(
  sql: BetterSqlite3.Database,
  residents: Map<number, string>,
  staff: Map<number, string>,
  range: { from: string; to: string; reaching?: string },
): Visit[] {
  const [lo, hi, n] = sql.prepare(ID_SPAN).raw().get(range.from, range.to) as [number | null, number | null, number];
  if (n === 0 || lo === null || hi === null) return [];
  const params = { from: range.from, to: range.to, cut: range.reaching ?? range.from };
  // Either way the same visits in id order; the span walk only when at least half the ids in it
  // are the range's (otherwise it would read too many other visits' rows).
  const rows = (hi - lo + 1 <= 2 * n ? sql.prepare(BY_ID_SPAN).pluck().all({ lo, hi, ...params }) : sql.prepare(BY_START).pluck().all(params)) as string[];
  // id → ref as arrays (ids are small positive integers), and one frozen items array per distinct
  // item list: a month's ~100,000 visits have a few thousand (the engine only reads them).
  const residentRef = byId(residents);
  const staffRef = byId(staff);
  const itemLists = new Map<string, string[]>();
  const out: Visit[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as string;
    const c1 = row.indexOf(',');
    const p = row.indexOf(',', c1 + 1);
    const residentId = idIn(row, 0, c1);
    const staffId = idIn(row, c1 + 1, p);
    const confirmed = row.charCodeAt(p + 1) === 49; // '1'
    const t = p + 2;
    const rs = row.indexOf(END_OF_ITEMS, t + 2 * T);
    let items: string[] = NO_ITEMS;
    if (rs > t + 2 * T) {
      const list = row.slice(t + 2 * T + 1, rs);
      let known = itemLists.get(list);
      if (!known) itemLists.set(list, (known = Object.freeze(list.split(ITEM_SEP)) as string[]));
      items = known;
    }
    out[i] = {
      ref: row.slice(rs + 1),
      resident: residentRef[residentId] ?? '',
      staff: staffRef[staffId] ?? '',
      start: row.slice(t, t + T),
      end: row.slice(t + T, t + 2 * T),
      items,
      confirmed,
    };
  }
  return out;
}
