/**
 * The backup worker: the parts of a backup that read a whole database file, off the thread that serves
 * the windows (for the benchmark's 260 MB database, `PRAGMA integrity_check` of the copy takes ~4 s, and a
 * download ~350 MB of base64). Built as its own entry (out/main/backupWorker.js).
 *
 * Protocol: `{ id, integrity: file }` → `{ id, problem }` (null when sound);
 * `{ id, download: { file, name } }` → `{ id, utf8 }`: the FileDownload encoded as UTF-8 JSON
 * (api/wire.ts), transferred, for the owner to send on untouched.
 */
import { parentPort } from 'node:worker_threads';
import { encodeValue } from '../api/wire';
import { integrityProblem } from '../db/migrate';
import { workerError } from '../workerErrors';
import { backupDownload } from './backupFolder';

export type BackupRequest = { id: number; integrity: string } | { id: number; download: { file: string; name: string } };

parentPort?.on('message', (m: BackupRequest) => {
  try {
    if ('integrity' in m) {
      parentPort?.postMessage({ id: m.id, problem: integrityProblem(m.integrity) });
      return;
    }
    const utf8 = encodeValue(backupDownload(m.download.file, m.download.name)).utf8;
    parentPort?.postMessage({ id: m.id, utf8 }, [utf8.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: workerError(e) });
  }
});
