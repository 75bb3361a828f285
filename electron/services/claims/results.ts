/**
 * The agency's result (审核结果) against its claim: per claim line accepted (通过), deducted (扣款,
 * with amount and reason) or rejected (拒付, with reason). Planned first — every line answered once,
 * amounts within the fund share — so the screen can show what importing would record (previewResult)
 * before anything is written; applying the same plan settles the claim. Reading files: resultFile.ts.
 */
import type { LineResult, ResultPreview } from '../../../shared/api/claims';
import { CARE_MODE_NAMES } from '../../../shared/domain/glossary';
import { maskIdNumber } from '../../../shared/domain/ids';
import { formatYuan } from '../../../shared/domain/money';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { InputError, ServiceError, type Problem } from '../errors';
import { getClaim, type StoredClaim } from './claimStore';
import type { ResultLine } from './resultFile';

export { readResultFile, resultTemplate, RESULT_SHEET, type ResultLine } from './resultFile';
export type { LineResult } from './resultFile';

function submittedClaim(db: LtcDatabase, claimId: number): StoredClaim {
  const stored = getClaim(db, claimId);
  if (!stored) throw new ServiceError('NOT_FOUND', `找不到结算申报 ${claimId}`);
  const s = stored.summary.status;
  if (s !== 'submitted') {
    throw new ServiceError(
      'CONFLICT',
      s === 'draft' ? '该结算尚未申报，不能导入审核结果' : s === 'withdrawn' ? '该申报已撤回，不能导入审核结果' : '该结算已导入过审核结果',
    );
  }
  return stored;
}

/** What the result records per claim line; refuses (listing every problem, ID numbers masked) a result that does not fit the claim. */
function planResult(stored: StoredClaim, lines: readonly ResultLine[]): ResultPreview {
  const key = (id: string, mode: string) => `${id}/${mode}`;
  const claimed = new Map(stored.claim.lines.map((l) => [key(l.idNumber, l.mode), l]));
  const given = new Map<string, ResultLine>();
  const problems: Problem[] = [];
  // ID numbers are masked in what the screen shows (docs/rules.md §9): the name says who it is.
  for (const r of lines) {
    const k = key(r.idNumber, r.mode);
    const line = claimed.get(k);
    const who = line ? `${line.name}（${maskIdNumber(line.idNumber)}）` : maskIdNumber(r.idNumber);
    if (!line) problems.push({ path: who, message: `申报中没有身份证号 ${maskIdNumber(r.idNumber)} 的${CARE_MODE_NAMES[r.mode]}明细` });
    else if (given.has(k)) problems.push({ path: who, message: `${line.name} 的${CARE_MODE_NAMES[r.mode]}出现了两次` });
    else if (r.result === 'deducted' && (r.deductedFen ?? 0) > line.fundFen) {
      problems.push({
        path: who,
        message: `${line.name} 的扣款金额 ${formatYuan(r.deductedFen ?? 0)} 元超过了申报的基金支付金额 ${formatYuan(line.fundFen)} 元`,
      });
    }
    given.set(k, r);
  }
  for (const [k, l] of claimed)
    if (!given.has(k)) problems.push({ path: `${l.name}（${maskIdNumber(l.idNumber)}）`, message: `缺少 ${l.name}（${CARE_MODE_NAMES[l.mode]}）的审核结果` });
  if (problems.length > 0) throw new InputError(`审核结果与申报不符，未导入（${problems.length} 处）：`, problems);

  const counts: ResultPreview['counts'] = { accepted: { lines: 0, fen: 0 }, deducted: { lines: 0, fen: 0 }, rejected: { lines: 0, fen: 0 } };
  const planned = [...claimed].map(([k, line]) => {
    const r = given.get(k) as ResultLine;
    const deductedFen = r.result === 'accepted' ? 0 : r.result === 'rejected' ? line.fundFen : (r.deductedFen ?? 0);
    const paidFundFen = line.fundFen - deductedFen;
    const c = counts[r.result];
    c.lines++;
    c.fen += r.result === 'accepted' ? paidFundFen : deductedFen;
    return {
      idNumber: line.idNumber,
      name: line.name,
      mode: line.mode,
      result: r.result as LineResult,
      claimedFundFen: line.fundFen,
      deductedFen,
      paidFundFen,
      reason: r.reason ?? null,
    };
  });
  const s = stored.summary;
  return {
    claimId: s.id,
    month: s.month,
    kind: s.kind,
    seq: s.seq,
    lines: planned,
    counts,
    claimedFundFen: planned.reduce((n, l) => n + l.claimedFundFen, 0),
    paidFundFen: planned.reduce((n, l) => n + l.paidFundFen, 0),
  };
}

/** What importing `lines` into claim `claimId` would record, without recording it. */
export function previewResult(db: LtcDatabase, claimId: number, lines: readonly ResultLine[]): ResultPreview {
  return planResult(submittedClaim(db, claimId), lines);
}

/** Applies a result to a submitted claim: every line answered once, amounts within the fund share. */
export function applyResult(db: LtcDatabase, claimId: number, lines: readonly ResultLine[], actor: string): void {
  db.transaction(() => {
    // Checked inside the write: another window may have imported it, or withdrawn the claim, meanwhile.
    const stored = submittedClaim(db, claimId);
    const plan = planResult(stored, lines);
    const now = localTimestamp();
    const insert = db.raw.prepare(
      'INSERT INTO claim_results (claim_id, id_number, mode, result, claimed_fund_fen, deducted_fen, paid_fund_fen, reason, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const count = { accepted: 0, deducted: 0, rejected: 0 };
    const deductions: Record<string, unknown>[] = [];
    let deductedFen = 0;
    const refOf = new Map(stored.claim.lines.map((l) => [`${l.idNumber}|${l.mode}`, l.resident]));
    for (const l of plan.lines) {
      insert.run(claimId, l.idNumber, l.mode, l.result, l.claimedFundFen, l.deductedFen, l.paidFundFen, l.reason, now);
      count[l.result]++;
      deductedFen += l.deductedFen;
      if (l.result !== 'accepted')
        deductions.push({
          ref: refOf.get(`${l.idNumber}|${l.mode}`),
          name: l.name,
          mode: l.mode,
          result: l.result,
          deductedFen: l.deductedFen,
          reason: l.reason,
        });
    }
    db.raw.prepare("UPDATE claims SET status = 'settled', settled_at = ? WHERE id = ?").run(now, claimId);
    // What the agency decided, so the trail answers "what was deducted and why" without the claim at hand.
    const claimedFundFen = stored.claim.totals.fundFen;
    const { month, kind } = stored.claim;
    recordAudit(db, {
      actor,
      action: 'settle',
      entity: 'claim',
      entityId: claimId,
      after: {
        month,
        kind,
        ...(kind === 'supplementary' ? { seq: stored.summary.seq } : {}),
        lines: lines.length,
        ...count,
        claimedFundFen,
        deductedFen,
        paidFundFen: claimedFundFen - deductedFen,
        deductions,
      },
    });
  });
}
