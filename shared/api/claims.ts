/** 月度结算: compute, submit, supplement (补报), the agency's result, reconciliation. */
import { z } from 'zod';
import type { Claim, ClaimTotals } from '../claims/types';
import { method, monthString, noInput, recordId, uploadedFile, type FileDownload } from './define';

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
  /** record ids behind the refs the issues name, so each issue links to the record that fixes it */
  links: { residents: Record<string, number>; staff: Record<string, number> };
}

export interface SupplementaryView extends ClaimSummary {
  files: PackageFileInfo[];
}

export interface ReconciliationView {
  months: { month: string; claims: number; settled: number; claimedFundFen: number; paidFundFen: number; deductedFen: number }[];
  persons: { month: string; claimId: number; idNumber: string; name: string; mode: string; claimedFundFen: number; result: 'accepted' | 'deducted' | 'rejected' | null; paidFundFen: number | null; deductedFen: number; reason: string | null }[];
  reasons: { reason: string; count: number; deductedFen: number }[];
}

const claimRef = z.object({ claimId: recordId });

const submitInput = z.object({
  month: monthString,
  acceptErrors: z.boolean().default(false),
  /** 申报人 as printed and audited; by default the user signed in to the computer */
  by: z.string().trim().min(1, '请填写申报人').max(40).optional(),
});

/** The verdict of claims.verify's job. */
export interface VerifyResult {
  identical: boolean;
  /** the files whose bytes differ from the stored ones (or that only one side has) */
  differing: string[];
}

export const claimsApi = {
  'claims.list': method(noInput).returns<ClaimSummary[]>(),
  /** The month as it stands: the draft recomputed from the records, or the frozen claim once submitted. */
  'claims.month': method(z.object({ month: monthString })).returns<MonthView>(),
  /** Starts 申报 (a job: compute, build the package, freeze); poll jobs.status for progress. */
  'claims.submit': method(submitInput).returns<{ jobId: string }>(),
  /** Starts 补报 for a submitted month (a job). */
  'claims.supplement': method(submitInput).returns<{ jobId: string }>(),
  'claims.supplementary': method(z.object({ month: monthString })).returns<SupplementaryView[]>(),
  /** One stored file of a submitted claim, for print preview or saving. */
  'claims.file': method(z.object({ claimId: recordId, name: z.string().min(1).max(200) })).returns<FileDownload>(),
  /** Opens one stored file with the system's viewer, to read or print it (desktop only). */
  'claims.openFile': method(z.object({ claimId: recordId, name: z.string().min(1).max(200) })).returns<{ opened: boolean }>(),
  /** Saves the package to a folder the user picks (desktop), verifying every file after writing. */
  'claims.saveToFolder': method(claimRef).returns<{ folder: string; files: { name: string; sha256: string; bytes: number }[] } | { cancelled: true }>(),
  /**
   * Starts regenerating the submitted package and comparing it byte for byte with the stored files (a
   * job: a big month's package takes seconds); its result is a VerifyResult.
   */
  'claims.verify': method(claimRef).returns<{ jobId: string }>(),
  'claims.resultTemplate': method(claimRef).returns<FileDownload>(),
  'claims.importResult': method(z.object({ claimId: recordId, file: uploadedFile })).returns<ClaimSummary>(),
  'claims.reconciliation': method(z.object({ month: monthString.optional() })).returns<ReconciliationView>(),
};
