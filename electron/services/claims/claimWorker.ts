/**
 * The worker thread that computes a month's claim off the thread serving the window (in Electron
 * that thread is the main process: a 1–2 s computation there would freeze every window). It reads
 * through its own read-only connection, one per database file, kept open between requests; WAL lets
 * it read the last commit while the owner keeps writing. It never writes.
 *
 * Protocol: `{ id, file, month }` in; `{ id, claim }` or `{ id, error: { input, message, problems } }` out.
 */
import { parentPort } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { LtcDatabase } from '../db/database';
import { InputError } from '../errors';
import { computeMonthClaim } from './monthClaim';

export interface ClaimRequest {
  id: number;
  file: string;
  month: string;
}

export type ClaimReply =
  | { id: number; claim: unknown }
  | { id: number; error: { input: boolean; message: string; problems: { path: string; message: string }[] } };

const readers = new Map<string, LtcDatabase>();

function reader(file: string): LtcDatabase {
  let db = readers.get(file);
  if (!db) {
    const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    raw.pragma('busy_timeout = 5000');
    db = { file, raw, preMigrationBackup: null, appliedMigrations: [], transaction: <T>(fn: () => T): T => raw.transaction(fn)(), close: () => raw.close() };
    readers.set(file, db);
  }
  return db;
}

parentPort?.on('message', (m: ClaimRequest) => {
  let reply: ClaimReply;
  try {
    const db = reader(m.file);
    // One read transaction: the claim sees one committed state of every table.
    reply = { id: m.id, claim: db.transaction(() => computeMonthClaim(db, m.month)) };
  } catch (e) {
    reply = {
      id: m.id,
      error: {
        input: e instanceof InputError,
        message: e instanceof Error ? e.message : String(e),
        problems: e instanceof InputError ? [...e.problems] : [],
      },
    };
  }
  parentPort?.postMessage(reply);
});
