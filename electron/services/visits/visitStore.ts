/** The visit rows' writes shared by the form and the import (their refs: db/recordRefs.ts). */
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

/** A stored visit's fields and items replaced (its ref and 外部编号 stay). */
export function updateVisit(sql: BetterSqlite3.Database, id: number, v: Omit<VisitFields, 'ref' | 'external_ref'>, items: readonly string[]): void {
  sql
    .prepare(
      `UPDATE visits SET resident_id = @resident_id, staff_id = @staff_id, start_at = @start_at, end_at = @end_at, minutes = @minutes,
      confirmed = @confirmed, check_in_lat = @check_in_lat, check_in_lng = @check_in_lng, check_out_lat = @check_out_lat,
      check_out_lng = @check_out_lng, note = @note WHERE id = @id`,
    )
    .run({ ...v, id });
  replaceItems(sql, id, items);
}

export function replaceItems(sql: BetterSqlite3.Database, visitId: number, items: readonly string[]): void {
  sql.prepare('DELETE FROM visit_items WHERE visit_id = ?').run(visitId);
  const insert = sql.prepare('INSERT INTO visit_items (visit_id, position, code) VALUES (?, ?, ?)');
  items.forEach((code, position) => insert.run(visitId, position, code));
}
