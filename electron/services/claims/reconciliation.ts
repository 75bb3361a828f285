/**
 * 对账: claimed vs paid per month and per person, and the agency's deduction reasons by frequency.
 * Claimed counts every submitted claim of a month (regular and 补报); paid counts settled lines only.
 * A withdrawn claim (撤回) was never claimed: it counts nowhere.
 */
import type { Claim } from '../../../shared/claims/types';
import type { LtcDatabase } from '../db/database';

export interface MonthReconciliation {
  month: string;
  claims: number;
  settled: number;
  claimedFundFen: number;
  paidFundFen: number;
  deductedFen: number;
}

export interface PersonReconciliation {
  month: string;
  claimId: number;
  idNumber: string;
  name: string;
  mode: string;
  claimedFundFen: number;
  result: 'accepted' | 'deducted' | 'rejected' | null;
  paidFundFen: number | null;
  deductedFen: number;
  reason: string | null;
}

export interface Reconciliation {
  months: MonthReconciliation[];
  persons: PersonReconciliation[];
  reasons: { reason: string; count: number; deductedFen: number }[];
}

export function reconciliation(db: LtcDatabase, filter: { month?: string } = {}): Reconciliation {
  const claims = db.raw
    .prepare(
      "SELECT id, month, status, claim_json FROM claims WHERE status IN ('submitted', 'settled') AND (@month IS NULL OR month = @month) ORDER BY month DESC, id",
    )
    .all({ month: filter.month ?? null }) as { id: number; month: string; status: string; claim_json: string }[];
  // Only the results of the claims asked about: a month's view counts its own deductions.
  const results = db.raw
    .prepare(
      `SELECT r.claim_id, r.id_number, r.mode, r.result, r.paid_fund_fen, r.deducted_fen, r.reason FROM claim_results r
       JOIN claims c ON c.id = r.claim_id WHERE c.status IN ('submitted', 'settled') AND (@month IS NULL OR c.month = @month)`,
    )
    .all({ month: filter.month ?? null }) as {
    claim_id: number;
    id_number: string;
    mode: string;
    result: PersonReconciliation['result'];
    paid_fund_fen: number;
    deducted_fen: number;
    reason: string | null;
  }[];
  const byLine = new Map(results.map((r) => [`${r.claim_id}/${r.id_number}/${r.mode}`, r]));

  const months = new Map<string, MonthReconciliation>();
  const persons: PersonReconciliation[] = [];
  for (const c of claims) {
    const claim = JSON.parse(c.claim_json) as Claim;
    const m = months.get(c.month) ?? { month: c.month, claims: 0, settled: 0, claimedFundFen: 0, paidFundFen: 0, deductedFen: 0 };
    m.claims++;
    if (c.status === 'settled') m.settled++;
    for (const l of claim.lines) {
      const r = byLine.get(`${c.id}/${l.idNumber}/${l.mode}`);
      m.claimedFundFen += l.fundFen;
      m.paidFundFen += r?.paid_fund_fen ?? 0;
      m.deductedFen += r?.deducted_fen ?? 0;
      persons.push({
        month: c.month,
        claimId: c.id,
        idNumber: l.idNumber,
        name: l.name,
        mode: l.mode,
        claimedFundFen: l.fundFen,
        result: r?.result ?? null,
        paidFundFen: r ? r.paid_fund_fen : null,
        deductedFen: r?.deducted_fen ?? 0,
        reason: r?.reason ?? null,
      });
    }
    months.set(c.month, m);
  }

  const reasons = new Map<string, { reason: string; count: number; deductedFen: number }>();
  for (const r of results) {
    if (r.result === 'accepted') continue;
    const reason = r.reason?.trim() || '（未注明原因）';
    const e = reasons.get(reason) ?? { reason, count: 0, deductedFen: 0 };
    e.count++;
    e.deductedFen += r.deducted_fen;
    reasons.set(reason, e);
  }
  return { months: [...months.values()], persons, reasons: [...reasons.values()].sort((a, b) => b.count - a.count || b.deductedFen - a.deductedFen) };
}
