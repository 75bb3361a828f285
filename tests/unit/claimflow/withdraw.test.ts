/**
 * 撤回 (issue 14, major 1): a claim submitted by mistake is withdrawn before the agency's result is
 * imported — kept with its files as history, audited with its reason, no longer claimed anywhere (ledger,
 * reconciliation, 补报); the month's records are writable again and the month can be submitted anew.
 * Refused once the result is imported, and for a month's claim while a 补报 of it stands.
 * Amounts: the sample's expected October claim (fund 2,612.00).
 */
import { describe, expect, it } from 'vitest';
import { claimsOfMonth, getClaim, readClaimFiles } from '../../../electron/services/claims/claimStore';
import { submitMonth, submitSupplementary } from '../../../electron/services/claims/lifecycle';
import { assertMonthWritable } from '../../../electron/services/claims/monthLock';
import { buildPackage } from '../../../electron/services/claims/package';
import { reconciliation } from '../../../electron/services/claims/reconciliation';
import { applyResult } from '../../../electron/services/claims/results';
import { withdrawClaim } from '../../../electron/services/claims/withdraw';
import type { LtcDatabase } from '../../../electron/services/db/database';
import { claimsLedger } from '../../../electron/services/reports/ledger';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { idOf, visits } from '../visits/support';
import { api, auditRows, sampleDb } from './support';

const options = { month: '2026-10', actor: '张会计', generatedOn: '2026-11-05', acceptErrors: true, build: buildPackage, today: '2026-11-05' };
const REASON = '误将未核对的入住记录申报，更正后重新申报';

/** v6 (陈淑芬, 2026-10-30, unsigned when October was submitted) gets its family's signature. */
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

