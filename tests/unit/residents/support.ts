/**
 * A database seeded with the sample institution (tests/fixtures/sample-ningbo.json), and the residents'
 * and beds' calls made as the dispatcher makes them: the input parsed by the contract's schema, then
 * the real handler on a real SQLite file (no mocks).
 */
import path from 'node:path';
import { bedsApi } from '../../../shared/api/beds';
import { residentsApi } from '../../../shared/api/residents';
import type { ServiceContext } from '../../../electron/services/api/context';
import { bedsHandlers } from '../../../electron/services/beds/bedsHandlers';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { residentsHandlers } from '../../../electron/services/residents/residentsHandlers';
import { sample, tempDir, track } from '../services/helpers';

export function emptyDb(): LtcDatabase {
  return track(openDatabase(path.join(tempDir(), 'residents.db')));
}

export function sampleDb(): LtcDatabase {
  const db = emptyDb();
  importDataset(db, sample(), { actor: 'seed' });
  return db;
}

export const ACTOR = '护士长张敏';

type Api = typeof residentsApi & typeof bedsApi;
type Name = keyof Api;
const API = { ...residentsApi, ...bedsApi } as Api;
const HANDLERS = { ...residentsHandlers, ...bedsHandlers } as Record<Name, (i: unknown, c: ServiceContext) => unknown>;

/** Calls a residents or beds method the way the dispatcher does. */
export function api(db: LtcDatabase, actor = ACTOR) {
  const ctx: ServiceContext = { db, actor, shell: 'browser', appVersion: 'test', openFolder: () => false };
  return async <M extends Name>(method: M, input: unknown) => {
    const parsed = API[method].input.parse(input);
    return (await HANDLERS[method](parsed, ctx)) as NonNullable<Api[M]['output']>;
  };
}

export function idOf(db: LtcDatabase, ref: string): number {
  return db.raw.prepare('SELECT id FROM residents WHERE ref = ?').pluck().get(ref) as number;
}

export const count = (db: LtcDatabase, sql: string): number => db.raw.prepare(sql).pluck().get() as number;

/** Runs a call expected to fail and returns the error. */
export async function refusal(p: Promise<unknown>): Promise<Error & { code?: string; problems?: { path: string; message: string }[] }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof Error)) throw new Error('expected the call to be refused');
  return e as Error & { code?: string };
}

/** Marks a month's regular claim as submitted (its records become read-only). */
export function submitMonth(db: LtcDatabase, month: string): void {
  db.raw
    .prepare(
      `INSERT INTO claims (month, kind, seq, status, policy_id, policy_version, computed_at, claim_json, submitted_at, submitted_by)
       VALUES (?, 'regular', 0, 'submitted', 'ningbo-2022', 'test', '2026-11-02T09:00:00.000+08:00', '{"lines":[],"issues":[]}', '2026-11-02T09:00:00.000+08:00', 'test')`,
    )
    .run(month);
}
