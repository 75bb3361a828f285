/** 月度结算: compute, submit, supplement (补报), the agency's result, reconciliation. */
import { z } from 'zod';
import type { Claim, ClaimTotals } from '../claims/types';
import { method, monthString, noInput, recordId, uploadedFile } from './define';

export type ClaimStatus = 'draft' | 'submitted' | 'settled';

/** A stored claim, without its lines. */
export interface ClaimSummary {
  id: number;
  month: string;
  kind: 'regular' | 'supplementary';
  /** 0 for the regular claim; 1, 2, … for the month's supplementary claims */
  seq: number;
  status: ClaimStatus;
  policy: { id: string; version: string };
  computedAt: string;
  generatedOn: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  settledAt: string | null;
  totals: ClaimTotals;
  issueCounts: { error: number; warning: number; info: number };
}

export interface PackageFileInfo {
  name: string;
  bytes: number;
  sha256: string;
}

export interface MonthView {
  month: string;
  /** the month's regular claim as stored, if any */
  regular: ClaimSummary | null;
  supplementary: ClaimSummary[];
  /** the claim as the records stand now (draft), or the frozen one once submitted */
  claim: Claim;
  /** true once the regular claim is submitted: the month's records are read-only */
  locked: boolean;
  files: PackageFileInfo[];
}

export const claimsApi = {
  'claims.list': method(noInput).returns<ClaimSummary[]>(),
  /** Recomputes the month's draft (or shows the frozen claim once submitted). */
  'claims.month': method(z.object({ month: monthString })).returns<MonthView>(),
  'claims.submit': method(z.object({ month: monthString, acceptErrors: z.boolean().default(false) })).returns<MonthView>(),
  'claims.supplement': method(z.object({ month: monthString, acceptErrors: z.boolean().default(false) })).returns<ClaimSummary>(),
  'claims.importResult': method(z.object({ claimId: recordId, file: uploadedFile })).returns<ClaimSummary>(),
};
