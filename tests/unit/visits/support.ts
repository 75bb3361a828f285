/**
 * A database seeded with the sample institution, and the visits' calls made as the dispatcher makes
 * them: the input parsed by the contract's schema, then the real handler (no mocks).
 */
import path from 'node:path';
import { visitsApi } from '../../../shared/api/visits';
import type { ServiceContext } from '../../../electron/services/api/context';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { visitsHandlers } from '../../../electron/services/visits/visitsHandlers';
import { sample, tempDir, track } from '../services/helpers';

export function sampleDb(): LtcDatabase {
  const db = track(openDatabase(path.join(tempDir(), 'visits.db')));
  importDataset(db, sample(), { actor: 'seed' });
  return db;
}

export const ACTOR = '护士长张敏';

type Api = typeof visitsApi;
type Name = keyof Api;

/** Calls a visits method the way the dispatcher does. */
export function visits(db: LtcDatabase, actor = ACTOR) {
  const ctx: ServiceContext = { db, actor, shell: 'browser', appVersion: 'test', openFolder: () => false };
  return async <M extends Name>(method: M, input: unknown) => {
    const parsed = visitsApi[method].input.parse(input);
    const handler = visitsHandlers[method] as (i: unknown, c: ServiceContext) => unknown;
    return (await handler(parsed, ctx)) as NonNullable<Api[M]['output']>;
  };
}

export function idOf(db: LtcDatabase, table: 'residents' | 'staff' | 'visits', ref: string): number {
  return db.raw.prepare(`SELECT id FROM ${table} WHERE ref = ?`).pluck().get(ref) as number;
}

/** An upload as the renderer sends it. */
export const upload = (name: string, bytes: Buffer | string): { name: string; base64: string } => ({ name, base64: Buffer.from(bytes).toString('base64') });
