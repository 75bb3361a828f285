/**
 * The inspection worker thread (out/main/inspectWorker.js): the readiness board, the self-audit, the
 * sample and the evidence pack read a period's claims and up to ~400,000 visits (the big benchmark
 * month with its lookback), seconds of work that would freeze every window on the thread serving them.
 * It reads through its own read-only connection, kept between requests; WAL lets it read the last
 * commit while the owner writes. It never writes: marks and settings are saved by the owner.
 *
 * Protocol: `{ id, file, key, task }` (key: db/cipherKey.ts, null for a plain file) → any number of `{ id, progress }`, then `{ id, result }` or
 * `{ id, error }` (rethrown on the owner's side as the same error class, workerErrors.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { DatabaseKey } from '../db/cipherKey';
import { keptWorkerConnection } from '../db/database';
import { workerError } from '../workerErrors';
import { runInspectTask, type InspectTask } from './inspectTasks';

export type InspectRequest = { id: number; file: string; key: DatabaseKey | null; task: InspectTask };

parentPort?.on('message', (m: InspectRequest) => {
  const post = (r: object) => parentPort?.postMessage({ id: m.id, ...r });
  Promise.resolve()
    .then(() => runInspectTask(keptWorkerConnection(m.file, { readonly: true, key: m.key }), m.task, (progress) => post({ progress })))
    .then(
      (result) => post({ result }),
      (e: unknown) => post({ error: workerError(e) }),
    );
});
