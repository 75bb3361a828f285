/** The inspection tests' institution: a small demo with the self-audit's patterns planted in 2026-10, served by the real dispatcher. */
import path from 'node:path';
import type { ServiceContext } from '../../../electron/services/api/context';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import { handlers } from '../../../electron/services/api/registry';
import { plantAuditPatterns } from '../../../electron/services/demo/auditPatterns';
import { generateDemoDataset } from '../../../electron/services/demo/generateDemo';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { jobStatus } from '../../../electron/services/jobs/jobs';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import { pinToday } from '../../support/today';
import { tempDir, track } from '../services/helpers';

export const MONTH = '2026-10';
export const PERIOD = { from: '2026-10-01', to: '2026-10-31' };

export function setup() {
  pinToday('2026-12-06');
  const db = track(openDatabase(path.join(tempDir(), 'inspect.db')));
  const dataset = generateDemoDataset({ institutionalResidents: 12, homeClients: 20 });
  const planted = plantAuditPatterns(dataset, MONTH);
  importDataset(db, dataset, { actor: '院长' });
  const ctx: ServiceContext = { db, actor: '院长', shell: 'browser', appVersion: 'test', openFolder: () => false };
  const dispatch = createDispatcher(handlers, ctx, () => undefined);
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const r = await dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as OutputOf<M>;
  };
  const job = async <T>(started: { jobId: string }): Promise<T> => {
    for (;;) {
      const s = jobStatus(started.jobId);
      if (s.state === 'done') return s.result as T;
      if (s.state === 'failed') throw new Error(s.error?.message);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { db, dispatch, call, job, planted };
}

export const auditRows = (db: LtcDatabase, action: string) =>
  db.raw.prepare('SELECT entity, entity_id, after_json FROM audit_log WHERE action = ?').all(action) as {
    entity: string;
    entity_id: string;
    after_json: string | null;
  }[];
