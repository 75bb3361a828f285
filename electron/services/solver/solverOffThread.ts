/**
 * Runs a suggestion (solverOps.ts) in the solver worker when the app runs from its build; from the
 * TypeScript sources (unit tests) in the calling thread, with the same code and result.
 */
import { existsSync } from 'node:fs';
import { appPaths } from '../app/appPaths';
import type { Progress } from '../rota/suggest/solve';
import { workerClient } from '../workerClient';
import { SOLVER_OPS, type SolverOp, type SolverOps } from './solverOps';
import type { SolverRequest } from './solverWorker';

export function builtSolverWorker(): string | null {
  const file = appPaths().worker('solverWorker');
  return file && existsSync(file) ? file : null;
}

export async function solveOffThread<K extends SolverOp>(
  op: K,
  problem: SolverOps[K]['problem'],
  onProgress: Progress,
  seconds?: number,
  workerFile: string | null = builtSolverWorker(),
): Promise<SolverOps[K]['result']> {
  if (!workerFile) return (SOLVER_OPS[op] as (p: unknown, on: Progress, s?: number) => Promise<SolverOps[K]['result']>)(problem, onProgress, seconds);
  const request: Omit<SolverRequest, 'id'> = { op, problem, ...(seconds === undefined ? {} : { seconds }) };
  const reply = await workerClient(workerFile).ask<{ result: SolverOps[K]['result'] }, Parameters<Progress>[0]>(request, onProgress);
  return reply.result;
}
