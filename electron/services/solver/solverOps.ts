/**
 * The automatic suggestions (排班建议, and 派单建议 of the home-visit plan) by the name of their problem:
 * pure functions of plain data, seconds of solver time each, so in the built app they run in the solver
 * worker (solverWorker.ts) and the thread serving the window only passes messages. One table, so the
 * worker and the calling thread (the TypeScript sources, under vitest) run exactly the same code.
 */
import type { ScheduleSuggestion } from '../../../shared/api/plans';
import type { RotaSuggestion } from '../../../shared/api/rota';
import type { SchedulingProblem } from '../carePlans/suggest/problem';
import { solveSchedule } from '../carePlans/suggest/solve';
import { solveRota, type Progress } from '../rota/suggest/solve';
import type { SuggestProblem } from '../rota/suggest/problem';

export interface SolverOps {
  rota: { problem: SuggestProblem; result: RotaSuggestion };
  plan: { problem: SchedulingProblem; result: ScheduleSuggestion };
}

export type SolverOp = keyof SolverOps;

export const SOLVER_OPS: { [K in SolverOp]: (problem: SolverOps[K]['problem'], onProgress: Progress, seconds?: number) => Promise<SolverOps[K]['result']> } = {
  rota: (problem, onProgress, seconds) => solveRota(problem, { onProgress, seconds }),
  plan: (problem, onProgress, seconds) => solveSchedule(problem, { onProgress, seconds }),
};
