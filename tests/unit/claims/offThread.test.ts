/**
 * The month's claim computed in the built claim worker (out/main/claimWorker.js, as the app and the
 * browser-preview host run it) is the claim computed in the same thread, and sees every commit.
 * Needs `npm run build` first (npm test does it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtClaimWorker, computeMonthClaimOffThread } from '../../../electron/services/claims/claimOffThread';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { InputError } from '../../../electron/services/errors';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { sample, tempDir, track } from '../services/helpers';

const OUT_MAIN = path.resolve(__dirname, '../../../out/main');
let workerFile = '';
beforeAll(() => {
  const found = builtClaimWorker(OUT_MAIN);
  if (!found || !existsSync(found)) throw new Error('out/main/claimWorker.js is missing: run `npm run build` before these tests');
  workerFile = found;
});

describe('the claim worker', () => {
  it('computes the same claim as the same thread, and sees a change committed after its first read', async () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    importDataset(db, sample(), { actor: 'seed' });
    const off = await computeMonthClaimOffThread(db, '2026-10', workerFile);
    expect(off).toEqual(computeMonthClaim(db, '2026-10'));
    expect(off.totals).toMatchObject(expected.totals);

    // v6 (60 min, unconfirmed) is confirmed: 陈淑芬 gains 60 covered minutes
    db.raw.prepare("UPDATE visits SET confirmed = 1 WHERE ref = 'v6'").run();
    const again = await computeMonthClaimOffThread(db, '2026-10', workerFile);
    expect(again.totals.coveredMinutes).toBe(expected.totals.coveredMinutes + 60);
  });

  it('brings a refusal back as the same Chinese input error', async () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    importDataset(db, sample(), { actor: 'seed' });
    const e = await computeMonthClaimOffThread(db, '2026-13', workerFile).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toContain('YYYY-MM');
  });

  it('runs in the same thread where no built worker exists (the sources under test)', () => {
    expect(builtClaimWorker(path.resolve(__dirname))).toBeNull();
  });
});
