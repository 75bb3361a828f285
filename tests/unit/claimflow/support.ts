/**
 * Month-end through the dispatcher, as the window and the host reach it: the input parsed by the
 * contract's schema, the real claims, jobs and institution handlers, on a real SQLite file seeded with
 * the sample institution. Failures come back as the dispatcher sends them, so tests read the Chinese
 * message the user sees.
 */
import path from 'node:path';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import type { ServiceContext } from '../../../electron/services/api/context';
import type { Handlers } from '../../../electron/services/api/handlers';
import { writeClaim } from '../../../electron/services/claims/claimStore';
import { claimsHandlers } from '../../../electron/services/claims/claimsHandlers';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { institutionHandlers } from '../../../electron/services/institution/institutionHandlers';
import { jobsHandlers } from '../../../electron/services/jobs/jobsHandlers';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { JobStatus } from '../../../shared/api/jobs';
import type { Claim } from '../../../shared/claims/types';
import { sample, tempDir, track } from '../services/helpers';

export const ACTOR = '张会计';

/** The sample's October claim, stored as submitted by 张会计 (lines: 王秀英 600.00, 李建国 1,860.00, 陈淑芬 152.00 fund). */
export function submittedOctober(): { db: LtcDatabase; id: number; claim: Claim } {
  const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
  importDataset(db, sample(), { actor: 't' });
  const claim = computeMonthClaim(db, '2026-10');
  const id = db.transaction(() =>
    writeClaim(db, {
      claim,
      seq: 0,
      status: 'submitted',
      computedAt: '2026-11-05T10:00:00.000+08:00',
      generatedOn: '2026-11-05',
      submittedAt: '2026-11-05T10:00:00.000+08:00',
      submittedBy: '张会计',
    }),
  );
  return { db, id, claim };
}

export function sampleDb(name = 'ltc.db'): LtcDatabase {
  const db = track(openDatabase(path.join(tempDir(), name)));
  importDataset(db, sample(), { actor: 'seed' });
  return db;
}

/** The dispatcher over the month-end handlers; `call` throws `CODE: message`, `raw` gives the result value. */
export function api(db: LtcDatabase, actor = ACTOR) {
  const ctx: ServiceContext = { db, actor, shell: 'browser', appVersion: 'test', openFolder: () => false };
  const dispatch = createDispatcher({ ...claimsHandlers, ...jobsHandlers, ...institutionHandlers } as Handlers, ctx, () => undefined);
  const raw = <M extends MethodName>(method: M, input: InputOf<M>) => dispatch(method, input) as Promise<ApiResult<OutputOf<M>>>;
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const r = await raw(method, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  /** Starts a job call and waits for its end, as the screen's progress bar does. */
  const job = async (start: Promise<{ jobId: string }>): Promise<JobStatus> => {
    const { jobId } = await start;
    for (;;) {
      const s = await call('jobs.status', { id: jobId });
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { raw, call, job };
}

export function auditRows(db: LtcDatabase, action: string): { actor: string; entity_id: string; before_json: string | null; after_json: string }[] {
  return db.raw
    .prepare("SELECT actor, entity_id, before_json, after_json FROM audit_log WHERE entity = 'claim' AND action = ? ORDER BY id")
    .all(action) as never;
}
