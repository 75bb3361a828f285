/**
 * What a database file holds, read without writing anything: for the backups the recovery screen lists
 * and previews. Each check opens its own read-only connection and closes it. `key`: the database's
 * (db/cipherKey.ts), which its backups share; a plain backup (made before the file was encrypted) needs none.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { RecordCounts } from '../../../shared/api/recovery';
import { DatabaseError } from '../db/errors';
import { inspectDatabaseFile, integrityProblem } from '../db/migrate';
import { busyTimeoutMs } from '../db/busyTimeout';
import { keyInUse, openConnection, type DatabaseKey } from '../db/cipherKey';

export interface FileVerdict {
  verified: boolean;
  problem: string | null;
  schemaVersion: number;
}

/** A sound database of this program that this version can open: not empty, not newer, integrity ok, our tables. */
export function verifyDatabaseFile(file: string, key: DatabaseKey | null = null): FileVerdict {
  let version: number;
  try {
    const inspected = inspectDatabaseFile(file, undefined, keyInUse(file, key));
    if (!inspected.hasContent) return { verified: false, problem: '空文件，不是长护助手的备份', schemaVersion: 0 };
    version = inspected.version;
  } catch (err) {
    return { verified: false, problem: err instanceof DatabaseError ? err.message : String(err), schemaVersion: 0 };
  }
  const problem = integrityProblem(file, keyInUse(file, key));
  if (problem) return { verified: false, problem: `完整性检查未通过（${problem}）`, schemaVersion: version };
  if (!hasOurTables(file, key)) return { verified: false, problem: '是 SQLite 文件，但不是长护助手数据库', schemaVersion: version };
  return { verified: true, problem: null, schemaVersion: version };
}

function withReadOnly<T>(file: string, key: DatabaseKey | null, fn: (db: BetterSqlite3.Database) => T): T {
  const db = openConnection(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs() }, keyInUse(file, key));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const tablesOf = (db: BetterSqlite3.Database): Set<string> =>
  new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);

function hasOurTables(file: string, key: DatabaseKey | null): boolean {
  return withReadOnly(file, key, (db) => {
    const tables = tablesOf(db);
    return ['residents', 'staff', 'visits'].every((t) => tables.has(t));
  });
}

export interface FileContents {
  institution: string | null;
  counts: RecordCounts;
  months: { month: string; visits: number }[];
  claimedMonths: string[];
}

/** Institution, counts and months of a verified file. */
export function readFileContents(file: string, key: DatabaseKey | null = null): FileContents {
  return withReadOnly(file, key, (db) => {
    const tables = tablesOf(db);
    const count = (t: string): number => (tables.has(t) ? (db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number) : 0);
    const institution = tables.has('institution') ? ((db.prepare('SELECT name FROM institution LIMIT 1').pluck().get() as string | undefined) ?? null) : null;
    const months = tables.has('visits')
      ? (db.prepare('SELECT substr(start_at, 1, 7) AS month, COUNT(*) AS visits FROM visits GROUP BY month ORDER BY month DESC').all() as {
          month: string;
          visits: number;
        }[])
      : [];
    const claimedMonths = tables.has('claims')
      ? (db.prepare("SELECT DISTINCT month FROM claims WHERE status IN ('submitted', 'settled') ORDER BY month DESC").pluck().all() as string[])
      : [];
    return {
      institution,
      counts: { residents: count('residents'), staff: count('staff'), visits: count('visits'), claims: count('claims') },
      months,
      claimedMonths,
    };
  });
}

export interface BackupFacts extends FileVerdict {
  contents: FileContents | null;
}

/** A backup's verdict and, when it verifies, what it holds: the whole file read (in the backup worker when built). */
export function backupFacts(file: string, key: DatabaseKey | null = null): BackupFacts {
  const verdict = verifyDatabaseFile(file, key);
  let contents: FileContents | null = null;
  if (verdict.verified) {
    try {
      contents = readFileContents(file, key);
    } catch {
      contents = null;
    }
  }
  return { ...verdict, contents };
}
