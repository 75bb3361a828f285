/** A database with home clients (addresses in two streets), caregivers, and the plan calls as the dispatcher makes them. */
import path from 'node:path';
import type { ServiceContext } from '../../../electron/services/api/context';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import type { Handlers } from '../../../electron/services/api/handlers';
import { plansHandlers } from '../../../electron/services/carePlans/plansHandlers';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { jobsHandlers } from '../../../electron/services/jobs/jobsHandlers';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { JobStatus } from '../../../shared/api/jobs';
import type { Certificate, Resident, Staff, Visit } from '../../../shared/domain/model';
import { admit, assessed, institution, resident, staff } from '../../support/builders';
import { tempDir, track } from '../services/helpers';

export function freshDb(): LtcDatabase {
  return track(openDatabase(path.join(tempDir(), 'plans.db')));
}

export function api(db: LtcDatabase) {
  const ctx: ServiceContext = { db, actor: '护士长张敏', shell: 'browser', appVersion: 'test', openFolder: () => false };
  const dispatch = createDispatcher({ ...plansHandlers, ...jobsHandlers } as Handlers, ctx, () => undefined);
  const raw = <M extends MethodName>(method: M, input: InputOf<M>) => dispatch(method, input) as Promise<ApiResult<OutputOf<M>>>;
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const r = await raw(method, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const job = async (jobId: string): Promise<JobStatus> => {
    for (;;) {
      const s = await call('jobs.status', { id: jobId });
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { raw, call, job };
}

const carer: Certificate = { type: 'elderly-caregiver', number: 'E', issuedOn: '2020-01-01' };

/** `clients` level-4 home clients (home care since 2026-09-01) alternately in 甲 and 乙 街道, `carers` caregivers. */
export function seed(db: LtcDatabase, opts: { clients: number; carers: number; visits?: Visit[]; extraStaff?: Staff[] }): void {
  const residents: Resident[] = Array.from({ length: opts.clients }, (_v, i) =>
    resident(`c${i + 1}`, [assessed(4, '2026-08-10')], [admit('2026-09-01', 'home')], {
      name: `对象${i + 1}`,
      address: `宁波市海曙区${i % 2 ? '乙' : '甲'}街道幸福小区${i + 1}号`,
    }),
  );
  const team: Staff[] = [
    ...Array.from({ length: opts.carers }, (_v, i) => staff(`s${i + 1}`, [carer], { name: `护理员${i + 1}`, role: 'caregiver', employedFrom: '2020-01-01' })),
    ...(opts.extraStaff ?? []),
  ];
  importDataset(db, { format: 'ltc-dataset', version: 1, institution: institution(), residents, staff: team, visits: opts.visits ?? [] }, { actor: 'test' });
}

export const idOf = (db: LtcDatabase, table: 'residents' | 'staff', ref: string): number =>
  db.raw.prepare(`SELECT id FROM ${table} WHERE ref = ?`).pluck().get(ref) as number;
