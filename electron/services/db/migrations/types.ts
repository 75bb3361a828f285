import type BetterSqlite3 from 'better-sqlite3';

/**
 * One numbered schema step. `up` runs inside the transaction the runner opens (it must not open or
 * commit one itself), so a failing step leaves the file exactly as it was.
 */
export interface Migration {
  readonly number: number;
  readonly name: string;
  /**
   * The step rebuilds a table other tables reference (a CHECK or UNIQUE constraint cannot be altered in
   * SQLite): the runner turns foreign keys off around its transaction, as SQLite's documented rebuild
   * requires (https://sqlite.org/lang_altertable.html#otheralter: a DROP of the old table would
   * otherwise count as deleting every referenced row), and runs `foreign_key_check` before committing.
   */
  readonly rebuildsTables?: boolean;
  up(db: BetterSqlite3.Database): void;
}
