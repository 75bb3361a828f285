/**
 * The one owner of the SQLite connection. Everything that reads or writes the database goes through
 * an `LtcDatabase` handed out here; the raw better-sqlite3 handle is for electron/services modules
 * only and never crosses to the renderer (there is no "run SQL" channel, by design).
 */
import BetterSqlite3 from 'better-sqlite3';
import { ensureHashFunction } from '../audit/auditChain';
import { recordAppVersion, upgradeOf } from './appVersion';
import { DatabaseError } from './errors';
import { inspectDatabaseFile, runMigrations, takePreMigrationBackup, takeUpgradeBackup } from './migrate';
import { latestVersion, MIGRATIONS, type Migration } from './migrations';
import { busyTimeoutMs } from './busyTimeout';
import { ownerOnly } from './ownerOnly';
import { keyInUse, openConnection, type DatabaseKey } from './cipherKey';

export interface LtcDatabase {
  readonly file: string;
  /** For service modules only (electron/services/**). */
  readonly raw: BetterSqlite3.Database;
  /**
   * the key the file is encrypted with (cipherKey.ts), null for a plain file: whatever opens this file or a
   * copy of it again (a worker, a backup, its verification) opens it with this
   */
  readonly key: DatabaseKey | null;
  /**
   * the verified copy taken at open before anything was written, if one was needed: before the first start
   * of a newer program version (in the backups folder, named with both versions; it also serves as the
   * copy before that version's migrations), or before migrations of a file whose last version is unknown
   */
  readonly preMigrationBackup: string | null;
  /** migrations applied while opening (empty when the file was current) */
  readonly appliedMigrations: readonly number[];
  /** Runs `fn` in a transaction: commit on return, rollback on throw; nests as a savepoint. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenOptions {
  /**
   * recorded with each migration applied and as the last version to open the file; a file last opened by
   * an older version is backed up first (a test or the CLI may leave it out: then neither happens)
   */
  appVersion?: string;
  /** for tests of the migration machinery; the program always uses the shipped list */
  migrations?: readonly Migration[];
  /**
   * the database's key (cipherKey.ts): required for an encrypted file; a new file is created encrypted with
   * it; a plain file opens plain whether or not it is given
   */
  key?: DatabaseKey | null;
}

export function openDatabase(file: string, opts: OpenOptions = {}): LtcDatabase {
  const migrations = opts.migrations ?? MIGRATIONS;
  // Before any write (even a pragma): a file from a newer program is refused untouched.
  const key = keyInUse(file, opts.key);
  const before = inspectDatabaseFile(file, migrations, key);
  const latest = latestVersion(migrations);
  const upgrade = before.hasContent ? upgradeOf(before.lastAppVersion, opts.appVersion) : null;
  const backup = upgrade
    ? takeUpgradeBackup(file, upgrade.from, upgrade.to, new Date(), key)
    : before.hasContent && before.version < latest
      ? takePreMigrationBackup(file, before.version + 1, key)
      : null;

  const raw = openConnection(file, { timeout: busyTimeoutMs() }, key);
  ownerOnly(file);
  try {
    applyPragmas(raw);
    // before any statement runs: a function cannot be registered while a query iterates on the connection
    ensureHashFunction(raw);
    const applied = runMigrations(raw, { appVersion: opts.appVersion, migrations });
    if (opts.appVersion) recordAppVersion(raw, opts.appVersion);
    return {
      file,
      raw,
      key,
      preMigrationBackup: backup,
      appliedMigrations: applied,
      transaction: <T>(fn: () => T): T => raw.transaction(fn)(),
      close: () => {
        if (raw.open) raw.close();
      },
    };
  } catch (err) {
    raw.close();
    throw err;
  }
}

/**
 * A second connection to a database file its owner has already opened (and migrated), for a worker
 * thread: the same pragmas, no migration. A writing worker's transactions start IMMEDIATE: they take the
 * write lock before their first read, so a commit by the owner in between cannot make the worker's
 * first write fail with SQLITE_BUSY (a deferred transaction cannot wait for a newer snapshot).
 */
