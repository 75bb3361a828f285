/** 报表: the claims ledger (结算台账), month by month: what was claimed, what the agency paid, what it deducted. */
import { z } from 'zod';
import type { ClaimStatus } from './claims';
import { method, type FileDownload } from './define';

/** One submitted or settled claim (a month's regular claim or one of its 补报), with what was paid; withdrawn claims are not listed. */
export interface LedgerRow {
  claimId: number;
  month: string;
  kind: 'regular' | 'supplementary';
  seq: number;
  status: ClaimStatus;
  persons: number;
  billableDays: number;
  coveredMinutes: number;
  feeFen: number;
  fundFen: number;
  personalFen: number;
  /** null until the agency's result is imported */
  paidFundFen: number | null;
  /** 扣款: taken off lines the agency paid in part */
  deductedFen: number;
  /** 拒付: the fund share of lines the agency refused whole (apart from 扣款: a different conversation with the agency) */
  rejectedFen: number;
  submittedAt: string | null;
  submittedBy: string | null;
}

export interface Ledger {
  year: string | null;
  rows: LedgerRow[];
  /** sums over the rows; paid counts settled claims only */
  totals: {
    claims: number;
    settled: number;
    feeFen: number;
    fundFen: number;
    personalFen: number;
    paidFundFen: number;
    deductedFen: number;
    rejectedFen: number;
    outstandingFundFen: number;
  };
  /** the years that have claims, newest first, for the year picker */
  years: string[];
}

export const ledgerQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, '年份应为四位数字，例如 2026')
    .optional(),
  status: z.enum(['submitted', 'settled']).optional(),
});

export const reportsApi = {
  'reports.ledger': method(ledgerQuery).returns<Ledger>(),
  /** The same ledger as an .xlsx workbook (结算台账), amounts as numbers in yuan. The export is audited. */
  'reports.ledgerWorkbook': method(ledgerQuery).returns<FileDownload>(),
};
