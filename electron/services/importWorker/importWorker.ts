/**
 * The import worker: the window's big imports (importOps.ts) off the thread that serves the windows.
 * Built as its own entry (out/main/importWorker.js). It keeps one read-write connection per database
 * file (db/database.ts openWorkerConnection: transactions IMMEDIATE), while the owner keeps its own
 * connection waiting on nothing (db/writeGate.ts). Its answer is the result as JSON text, which the
 * owner passes to the window untouched (api/wire.ts): a 50,000-row preview is tens of MB of objects,
 * and turning them into objects on the owner's thread and back into text would stall it.
 *
 * Protocol: `{ id, file, key, op, input, actor, heldMonths }` (key: db/cipherKey.ts, null for a plain file) → `{ id, utf8 }` (transferred) or `{ id, error }` (the error
 * class as it was thrown, rebuilt by the owner: see claims/claimWorker.ts).
 */
import { parentPort } from 'node:worker_threads';
import { encodeValue } from '../api/wire';
import { withMonthsHeld } from '../claims/monthLock';
import type { DatabaseKey } from '../db/cipherKey';
import { keptWorkerConnection, type LtcDatabase } from '../db/database';
import { workerError, type WorkerError } from '../workerErrors';
import { IMPORT_OPS, type ImportOp } from './importOps';

export interface ImportRequest {
  id: number;
  file: string;
  /** the database's key (db/cipherKey.ts), null for a plain file */
  key: DatabaseKey | null;
  op: ImportOp;
  input: unknown;
  actor: string;
  /** the months the owner holds while their submission is prepared (claims/monthLock.ts) */
  heldMonths: string[];
}

export type ImportReply = { id: number; utf8: Uint8Array } | { id: number; error: WorkerError };

async function run(m: ImportRequest): Promise<Uint8Array> {
  const db = keptWorkerConnection(m.file, { readonly: false, key: m.key });
  const op = IMPORT_OPS[m.op] as (db: LtcDatabase, input: unknown, actor: string) => Promise<unknown>;
  const result = await withMonthsHeld(m.file, m.heldMonths, () => op(db, m.input, m.actor));
  return encodeValue(result).utf8;
}

parentPort?.on('message', (m: ImportRequest) => {
  run(m).then(
    // transferred, not copied
    (utf8) => parentPort?.postMessage({ id: m.id, utf8 } satisfies ImportReply, [utf8.buffer as ArrayBuffer]),
    (e: unknown) => parentPort?.postMessage({ id: m.id, error: workerError(e) } satisfies ImportReply),
  );
});
