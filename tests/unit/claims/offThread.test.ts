/**
 * The month's claim computed in the built claim worker (out/main/claimWorker.js, as the app and the
 * browser-preview host run it) is the claim computed in the same thread, and sees every commit. A
 * submission prepared there (the claim, its checks, the package) is stored exactly as one made in the
 * same thread, and its refusals come back as the same errors.
 * Needs `npm run build` first (npm test does it).
 */
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtClaimWorker, computeMonthClaimOffThread, offThreadPreparer, verifyRegenerationOffThread } from '../../../electron/services/claims/claimOffThread';
import { claimsOfMonth, getClaim, readClaimFiles, readClaimRecords } from '../../../electron/services/claims/claimStore';
import { submitMonth, verifyRegeneration } from '../../../electron/services/claims/lifecycle';
import { buildPackage } from '../../../electron/services/claims/package';
import { computeMonthClaim } from '../../../electron/services/claims/monthClaim';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase } from '../../../electron/services/db/database';
import { InputError, ServiceError } from '../../../electron/services/errors';
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

  const submitOptions = { month: '2026-10', actor: '张会计', generatedOn: '2026-11-05', acceptErrors: true, build: buildPackage };
  const sampleDb = () => {
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    importDataset(db, sample(), { actor: 'seed' });
    return db;
  };

  /** Two copies of one database: the same records and the same audit trail (whose head the manifest prints). */
  const twinDbs = () => {
    const first = sampleDb();
    first.close();
    const second = path.join(tempDir(), 'ltc.db');
    copyFileSync(first.file, second);
    return [track(openDatabase(first.file)), track(openDatabase(second))] as const;
  };

  it('prepares a submission whose stored claim, records and files are those of one made in this thread', async () => {
    const [off, here] = twinDbs();
    const phases: string[] = [];
    // one 申报时间 for both: the package prints it
    const submittedAt = '2026-11-05T09:30:00.000+08:00';
    const a = await submitMonth(off, { ...submitOptions, submittedAt, prepare: offThreadPreparer(workerFile), onProgress: (p) => phases.push(p.phase) });
    const b = await submitMonth(here, { ...submitOptions, submittedAt });
    // the worker reports the package's progress as it goes, ending with the manifest
    expect(phases).toContain('生成文件清单');
    expect(a.claim.totals).toMatchObject(expected.totals);
    expect(getClaim(off, a.claimId)!.summary).toMatchObject({ status: 'submitted', submittedBy: '张会计', totals: expected.totals });
    expect(readClaimFiles(off, a.claimId).map((f) => [f.name, f.sha256])).toEqual(readClaimFiles(here, b.claimId).map((f) => [f.name, f.sha256]));
    expect(readClaimRecords(off, a.claimId)).toEqual(readClaimRecords(here, b.claimId));
    await expect(verifyRegeneration(off, getClaim(off, a.claimId)!, buildPackage)).resolves.toEqual({ identical: true, differing: [] });
  });

  it('verifies a submitted package in the worker: identical, or the files that differ; an unknown claim is not found', async () => {
    const db = sampleDb();
    const { claimId } = await submitMonth(db, submitOptions);
    const phases: string[] = [];
    await expect(verifyRegenerationOffThread(db, claimId, (p) => phases.push(p.phase), workerFile)).resolves.toEqual({ identical: true, differing: [] });
    // the package is made again with its progress reported, as the 校验 job shows it
    expect(phases).toContain('生成文件清单');
    // a stored file whose recorded SHA-256 no longer matches what the frozen records give
    db.raw.prepare("UPDATE claim_files SET sha256 = ? WHERE claim_id = ? AND name = 'claim.xlsx'").run('0'.repeat(64), claimId);
    await expect(verifyRegenerationOffThread(db, claimId, undefined, workerFile)).resolves.toEqual({ identical: false, differing: ['claim.xlsx'] });
    const missing = await verifyRegenerationOffThread(db, 999, undefined, workerFile).catch((x: unknown) => x);
    expect(missing).toBeInstanceOf(ServiceError);
    expect((missing as ServiceError).code).toBe('NOT_FOUND');
  });

  it('brings the refusals of a submission back as the same errors, and stores nothing for them', async () => {
    const db = sampleDb();
    const prepare = offThreadPreparer(workerFile);
    // the sample's October has errors (a short visit, a medical item by a carer without a licence)
    const refused = await submitMonth(db, { ...submitOptions, acceptErrors: false, prepare }).catch((x: unknown) => x);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).message).toContain('确认带错误申报');
    expect((refused as InputError).problems.length).toBeGreaterThan(0);
    expect(claimsOfMonth(db, '2026-10')).toEqual([]);

    await submitMonth(db, { ...submitOptions, prepare });
    const twice = await submitMonth(db, { ...submitOptions, prepare }).catch((x: unknown) => x);
    expect(twice).toBeInstanceOf(ServiceError);
    expect((twice as ServiceError).code).toBe('LOCKED');
    expect(claimsOfMonth(db, '2026-10')).toHaveLength(1);
  });

  it('runs in the same thread where no built worker exists (the sources under test)', () => {
    expect(builtClaimWorker()).toBeNull();
    expect(builtClaimWorker(path.resolve(__dirname))).toBeNull();
  });
});
