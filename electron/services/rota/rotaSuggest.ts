/**
 * 排班建议 as a job: the month's rota is read here (small), the problem is built, and the solver runs in
 * the solver worker (solver/solverOffThread.ts) while the screen polls its progress. The result is a
 * draft: nothing is stored until the head nurse accepts it (in whole or per week), through rota.setCells.
 */
import { monthOf } from '../../../shared/domain/dates';
import type { LocalDate, Month } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { InputError } from '../errors';
import { startJob } from '../jobs/jobs';
import { solveOffThread } from '../solver/solverOffThread';
import { rotaMonth } from './rotaMonth';
import { buildProblem } from './suggest/problem';

export function startRotaSuggest(db: LtcDatabase, month: Month, from: LocalDate, to: LocalDate): { jobId: string } {
  if (monthOf(from) !== month || monthOf(to) !== month || to < from) {
    throw new InputError(`建议的日期应在 ${month} 之内，且结束不早于开始`, [{ path: 'from', message: '日期不在本月' }]);
  }
  const problem = buildProblem(rotaMonth(db, month), from, to);
  const jobId = startJob('rota-suggest', (report) => solveOffThread('rota', problem, report));
  return { jobId };
}
