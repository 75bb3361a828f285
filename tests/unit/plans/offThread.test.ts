/**
 * 派单建议 in the built solver worker (out/main/solverWorker.js), as the app runs it: the same answer as in
 * the calling thread, with progress reported on the way. Needs `npm run build` first (npm test does it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSchedulingProblem } from '../../../electron/services/carePlans/suggest/problem';
import { solveOffThread } from '../../../electron/services/solver/solverOffThread';
import { pinToday } from '../../support/today';
import { api, freshDb, idOf, seed } from './support';

const WORKER = path.resolve(__dirname, '../../../out/main/solverWorker.js');
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error('out/main/solverWorker.js is missing: run `npm run build` before these tests');
});

describe('the solver worker', () => {
  it('suggests the month’s visits as the calling thread does, reporting progress', async () => {
    pinToday('2026-10-01');
    const db = freshDb();
    seed(db, { clients: 4, carers: 2 });
    const { call } = api(db);
    for (let i = 1; i <= 4; i++)
      await call('plans.save', {
        residentId: idOf(db, 'residents', `c${i}`),
        items: ['LC01'],
        visitsPerWeek: 2,
        minutes: 60,
        days: [2, 5],
        windowStart: '08:00',
        windowEnd: '12:00',
      });
    const problem = buildSchedulingProblem(db.raw, '2026-10');
    const phases: string[] = [];
    const off = await solveOffThread('plan', problem, (p) => phases.push(p.phase), undefined, WORKER);
    const here = await solveOffThread('plan', problem, () => undefined, undefined, null);
    // Tuesdays and Fridays of October 2026: 2, 6, 9, 13, 16, 20, 23, 27, 30 → 9 days × 4 clients
    expect([off.demand, off.met, off.unmet]).toEqual([36, 36, []]);
    expect(off.visits).toEqual(here.visits);
    expect(phases.at(-1)).toBe('完成');
  });
});
