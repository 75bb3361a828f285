/**
 * A real SQLite file per test and the staff calls made as the dispatcher makes them: the input parsed
 * by the contract's schema, then the real handler (no mocks). Failures come back as the dispatcher
 * would send them, so tests read the Chinese message the user sees.
 */
import path from 'node:path';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import type { ServiceContext } from '../../../electron/services/api/context';
import type { Handlers } from '../../../electron/services/api/handlers';
import { rosterHandlers } from '../../../electron/services/roster/rosterHandlers';
import { staffHandlers } from '../../../electron/services/staff/staffHandlers';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import type { ApiResult } from '../../../shared/api/errors';
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import { tempDir, track } from '../services/helpers';

export const ACTOR = '护士长张敏';

export function freshDb(name = 'staff.db'): LtcDatabase {
  return track(openDatabase(path.join(tempDir(), name)));
}

/** The dispatcher over the real handlers: what the renderer reaches through IPC or HTTP. */
export function api(db: LtcDatabase, actor = ACTOR) {
  const ctx: ServiceContext = { db, actor, shell: 'browser', appVersion: 'test', openFolder: () => false };
  // Only this feature's handlers: the other features' work does not decide whether these tests run.
  const dispatch = createDispatcher({ ...staffHandlers, ...rosterHandlers } as Handlers, ctx, () => undefined);
  const raw = <M extends MethodName>(method: M, input: InputOf<M>) => dispatch(method, input) as Promise<ApiResult<OutputOf<M>>>;
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const r = await raw(method, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  return { raw, call };
}

/** A valid ID number for a birth date and serial (GB 11643 check character computed). */
export { idNumber } from '../../support/builders';

export function auditRows(
  db: LtcDatabase,
  entity: string,
): { action: string; entity_id: string; before_json: string | null; after_json: string | null; actor: string }[] {
  return db.raw.prepare('SELECT action, entity_id, before_json, after_json, actor FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as never;
}
