/** A dispatcher as the host and the desktop window build it: with sessions, each caller in her own slot. */
import path from 'node:path';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import type { ServiceContext } from '../../../electron/services/api/context';
import { handlers } from '../../../electron/services/api/registry';
import { memorySlot, SessionStore, type SessionSlot } from '../../../electron/services/auth/sessions';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import type { ApiResult } from '../../../shared/api/errors';
import { tempDir, track } from '../services/helpers';

export interface Served {
  db: LtcDatabase;
  sessions: SessionStore;
  /** a caller (a window, a browser): calls in her own slot */
  caller(): { slot: SessionSlot; call(method: string, input?: unknown): Promise<ApiResult<unknown>> };
}

/** `kept`: the database outlives one test (a beforeAll's); close it in afterAll. */
export function served(kept = false): Served {
  const opened = openDatabase(path.join(tempDir(), 'auth.db'));
  const db = kept ? opened : track(opened);
  const sessions = new SessionStore();
  const ctx: ServiceContext = { db, actor: 'os-user', shell: 'browser', appVersion: 'test', openFolder: () => false, sessions };
  const dispatch = createDispatcher(handlers, ctx, () => undefined);
  return {
    db,
    sessions,
    caller() {
      const slot = memorySlot();
      return { slot, call: (method, input) => dispatch(method, input, slot) };
    },
  };
}

export const ok = <T>(r: ApiResult<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};
