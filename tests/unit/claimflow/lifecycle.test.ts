/**
 * The claim's lifecycle with the real package builder on a real SQLite file (DOMAIN.md 8): submit
 * freezes the claim and its files; the files regenerate byte for byte, even after the records
 * changed and the database was closed and reopened; a record found later goes into a numbered 补报.
 * Amounts: the sample's expected October claim, and the Ningbo hourly model (60 yuan/h, fund 80%).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsOfMonth, getClaim, readClaimFiles } from '../../../electron/services/claims/claimStore';
import { submitMonth, submitSupplementary, verifyRegeneration } from '../../../electron/services/claims/lifecycle';
import { buildPackage } from '../../../electron/services/claims/package';
import { sha256Hex } from '../../../electron/services/claims/savePackage';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { ServiceError } from '../../../electron/services/errors';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { sample, tempDir, track } from '../services/helpers';
import { idOf, visits } from '../visits/support';

const submitOptions = { month: '2026-10', actor: '张会计', generatedOn: '2026-11-05', acceptErrors: true, build: buildPackage };

function sampleDb(file = path.join(tempDir(), 'ltc.db')): LtcDatabase {
  const db = track(openDatabase(file));
  importDataset(db, sample(), { actor: 'seed' });
  return db;
}

/** v6 (陈淑芬, 2026-10-30 09:00–10:00) was not signed when October was submitted; the family signs later. */
async function confirmV6(db: LtcDatabase, correctionReason?: string) {
  const call = visits(db);
  const v = await call('visits.get', { id: idOf(db, 'visits', 'v6') });
  return call('visits.save', { id: v.id, residentId: v.residentId, staffId: v.staffId, start: v.start, end: v.end, items: v.items.map((i) => i.code), confirmed: true, correctionReason });
}

describe('submitting a month', () => {
  it('refuses a month with errors unless they are accepted, and stores nothing', async () => {
    const db = sampleDb();
    await expect(submitMonth(db, { ...submitOptions, acceptErrors: false })).rejects.toThrow(/错误/);
    expect(claimsOfMonth(db, '2026-10')).toEqual([]);
  });

  it('freezes the claim with who and when, and stores every file of the package with its SHA-256', async () => {
    const db = sampleDb();
    const { claimId, files } = await submitMonth(db, submitOptions);
    const stored = getClaim(db, claimId)!;
    expect(stored.summary).toMatchObject({ status: 'submitted', kind: 'regular', seq: 0, submittedBy: '张会计', generatedOn: '2026-11-05' });
    expect(stored.summary.totals).toMatchObject(expected.totals);
    const kept = readClaimFiles(db, claimId);
    expect(kept.map((f) => f.name)).toEqual(files.map((f) => f.name));
    for (const f of kept) expect(sha256Hex(f.bytes), f.name).toBe(f.sha256);
    expect(kept.map((f) => f.name)).toEqual(expect.arrayContaining(['claim.json', 'claim.xlsx', 'manifest.json', '结算申报汇总表.pdf']));
  });

  it('stores one of two submissions of the month made at once, and refuses the other as already submitted', async () => {
    const db = sampleDb();
    // both are checked and build their packages before either is stored (two windows, or a window and ltc)
    // whichever package is built first is stored
    const both = await Promise.allSettled([submitMonth(db, submitOptions), submitMonth(db, submitOptions)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = (both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as ServiceError;
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused.code).toBe('LOCKED');
    expect(refused.message).toContain('不能重复申报');
    expect(claimsOfMonth(db, '2026-10').map((c) => c.summary.status)).toEqual(['submitted']);
  });

  it('makes the month read-only: a change needs a correction reason', async () => {
    const db = sampleDb();
    await submitMonth(db, submitOptions);
    const refused = await confirmV6(db).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).code).toBe('LOCKED');
    await expect(confirmV6(db, '家属11月2日补签')).resolves.toMatchObject({ confirmed: true });
  });

  it('regenerates the submitted files byte for byte after the records changed and the file was reopened', async () => {
    const file = path.join(tempDir(), 'ltc.db');
    const db = sampleDb(file);
    const { claimId } = await submitMonth(db, submitOptions);
    await confirmV6(db, '家属补签');
    db.close();
    const again = track(openDatabase(file));
    await expect(verifyRegeneration(again, getClaim(again, claimId)!, buildPackage)).resolves.toEqual({ identical: true, differing: [] });
  });
});

describe('补报 (supplementary claim)', () => {
  it('claims only what the records now add, as supplementary claim no. 1, and refuses when nothing is new', async () => {
    const db = sampleDb();
    await submitMonth(db, submitOptions);
    await expect(submitSupplementary(db, submitOptions)).rejects.toThrow(/没有可补报/);

    await confirmV6(db, '家属补签');
    const { claimId, claim } = await submitSupplementary(db, submitOptions);
    expect(getClaim(db, claimId)!.summary).toMatchObject({ kind: 'supplementary', seq: 1, status: 'submitted' });
    // 60 more minutes for 陈淑芬 (level 3, quota 20 h not reached): fee 60.00, fund 80% = 48.00
    expect(claim.lines).toEqual([expect.objectContaining({ name: '陈淑芬', mode: 'home', coveredMinutes: 60, feeFen: 6000, fundFen: 4800, personalFen: 1200 })]);
    expect(claimsOfMonth(db, '2026-10').map((c) => [c.summary.kind, c.summary.seq])).toEqual([['regular', 0], ['supplementary', 1]]);
  });

  it('is refused for a month not yet submitted', async () => {
    const db = sampleDb();
    await expect(submitSupplementary(db, submitOptions)).rejects.toThrow(/尚未申报/);
  });
});
