/**
 * 撤回: a submitted claim withdrawn before the agency's result is imported — the wrong month was
 * submitted, or a record was wrong and the month should be submitted again instead of corrected by
 * 补报. The claim is not deleted: its row, frozen JSON, records and files stay as history, marked
 * withdrawn with who, when and why (audited). A withdrawn claim is no longer claimed: the ledger,
 * reconciliation and 补报 ignore it, and once the month's regular claim is withdrawn its records are
 * writable again (monthLock.ts looks at submitted and settled claims only) and it can be submitted anew.
 * Once a result is imported the agency has answered: withdrawing is refused (a 补报 or the agency's
 * own correction is the way then).
 */
import type { ClaimSummary } from '../../../shared/api/claims';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { InputError, ServiceError } from '../errors';
import { claimsOfMonth, getClaim, isSent, listClaimFiles } from './claimStore';
import { submittingMonths } from './monthLock';

export interface WithdrawOptions {
  claimId: number;
  /** why, in the administrator's words: required, kept with the claim and in the audit log */
  reason: string;
  /** the audit log's actor: who is logged in, or the OS user of `ltc` */
  actor: string;
  /** 撤回人 kept with the claim (`ltc withdraw --by`); the actor when not given */
  withdrawnBy?: string;
}

const label = (s: ClaimSummary) => `${s.month} ${s.kind === 'regular' ? '申报' : `补报 ${s.seq}`}`;
const at = (t: string | null) => (t ?? '').slice(0, 16).replace('T', ' ');

/** Why the claim cannot be withdrawn now, or null. */
export function withdrawRefusal(db: LtcDatabase, s: ClaimSummary): string | null {
  if (s.status === 'draft') return `${label(s)}尚未申报，不需要撤回。`;
  if (s.status === 'withdrawn') return `${label(s)}已于 ${at(s.withdrawnAt)} 撤回（${s.withdrawnBy ?? ''}）。`;
  if (s.status === 'settled') {
    return `${label(s)}已导入经办机构的审核结果（已结算），不能撤回。申报后发现的记录请做补报；结算有误请与经办机构联系更正。`;
  }
  if (submittingMonths(db).includes(s.month)) return `${s.month} 正在申报（生成申报包），请等它完成后再撤回。`;
  if (s.kind === 'regular') {
    const live = claimsOfMonth(db, s.month).filter((c) => c.summary.kind === 'supplementary' && isSent(c.summary));
    if (live.some((c) => c.summary.status === 'settled')) return `${s.month} 的补报已结算，本月申报不能撤回。`;
    if (live.length > 0) return `${s.month} 还有补报 ${live.map((c) => c.summary.seq).join('、')}，请先撤回补报，再撤回本月申报。`;
  }
  return null;
}

/** Withdraws a submitted claim; returns it as now stored (status withdrawn). */
export function withdrawClaim(db: LtcDatabase, o: WithdrawOptions): ClaimSummary {
  const reason = o.reason.trim();
  if (!reason) throw new InputError('请填写撤回原因（记入申报记录和审计日志）', [{ path: 'reason', message: '请填写撤回原因' }]);
  return db.transaction(() => {
    const stored = getClaim(db, o.claimId);
    if (!stored) throw new ServiceError('NOT_FOUND', `找不到结算申报 ${o.claimId}`);
    const refusal = withdrawRefusal(db, stored.summary);
    if (refusal) throw new ServiceError('CONFLICT', refusal);
    const now = localTimestamp();
    db.raw
      .prepare("UPDATE claims SET status = 'withdrawn', withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ? WHERE id = ? AND status = 'submitted'")
      .run(now, o.withdrawnBy ?? o.actor, reason, o.claimId);
    const s = stored.summary;
    recordAudit(db, {
      actor: o.actor,
      action: 'withdraw',
      entity: 'claim',
      entityId: o.claimId,
      before: { status: s.status },
      after: {
        status: 'withdrawn',
        reason,
        month: s.month,
        kind: s.kind,
        seq: s.seq,
        submittedAt: s.submittedAt,
        totals: s.totals,
        // the files stay stored; their hashes say which package the agency should disregard
        files: listClaimFiles(db, o.claimId).map((f) => ({ name: f.name, sha256: f.sha256 })),
      },
    });
    return (getClaim(db, o.claimId) as NonNullable<ReturnType<typeof getClaim>>).summary;
  });
}
