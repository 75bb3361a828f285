/**
 * Stored visits as the screens show them: names beside the ids, ID numbers masked (PIPL), item
 * names from the catalogue, and the claim's verdict. One query per page, never one per row.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { VisitDetail, VisitItemView, VisitRow, VisitVerdictView } from '../../../shared/api/visits';
import { maskIdNumber } from '../../../shared/domain/ids';
import { judgeTargets, type JudgeTarget, type Policy } from './judge';

/** Item codes never contain the ASCII unit separator, so it can join them inside SQL (as readRecords does). */
const SEP = '\u001f';

export const ITEMS_SQL = `(SELECT group_concat(code, char(31)) FROM (SELECT code FROM visit_items WHERE visit_id = v.id ORDER BY position))`;

export const ROW_COLUMNS = `v.id, v.ref, v.resident_id, r.name AS resident_name, r.id_number, v.staff_id, s.name AS staff_name,
  v.start_at, v.end_at, v.minutes, v.confirmed, v.external_ref, ${ITEMS_SQL} AS items,
  v.check_in_lat, v.check_in_lng, v.check_out_lat, v.check_out_lng, v.note`;

export const ROW_FROM = 'FROM visits v JOIN residents r ON r.id = v.resident_id JOIN staff s ON s.id = v.staff_id';

export interface StoredRow {
  id: number;
  ref: string;
  resident_id: number;
  resident_name: string;
  id_number: string;
  staff_id: number;
  staff_name: string;
  start_at: string;
  end_at: string;
  minutes: number;
  confirmed: number;
  external_ref: string | null;
  items: string | null;
  check_in_lat: number | null;
  check_in_lng: number | null;
  check_out_lat: number | null;
  check_out_lng: number | null;
  note: string | null;
}

export const splitItems = (items: string | null): string[] => (items === null ? [] : items.split(SEP));

export function targetOf(r: Pick<StoredRow, 'id' | 'ref' | 'resident_id' | 'staff_id' | 'start_at' | 'end_at' | 'items' | 'confirmed'>): JudgeTarget {
  return {
    id: r.id,
    ref: r.ref,
    residentId: r.resident_id,
    staffId: r.staff_id,
    start: r.start_at,
    end: r.end_at,
    items: splitItems(r.items),
    confirmed: r.confirmed === 1,
  };
}

export function itemViews(codes: readonly string[], policy: Policy | null): VisitItemView[] {
  return codes.map((code) => {
    const item = policy?.items.get(code);
    return { code, name: item?.name ?? null, class: item?.class ?? null };
  });
}

/** Rows for the screen, judged together (one load of people and neighbours for the whole page). */
export function toVisitRows(sql: BetterSqlite3.Database, rows: readonly StoredRow[], policy: Policy | null, judged?: readonly VisitVerdictView[]): VisitRow[] {
  const verdicts = judged ?? (policy ? judgeTargets(sql, policy, rows.map(targetOf)) : []);
  return rows.map((r, i) => ({
    id: r.id,
    ref: r.ref,
    residentId: r.resident_id,
    residentName: r.resident_name,
    residentIdMasked: maskIdNumber(r.id_number),
    staffId: r.staff_id,
    staffName: r.staff_name,
    start: r.start_at,
    end: r.end_at,
    minutes: r.minutes,
    items: itemViews(splitItems(r.items), policy),
    confirmed: r.confirmed === 1,
    externalRef: r.external_ref,
    verdict: verdicts[i] ?? null,
  }));
}

export function readStoredRow(sql: BetterSqlite3.Database, id: number): StoredRow | undefined {
  return sql.prepare(`SELECT ${ROW_COLUMNS} ${ROW_FROM} WHERE v.id = ?`).get(id) as StoredRow | undefined;
}

/** The stored visit with this 外部编号 (the import's key for a record it brought in before). */
export function readStoredRowByExternalRef(sql: BetterSqlite3.Database, externalRef: string): StoredRow | undefined {
  return sql.prepare(`SELECT ${ROW_COLUMNS} ${ROW_FROM} WHERE v.external_ref = ?`).get(externalRef) as StoredRow | undefined;
}

export function toVisitDetail(sql: BetterSqlite3.Database, row: StoredRow, policy: Policy | null, locked: boolean): VisitDetail {
  const [view] = toVisitRows(sql, [row], policy);
  return {
    ...view!,
    checkIn: row.check_in_lat !== null && row.check_in_lng !== null ? { lat: row.check_in_lat, lng: row.check_in_lng } : null,
    checkOut: row.check_out_lat !== null && row.check_out_lng !== null ? { lat: row.check_out_lat, lng: row.check_out_lng } : null,
    note: row.note,
    locked,
  };
}
