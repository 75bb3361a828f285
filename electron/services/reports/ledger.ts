/**
 * 结算台账: every claim that left the institution (submitted or settled; drafts are work in progress,
 * withdrawn claims (撤回) were never claimed), with the agency's payment once its result is imported:
 * 扣款 (part of a line) and 拒付 (a whole line) apart. The manager reads fund income from it.
 */
import type { Ledger, LedgerRow } from '../../../shared/api/reports';
import { isSent, listClaims } from '../claims/claimStore';
import type { LtcDatabase } from '../db/database';

export interface LedgerFilter {
  year?: string;
  status?: 'submitted' | 'settled';
}

export function claimsLedger(db: LtcDatabase, filter: LedgerFilter = {}): Ledger {
  const paid = new Map(
    (
      db.raw
        .prepare(
          `SELECT claim_id AS id, SUM(paid_fund_fen) AS paid, SUM(CASE WHEN result = 'rejected' THEN 0 ELSE deducted_fen END) AS deducted,
             SUM(CASE WHEN result = 'rejected' THEN deducted_fen ELSE 0 END) AS rejected FROM claim_results GROUP BY claim_id`,
        )
        .all() as { id: number; paid: number; deducted: number; rejected: number }[]
    ).map((r) => [r.id, r]),
  );
  const sent = listClaims(db).filter(isSent);
  const years = [...new Set(sent.map((c) => c.month.slice(0, 4)))].sort().reverse();
  const rows: LedgerRow[] = sent
    .filter((c) => (!filter.year || c.month.startsWith(`${filter.year}-`)) && (!filter.status || c.status === filter.status))
    .map((c) => {
      const r = c.status === 'settled' ? paid.get(c.id) : undefined;
      return {
        claimId: c.id,
        month: c.month,
        kind: c.kind,
        seq: c.seq,
        status: c.status,
        persons: c.totals.persons,
        billableDays: c.totals.billableDays,
        coveredMinutes: c.totals.coveredMinutes,
        feeFen: c.totals.feeFen,
        fundFen: c.totals.fundFen,
        personalFen: c.totals.personalFen,
        paidFundFen: r ? r.paid : null,
        deductedFen: r?.deducted ?? 0,
        rejectedFen: r?.rejected ?? 0,
        submittedAt: c.submittedAt,
        submittedBy: c.submittedBy,
      };
    });
  const sum = (f: (r: LedgerRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const settled = rows.filter((r) => r.status === 'settled');
  return {
    year: filter.year ?? null,
    rows,
    years,
    totals: {
      claims: rows.length,
      settled: settled.length,
      feeFen: sum((r) => r.feeFen),
      fundFen: sum((r) => r.fundFen),
      personalFen: sum((r) => r.personalFen),
      paidFundFen: sum((r) => r.paidFundFen ?? 0),
      deductedFen: sum((r) => r.deductedFen),
      rejectedFen: sum((r) => r.rejectedFen),
      // the fund share of claims the agency has not answered yet
      outstandingFundFen: sum((r) => (r.status === 'submitted' ? r.fundFen : 0)),
    },
  };
}
