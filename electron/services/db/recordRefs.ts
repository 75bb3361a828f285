/**
 * Hands out record numbers in the style of shared/domain/refs.ts. The numbers only go up: the highest
 * given so far is kept in `app_settings` (`ref_counter:<table>`; key/value, so no migration), written
 * in the caller's transaction, so a deleted record's number is never given again (a frozen claim may
 * name it). A database from before the counter starts past its largest row id; a number a dataset
 * file already used is skipped.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { formatRef, type RefKind } from '../../../shared/domain/refs';
import { localTimestamp } from './clock';

const TABLES: Record<RefKind, 'residents' | 'staff' | 'visits'> = { resident: 'residents', staff: 'staff', visit: 'visits' };

/** `count` new refs of a kind, free in the table. Call it inside the transaction that inserts them. */
export function allocateRefs(sql: BetterSqlite3.Database, kind: RefKind, count: number): string[] {
  if (count <= 0) return [];
  const table = TABLES[kind];
  const key = `ref_counter:${table}`;
  const stored = Number(sql.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get(key) ?? 0);
  const maxId = sql.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number;
  const taken = sql.prepare(`SELECT 1 FROM ${table} WHERE ref = ?`).pluck();
  let n = Math.max(Number.isSafeInteger(stored) ? stored : 0, maxId);
  const out: string[] = [];
  while (out.length < count) {
    const ref = formatRef(kind, ++n);
    if (!taken.get(ref)) out.push(ref);
  }
  sql
    .prepare(
      'INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    )
    .run(key, String(n), localTimestamp());
  return out;
}

/** One new ref. */
export const allocateRef = (sql: BetterSqlite3.Database, kind: RefKind): string => allocateRefs(sql, kind, 1)[0]!;
