/** The visit rows' writes shared by the form and the import, with the refs new visits get. */
import type BetterSqlite3 from 'better-sqlite3';

export interface VisitFields {
  ref: string;
  resident_id: number;
  staff_id: number;
  start_at: string;
  end_at: string;
  minutes: number;
  confirmed: 0 | 1;
  check_in_lat: number | null;
  check_in_lng: number | null;
  check_out_lat: number | null;
  check_out_lng: number | null;
  note: string | null;
  external_ref: string | null;
}

const INSERT_SQL = `INSERT INTO visits (ref, resident_id, staff_id, start_at, end_at, minutes, confirmed, check_in_lat, check_in_lng,
  check_out_lat, check_out_lng, note, external_ref) VALUES (@ref, @resident_id, @staff_id, @start_at, @end_at, @minutes, @confirmed,
  @check_in_lat, @check_in_lng, @check_out_lat, @check_out_lng, @note, @external_ref)`;

export function insertVisit(sql: BetterSqlite3.Database, v: VisitFields, items: readonly string[]): number {
  const id = Number(sql.prepare(INSERT_SQL).run(v).lastInsertRowid);
  replaceItems(sql, id, items);
  return id;
}

export function replaceItems(sql: BetterSqlite3.Database, visitId: number, items: readonly string[]): void {
  sql.prepare('DELETE FROM visit_items WHERE visit_id = ?').run(visitId);
  const insert = sql.prepare('INSERT INTO visit_items (visit_id, position, code) VALUES (?, ?, ?)');
  items.forEach((code, position) => insert.run(visitId, position, code));
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Refs for new visits: `V` + the local time to the second (readable, sorts by entry time), with a
 * `-n` suffix when several are made in the same second. Checked against the stored refs, so a ref
 * is never reused even when the clock goes back.
 */
export function newVisitRefs(sql: BetterSqlite3.Database, count: number, now: Date = new Date()): string[] {
  const base = `V${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const taken = sql.prepare('SELECT 1 FROM visits WHERE ref = ?').pluck();
  const out: string[] = [];
  if (count === 1 && !taken.get(base)) return [base];
  for (let n = 1; out.length < count; n++) {
    const ref = `${base}-${n}`;
    if (!taken.get(ref)) out.push(ref);
  }
  return out;
}
