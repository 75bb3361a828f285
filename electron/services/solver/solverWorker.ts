/**
 * The solver worker: 排班建议 and 派单建议 (solverOps.ts) off the thread that serves the windows. Built as
 * its own entry (out/main/solverWorker.js). It reads no database: the owner builds the problem (a small
 * read) and sends it as plain data.
 *
 * Protocol: `{ id, op, problem, seconds }` → any number of `{ id, progress }`, then `{ id, result }` or
 * `{ id, error }` (rebuilt by the owner as its class: workerErrors.ts).
 */
import { parentPort } from 'node:worker_threads';
import { workerError } from '../workerErrors';
import { SOLVER_OPS, type SolverOp } from './solverOps';

export interface SolverRequest {
  id: number;
  op: SolverOp;
  problem: unknown;
  seconds?: number;
}

parentPort?.on('message', (m: SolverRequest) => {
  const run = SOLVER_OPS[m.op] as (p: unknown, onProgress: (p: unknown) => void, seconds?: number) => Promise<unknown>;
  run(m.problem, (progress) => parentPort?.postMessage({ id: m.id, progress }), m.seconds).then(
    (result) => parentPort?.postMessage({ id: m.id, result }),
    (e: unknown) => parentPort?.postMessage({ id: m.id, error: workerError(e) }),
  );
});