export function openWorkerConnection(file: string, opts: { readonly: boolean; key: DatabaseKey | null }): LtcDatabase {
  const raw = openConnection(file, { readonly: opts.readonly, fileMustExist: true, timeout: busyTimeoutMs() }, opts.key);
  try {
    if (opts.readonly) raw.pragma(`busy_timeout = ${busyTimeoutMs()}`);
    else {
      applyPragmas(raw);
      ensureHashFunction(raw);
    }
  } catch (err) {
    raw.close();
    throw err;
  }
  return {
    file,
    raw,
    key: keyInUse(file, opts.key),
    preMigrationBackup: null,
    appliedMigrations: [],
    transaction: opts.readonly ? <T>(fn: () => T): T => raw.transaction(fn)() : <T>(fn: () => T): T => raw.transaction(fn).immediate(),
    close: () => {
      if (raw.open) raw.close();
    },
  };
}

/**
 * Runs `fn` with SQLite's page cache held to `kib` KiB, the connection's own size restored after: for a bulk
 * write whose pages nobody reads again (an import appending visits, a submission storing its package). The
 * cache would otherwise grow to its 64 MiB with pages only written, at the moment memory is scarcest; a
 * lowered size also lets go of what it held. Writing more than fits spills to the WAL, as SQLite does anyway.
 */
export function withPageCache<T>(db: LtcDatabase, kib: number, fn: () => T): T {
  const size = db.raw.pragma('cache_size', { simple: true }) as number;
  db.raw.pragma(`cache_size = ${-Math.abs(kib)}`);
  try {
    return fn();
  } finally {
    db.raw.pragma(`cache_size = ${size}`);
  }
}

const workerConnections = new Map<string, LtcDatabase>();

/** A worker thread's connection to `file`, opened once and kept for the worker's life (its next request reuses it). */
export function keptWorkerConnection(file: string, opts: { readonly: boolean; key: DatabaseKey | null }): LtcDatabase {
  const name = `${opts.readonly ? 'r' : 'w'}:${file}`;
  let db = workerConnections.get(name);
  // a file replaced meanwhile by one with another key (a restore, ltc encrypt while the app was closed): opened again
  if (db && db.key !== keyInUse(file, opts.key)) {
    db.close();
    workerConnections.delete(name);
    db = undefined;
  }
  if (!db) {
    db = openWorkerConnection(file, opts);
    workerConnections.set(name, db);
  }
  return db;
}

function applyPragmas(raw: BetterSqlite3.Database): void {
  // WAL: readers (a report, a backup) keep seeing the last commit while a write is in progress, and
  // a commit is one append to the log instead of rewriting pages. https://sqlite.org/wal.html
  const mode = raw.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    throw new DatabaseError('DB_NOT_A_DATABASE', `数据库无法切换到 WAL 模式（当前为 ${String(mode)}），请把数据库放在本机磁盘上，不要放在网络共享目录。`);
  }
  // SQLite leaves foreign keys off by default for backward compatibility; we rely on them so a visit
  // can never point at a deleted resident. Must be set outside a transaction, hence here.
  // https://sqlite.org/foreignkeys.html#fk_enable
  raw.pragma('foreign_keys = ON');
  // FULL syncs the WAL on every commit: a submitted claim survives a power cut (NORMAL could lose the
  // last commits). The cost is small at our write rate. https://sqlite.org/pragma.html#pragma_synchronous
  raw.pragma('synchronous = FULL');
  // Wait up to 5 s for a lock held by another connection (CLI, backup) instead of failing at once
  // with SQLITE_BUSY. https://sqlite.org/pragma.html#pragma_busy_timeout
  raw.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  // 64 MiB page cache (default 2 MiB): a month's claim reads ~100,000 visits, and re-reading their
  // pages from the OS on every run measured 1.5–2x slower. Memory is only taken as pages are read.
  // https://sqlite.org/pragma.html#pragma_cache_size
  raw.pragma('cache_size = -65536');
}
