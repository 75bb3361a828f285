import type BetterSqlite3 from 'better-sqlite3';

/**
 * One numbered schema step. `up` runs inside the transaction the runner opens (it must not open or
 * commit one itself), so a failing step leaves the file exactly as it was.
 */
export interface Migration {
  readonly number: number;
  readonly name: string;
  up(db: BetterSqlite3.Database): void;
}