describe('withdrawing a submitted claim (撤回)', () => {
  it('keeps the claim and its files as history, audits who, when and why, and unlocks the month', async () => {
    const db = sampleDb();
    const { claimId } = await submitMonth(db, options);
    const files = readClaimFiles(db, claimId);
    expect(assertMonthWritable.bind(null, db, ['2026-10'])).toThrow(/已申报/);

    const s = withdrawClaim(db, { claimId, reason: `  ${REASON} `, actor: '李主任' });
    expect(s).toMatchObject({ status: 'withdrawn', withdrawnBy: '李主任', withdrawReason: REASON, submittedBy: '张会计', totals: expected.totals });
    expect(s.withdrawnAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(readClaimFiles(db, claimId)).toEqual(files);
    const [audit] = auditRows(db, 'withdraw');
    expect(audit).toMatchObject({ actor: '李主任', entity_id: String(claimId) });
    expect(JSON.parse(audit!.after_json)).toMatchObject({
      status: 'withdrawn',
      reason: REASON,
      month: '2026-10',
      files: files.map((f) => ({ name: f.name, sha256: f.sha256 })),
    });

    // The records are writable again, without a correction reason.
    expect(assertMonthWritable(db, ['2026-10'])).toBeNull();
    await confirmV6(db);
  });

  it('counts a withdrawn claim nowhere, and the month is submitted again beside it', async () => {
    const db = sampleDb();
    const first = await submitMonth(db, options);
    withdrawClaim(db, { claimId: first.claimId, reason: REASON, actor: '张会计' });
    expect(claimsLedger(db).rows).toEqual([]);
    expect(reconciliation(db)).toEqual({ months: [], persons: [], reasons: [] });

    const again = await submitMonth(db, options);
    expect(again.claimId).not.toBe(first.claimId);
    expect(claimsOfMonth(db, '2026-10').map((c) => [c.summary.id, c.summary.status])).toEqual([
      [first.claimId, 'withdrawn'],
      [again.claimId, 'submitted'],
    ]);
    expect(claimsLedger(db).rows.map((r) => r.claimId)).toEqual([again.claimId]);
    expect(claimsLedger(db).totals.fundFen).toBe(expected.totals.fundFen);
    expect(reconciliation(db).months).toEqual([expect.objectContaining({ month: '2026-10', claims: 1, claimedFundFen: expected.totals.fundFen })]);

    const view = await api(db).call('claims.month', { month: '2026-10' });
    expect(view.regular?.id).toBe(again.claimId);
    expect(view.locked).toBe(true);
    expect(view.withdrawn.map((w) => [w.id, w.withdrawReason, w.files.length])).toEqual([[first.claimId, REASON, files(db, first.claimId)]]);
  });

  it('is refused once the agency’s result is imported, and for a claim already withdrawn', async () => {
    const db = sampleDb();
    const { claimId, claim } = await submitMonth(db, options);
    applyResult(
      db,
      claimId,
      claim.lines.map((l) => ({ idNumber: l.idNumber, mode: l.mode, result: 'accepted' as const })),
      '张会计',
    );
    expect(() => withdrawClaim(db, { claimId, reason: REASON, actor: 't' })).toThrow('已导入经办机构的审核结果（已结算），不能撤回');
    expect(getClaim(db, claimId)?.summary.status).toBe('settled');
    expect((await api(db).call('claims.month', { month: '2026-10' })).withdrawBlocked).toContain('不能撤回');

    const other = sampleDb('other.db');
    const s = await submitMonth(other, options);
    withdrawClaim(other, { claimId: s.claimId, reason: REASON, actor: 't' });
    expect(() => withdrawClaim(other, { claimId: s.claimId, reason: REASON, actor: 't' })).toThrow('已于');
    await expect(
      api(other).call('claims.importResult', {
        claimId: s.claimId,
        file: {
          name: 'r.json',
          base64: Buffer.from(JSON.stringify({ format: 'ltc-claim-result', version: 1, month: '2026-10', lines: [] })).toString('base64'),
        },
      }),
    ).rejects.toThrow('已撤回');
  });

  it('needs a reason, in the services and in the call’s input alike', async () => {
    const db = sampleDb();
    const { claimId } = await submitMonth(db, options);
    expect(() => withdrawClaim(db, { claimId, reason: '  ', actor: 't' })).toThrow('请填写撤回原因');
    const r = await api(db).raw('claims.withdraw', { claimId, reason: ' ' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('请填写撤回原因') } });
    expect(getClaim(db, claimId)?.summary.status).toBe('submitted');
    await expect(api(db).call('claims.withdraw', { claimId, reason: REASON, by: '王会计' })).resolves.toMatchObject({
      status: 'withdrawn',
      withdrawnBy: '王会计',
    });
  });

  it('withdraws a 补报 first, never reuses its number, and only then the month’s claim', async () => {
    const db = sampleDb();
    const regular = await submitMonth(db, options);
    await confirmV6(db, '家属补签');
    const supp1 = await submitSupplementary(db, options);
    expect(() => withdrawClaim(db, { claimId: regular.claimId, reason: REASON, actor: 't' })).toThrow('还有补报 1，请先撤回补报');
    const supps = await api(db).call('claims.supplementary', { month: '2026-10' });
    expect(supps.map((s) => [s.seq, s.withdrawBlocked])).toEqual([[1, null]]);

    withdrawClaim(db, { claimId: supp1.claimId, reason: '补报金额有误', actor: 't' });
    expect(await api(db).call('claims.supplementary', { month: '2026-10' })).toEqual([]);
    // The withdrawn 补报 claimed nothing: the next one adds the same again, as 补报 2.
    const supp2 = await submitSupplementary(db, options);
    expect(getClaim(db, supp2.claimId)?.summary).toMatchObject({ seq: 2, totals: getClaim(db, supp1.claimId)?.summary.totals });
    withdrawClaim(db, { claimId: supp2.claimId, reason: '再次核对', actor: 't' });
    expect(withdrawClaim(db, { claimId: regular.claimId, reason: REASON, actor: 't' }).status).toBe('withdrawn');
    expect(claimsLedger(db).rows).toEqual([]);
  });
});

const files = (db: LtcDatabase, id: number) => readClaimFiles(db, id).length;
