/**
 * The backup worker: backups read and write whole database files, off the thread that serves the windows
 * (for the benchmark's 275 MB database: ~4 s for the copy's integrity check, ~0.2 s to finish the copy,
 * ~350 MB of base64 for a download). Built as its own entry (out/main/backupWorker.js).
 *
 * Each request carries the database's key (db/cipherKey.ts; null for a plain file): a backup of an encrypted
 * database is encrypted with it, and verifying one needs it.
 *
 * Protocol: `{ id, backup: { src, dest, key } }` → `{ id, bytes }`: a verified copy of `src` (db/backup.ts),
 * made through a read-only connection of the worker's own in one step, so it is one committed state
 * even while the owner writes; `{ id, download: { file, name } }` → `{ id, utf8 }`: the FileDownload
 * encoded as UTF-8 JSON (api/wire.ts), transferred, for the owner to send on untouched;
 * `{ id, verify: { file, key } }` → `{ id, facts }`: a backup's integrity, version and counts for the recovery
 * screen (recovery/fileFacts.ts), read-only, so safe mode's serving thread stays free.
 */
import { parentPort } from 'node:worker_threads';
import { encodeValue } from '../api/wire';
import { ALL_PAGES, backupDatabase } from '../db/backup';
import type { DatabaseKey } from '../db/cipherKey';
import { openWorkerConnection } from '../db/database';
import { workerError } from '../workerErrors';
import { backupFacts } from '../recovery/fileFacts';
import { backupDownload } from './backupDownload';

export type BackupRequest =
  | { id: number; backup: { src: string; dest: string; key: DatabaseKey | null } }
  | { id: number; download: { file: string; name: string } }
  | { id: number; verify: { file: string; key: DatabaseKey | null } };

async function backup(src: string, dest: string, key: DatabaseKey | null): Promise<number> {
  const db = openWorkerConnection(src, { readonly: true, key });
  try {
    return (await backupDatabase(db, dest, { pagesPerStep: ALL_PAGES })).bytes;
  } finally {
    db.close();
  }
}

parentPort?.on('message', (m: BackupRequest) => {
  if ('backup' in m) {
    backup(m.backup.src, m.backup.dest, m.backup.key).then(
      (bytes) => parentPort?.postMessage({ id: m.id, bytes }),
      (e: unknown) => parentPort?.postMessage({ id: m.id, error: workerError(e) }),
    );
    return;
  }
  if ('verify' in m) {
    try {
      parentPort?.postMessage({ id: m.id, facts: backupFacts(m.verify.file, m.verify.key) });
    } catch (e) {
      parentPort?.postMessage({ id: m.id, error: workerError(e) });
    }
    return;
  }
  try {
    const utf8 = encodeValue(backupDownload(m.download.file, m.download.name)).utf8;
    parentPort?.postMessage({ id: m.id, utf8 }, [utf8.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: workerError(e) });
  }
});
