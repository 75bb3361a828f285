/** A real SQLite file with an institution, residents in stay and a team, and the rota calls as the dispatcher makes them. */
import path from 'node:path';
import type { ServiceContext } from '../../../electron/services/api/context';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import type { Handlers } from '../../../electron/services/api/handlers';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { rotaHandlers } from '../../../electron/services/rota/rotaHandlers';
import { jobsHandlers } from '../../../electron/services/jobs/jobsHandlers';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import type { Certificate, Resident, Staff } from '../../../shared/domain/model';
import { admit, assessed, institution, resident, staff } from '../../support/builders';
import { tempDir, track } from '../services/helpers';

export const ACTOR = '护士长张敏';

export function freshDb(name = 'rota.db'): LtcDatabase {
  return track(openDatabase(path.join(tempDir(), name)));
}

export function api(db: LtcDatabase, actor = ACTOR) {
  const ctx: ServiceContext = { db, actor, shell: 'browser', appVersion: 'test', openFolder: () => false };
  const dispatch = createDispatcher({ ...rotaHandlers, ...jobsHandlers } as Handlers, ctx, () => undefined);
  const raw = <M extends MethodName>(method: M, input: InputOf<M>) => dispatch(method, input) as Promise<ApiResult<OutputOf<M>>>;
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const r = await raw(method, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  return { raw, call };
}

const carerCert: Certificate = { type: 'elderly-caregiver', number: 'E', issuedOn: '2020-01-01' };
const nurseCert: Certificate = { type: 'nurse-licence', number: 'N', issuedOn: '2022-01-01', expiresOn: '2026-12-31' };

/**
 * `severe` level-4 residents in an institutional stay since 2026-09-01 (assessed in August: in force from
 * September), `carers` caregivers (S1…) and `nurses` nurses (N1…), employed since 2020.
 */
export function seed(db: LtcDatabase, opts: { severe: number; carers: number; nurses: number }): void {
  const residents: Resident[] = Array.from({ length: opts.severe }, (_v, i) => resident(`r${i + 1}`, [assessed(4, '2026-08-10')], [admit('2026-09-01')]));
  const team: Staff[] = [
    ...Array.from({ length: opts.nurses }, (_v, i) => staff(`N${i + 1}`, [nurseCert], { name: `护士${i + 1}`, role: 'nurse', employedFrom: '2020-01-01' })),
    ...Array.from({ length: opts.carers }, (_v, i) =>
      staff(`S${i + 1}`, [carerCert], { name: `护理员${i + 1}`, role: 'caregiver', employedFrom: '2020-01-01' }),
    ),
  ];
  importDataset(db, { format: 'ltc-dataset', version: 1, institution: institution(), residents, staff: team, visits: [] }, { actor: ACTOR });
}

export function staffId(db: LtcDatabase, ref: string): number {
  return db.raw.prepare('SELECT id FROM staff WHERE ref = ?').pluck().get(ref) as number;
}
