/**
 * The claim's lifecycle with the real package builder on a real SQLite file (docs/rules.md §8): submit
 * freezes the claim and its files; the files regenerate byte for byte, even after the records
 * changed and the database was closed and reopened; a record found later goes into a numbered 补报.
 * Amounts: the sample's expected October claim, and the Ningbo hourly model (60 yuan/h, fund 80%).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsOfMonth, getClaim, readClaimFiles, writeClaim } from '../../../electron/services/claims/claimStore';
import { preparerWith, submitMonth, submitSupplementary, verifyRegeneration, type SubmissionPreparer } from '../../../electron/services/claims/lifecycle';
import { buildPackage } from '../../../electron/services/claims/package';
import { sha256Hex } from '../../../electron/services/claims/savePackage';
import { importDataset } from '../../../electron/services/dataset/importDataset';
import { openDatabase, type LtcDatabase } from '../../../electron/services/db/database';
import { ServiceError } from '../../../electron/services/errors';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { sample, tempDir, track } from '../services/helpers';
import { api as residentsApi } from '../residents/support';
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
  return call('visits.save', {
    id: v.id,
    residentId: v.residentId,
    staffId: v.staffId,
    start: v.start,
    end: v.end,
    items: v.items.map((i) => i.code),
    confirmed: true,
    correctionReason,
  });
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

  it('freezes what the claim and its documents need of the residents, not their phones and home addresses', async () => {
    const d = sample();
    d.residents[0]!.phone = '13800000001';
    d.residents[0]!.address = '海曙区中山西路1号';
    const db = track(openDatabase(path.join(tempDir(), 'ltc.db')));
    importDataset(db, d, { actor: 'seed' });
    const { claimId } = await submitMonth(db, submitOptions);
    const frozen = db.raw.prepare('SELECT records_json FROM claims WHERE id = ?').pluck().get(claimId) as string;
    expect(frozen).toContain(d.residents[0]!.name);
    expect(frozen).not.toContain('13800000001');
    expect(frozen).not.toContain('中山西路');
    // and the package made from it is the same as ever: 校验 regenerates it byte for byte
    expect(await verifyRegeneration(db, getClaim(db, claimId)!, buildPackage)).toEqual({ identical: true, differing: [] });
  });

  it('refuses a second submission of the month while the first is being prepared, and stores one', async () => {
    const db = sampleDb();
    const [a, b] = await Promise.allSettled([submitMonth(db, submitOptions), submitMonth(db, submitOptions)]);
    expect(a.status).toBe('fulfilled');
    const refused = (b as PromiseRejectedResult).reason as ServiceError;
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('正在申报');
    expect(claimsOfMonth(db, '2026-10').map((c) => c.summary.status)).toEqual(['submitted']);
  });

  it('refuses to store a submission when another process stored the month meanwhile (ltc beside the app)', async () => {
    const file = path.join(tempDir(), 'ltc.db');
    const db = sampleDb(file);
    const other = track(openDatabase(file));
    const prepare: SubmissionPreparer = async (d, r, onProgress) => {
      const p = await preparerWith(buildPackage)(d, r, onProgress);
      // another process (its own connection, outside this one's hold) stores October while this package is built
      const at = '2026-11-05T10:00:00';
      other.transaction(() =>
        writeClaim(other, {
          claim: p.claim,
          seq: 0,
          status: 'submitted',
          computedAt: at,
          recordsJson: p.recordsJson,
          generatedOn: '2026-11-05',
          submittedAt: at,
          submittedBy: '李会计',
        }),
      );
      return p;
    };
    const refused = await submitMonth(db, { ...submitOptions, prepare }).catch((x: unknown) => x);
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).code).toBe('LOCKED');
    expect((refused as ServiceError).message).toContain('不能重复申报');
    expect(claimsOfMonth(db, '2026-10').map((c) => c.summary.submittedBy)).toEqual(['李会计']);
  });

  it("holds the month's records while its submission is being prepared, even with a correction reason", async () => {
    const db = sampleDb();
    const submitting = submitMonth(db, submitOptions);
    for (const reason of [undefined, '家属补签']) {
      const held = (await confirmV6(db, reason).catch((e: unknown) => e)) as ServiceError;
      expect(held).toBeInstanceOf(ServiceError);
      expect(held.code).toBe('LOCKED');
      expect(held.message).toContain('2026-10 正在申报');
    }
    // a stay event that changes October's days is held too; one in December is not
    const call = residentsApi(db);
    const held = (await call('residents.addEvent', { residentId: idOf(db, 'residents', 'r2'), type: 'hospital', date: '2026-10-20' }).catch(
      (e: unknown) => e,
    )) as ServiceError;
    expect(held.code).toBe('LOCKED');
    expect(held.message).toContain('正在申报');
    await call('residents.addEvent', { residentId: idOf(db, 'residents', 'r2'), type: 'leave', date: '2026-12-01' });

    await submitting;
    // stored: now an ordinary submitted month, changed only with a correction reason
    await expect(confirmV6(db)).rejects.toMatchObject({ code: 'LOCKED', message: expect.stringContaining('已申报') as unknown });
    await expect(confirmV6(db, '家属补签')).resolves.toMatchObject({ confirmed: true });
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
    expect(claim.lines).toEqual([
      expect.objectContaining({ name: '陈淑芬', mode: 'home', coveredMinutes: 60, feeFen: 6000, fundFen: 4800, personalFen: 1200 }),
    ]);
    expect(claimsOfMonth(db, '2026-10').map((c) => [c.summary.kind, c.summary.seq])).toEqual([
      ['regular', 0],
      ['supplementary', 1],
    ]);
  });

  it('is refused for a month not yet submitted', async () => {
    const db = sampleDb();
    await expect(submitSupplementary(db, submitOptions)).rejects.toThrow(/尚未申报/);
  });
});
