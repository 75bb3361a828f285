/** 月度结算: compute, submit, supplement (补报), the agency's result, reconciliation. */
import { z } from 'zod';
import { ISSUE_CODES, type IssueCode, type Severity } from '../claims/issueCodes';
import type { Claim, ClaimIssue, ClaimLine, ClaimTotals } from '../claims/types';
import type { CareMode } from '../domain/model';
import { reasonText } from '../fields/reasonText';
import { listQuery, method, monthString, noInput, recordId, uploadedFile, type FileDownload, type Page } from './define';

/**
 * draft → submitted (frozen) → settled (the agency's result imported); a submitted claim may instead be
 * withdrawn (撤回) before its result: kept with its files as history, no longer claimed.
 */
export type ClaimStatus = 'draft' | 'submitted' | 'settled' | 'withdrawn';

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
  /** 撤回: when, by whom and why (all null unless withdrawn) */
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
  totals: ClaimTotals;
  issueCounts: { error: number; warning: number; info: number };
}

export interface PackageFileInfo {
  name: string;
  bytes: number;
  sha256: string;
}

/** The last 校验 of a submitted package (kept in the audit log): when, by whom, and what it found. */
export interface VerificationRecord {
  at: string;
  by: string;
  identical: boolean;
  /** the files that differed (or that only one side had); every other stored file matched */
  differing: string[];
  /** as VerifyResult's: the package's layout was an earlier one, checked against its stored SHA-256 */
  olderLayout?: number;
}

/** A stored claim with its package: a 补报, or a withdrawn claim kept as history. */
export interface StoredClaimView extends ClaimSummary {
  files: PackageFileInfo[];
  verification: VerificationRecord | null;
}

export interface MonthView {
  month: string;
  /** the services' today (LTC_TODAY in tests), by which the month has ended or not */
  today: string;
  /** the month's regular claim as stored, if any (not a withdrawn one: those are in `withdrawn`) */
  regular: ClaimSummary | null;
  supplementary: ClaimSummary[];
  /** claims of the month withdrawn (撤回), with their files, as history */
  withdrawn: StoredClaimView[];
  /**
   * the claim as the records stand now (draft), or the frozen one once submitted, without its lines and
   * issues: a big month's are megabytes, so the screen pages them (claims.monthLines, claims.monthIssues)
   */
  claim: ClaimHead;
  /** how many lines and issues the claim has, by severity and by kind, for the tabs and filters */
  counts: MonthCounts;
  /** true once the regular claim is submitted: the month's records are read-only */
  locked: boolean;
  files: PackageFileInfo[];
  /** the last 校验 of the regular claim's package */
  verification: VerificationRecord | null;
  /** why 申报 is not possible now (the month has not ended), in Chinese; null when it is */
  submitBlocked: string | null;
  /** why the submitted regular claim cannot be withdrawn (settled, a 补报 stands…); null when it can or there is none */
  withdrawBlocked: string | null;
}

/** A claim without its lines and issues. */
export type ClaimHead = Omit<Claim, 'lines' | 'issues'>;

export interface MonthCounts {
  lines: number;
  issues: Record<Severity, number>;
  /** each kind of issue present, with its severity and count, in the order of the issue codes */
  codes: { code: IssueCode; severity: Severity; count: number }[];
}

/** A line as the screen lists it: its evidence (every day and visit counted) stays on the server. */
export type ClaimLineRow = Omit<ClaimLine, 'evidence'>;

/** record ids behind the refs the page's issues name, so each issue links to the record that fixes it */
export interface IssueLinks {
  residents: Record<string, number>;
  staff: Record<string, number>;
}

export interface MonthIssuesPage extends Page<ClaimIssue> {
  links: IssueLinks;
}

export const MONTH_LINE_SORT_FIELDS = ['name', 'level', 'billableDays', 'coveredMinutes', 'visits', 'feeFen', 'fundFen', 'personalFen'] as const;

/** 结算明细 of the month's claim: by name or ID number, by care mode, sorted, a page at a time. */
const monthLinesQuery = listQuery.extend({
  month: monthString,
  mode: z.enum(['institutional', 'home']).optional(),
  sortField: z.enum(MONTH_LINE_SORT_FIELDS).optional(),
});
export type MonthLinesQuery = z.input<typeof monthLinesQuery>;

/** The month's issues: of one severity or kind, containing a text, a page at a time. */
const monthIssuesQuery = listQuery.extend({
  month: monthString,
  severity: z.enum(['error', 'warning', 'info']).optional(),
  code: z.enum(ISSUE_CODES as [IssueCode, ...IssueCode[]]).optional(),
});
export type MonthIssuesQuery = z.input<typeof monthIssuesQuery>;

export interface SupplementaryView extends StoredClaimView {
  /** why this 补报 cannot be withdrawn; null when it can */
  withdrawBlocked: string | null;
}

/** What a 补报 made now would hold, so its dialog can say so (and why not) before anything is built. */
export interface SupplementPreview {
  month: string;
  /** why no 补报 can be made now (not yet submitted, month not ended, nothing added); null when it can */
  blocked: string | null;
  totals: ClaimTotals;
  lines: number;
  /** error issues of the records as they stand: a 补报 with errors must be accepted explicitly, as 申报 */
  errors: number;
}

export type LineResult = 'accepted' | 'deducted' | 'rejected';

/** An agency result read and checked against its claim, not yet imported: what importing it would record. */
export interface ResultPreview {
  claimId: number;
  month: string;
  kind: 'regular' | 'supplementary';
  seq: number;
  lines: {
    idNumber: string;
    name: string;
    mode: CareMode;
    result: LineResult;
    claimedFundFen: number;
    deductedFen: number;
    paidFundFen: number;
    reason: string | null;
  }[];
  /** per result: lines, and the fund share they are paid (通过) or lose (扣款, 拒付) */
  counts: Record<LineResult, { lines: number; fen: number }>;
  claimedFundFen: number;
  paidFundFen: number;
  /** a corrected result for a settled claim: the result in force it would replace (kept as history) */
  replaces?: { importedAt: string; paidFundFen: number; deductedFen: number } | null;
}

/** One imported 审核结果 of a claim: the one in force (replacedAt null) or one a corrected result replaced. */
export interface ResultHistoryEntry {
  importedAt: string;
  replacedAt: string | null;
  replacedBy: string | null;
  counts: Record<LineResult, number>;
  paidFundFen: number;
  deductedFen: number;
  /** 更正原因: why this result replaced the one before it; null for the first result and corrections imported before reasons were kept (015) */
  correctionReason: string | null;
}

export interface ReconciliationView {
  months: { month: string; claims: number; settled: number; claimedFundFen: number; paidFundFen: number; deductedFen: number }[];
  persons: {
    month: string;
    claimId: number;
    idNumber: string;
    name: string;
    mode: string;
    claimedFundFen: number;
    result: LineResult | null;
    paidFundFen: number | null;
    deductedFen: number;
    reason: string | null;
  }[];
  reasons: { reason: string; count: number; deductedFen: number }[];
}

const claimRef = z.object({ claimId: recordId });

const submitInput = z.object({
  month: monthString,
  acceptErrors: z.boolean().default(false),
  /** 申报人 as printed on the documents (never the audit actor: that is the logged-in user); by default the logged-in user */
  by: z.string().trim().min(1, '请填写申报人').max(40).optional(),
});

const withdrawInput = z.object({
  claimId: recordId,
  reason: z.string().trim().min(1, '请填写撤回原因').max(200, '撤回原因最多200个字'),
  /** who withdraws it, as audited; by default the user signed in to the computer */
  by: z.string().trim().min(1).max(40).optional(),
});

/** 更正原因: why a settled claim's result is replaced (the agency's notice number, what it corrected). */
export const CORRECTION_REASON_REQUIRED = '导入更正的审核结果须填写更正原因（如经办机构的更正通知及更正内容）';

const importResultInput = z
  .object({
    claimId: recordId,
    file: uploadedFile,
    replace: z.boolean().default(false),
    correctionReason: reasonText('更正原因').optional(),
  })
  .refine((i) => !i.replace || i.correctionReason !== undefined, { path: ['correctionReason'], message: CORRECTION_REASON_REQUIRED });

/** The verdict of claims.verify's job. */
export interface VerifyResult {
  identical: boolean;
  /** the files whose bytes differ from the stored ones (or that only one side has) */
  differing: string[];
  /**
   * Set when the package was made by an earlier layout of the documents (its number): its files were
   * checked against the SHA-256 stored at submission and its data regenerated, not its PDFs redrawn.
   */
  olderLayout?: number;
}

export const claimsApi = {
  'claims.list': method(noInput).returns<ClaimSummary[]>(),
  /** The month as it stands: the draft recomputed from the records, or the frozen claim once submitted. */
  'claims.month': method(z.object({ month: monthString })).returns<MonthView>(),
  /** The lines of claims.month's claim, filtered, sorted and paged on the server. */
  'claims.monthLines': method(monthLinesQuery).returns<Page<ClaimLineRow>>(),
  /** The issues of claims.month's claim, filtered and paged on the server, with the links of the page's records. */
  'claims.monthIssues': method(monthIssuesQuery).returns<MonthIssuesPage>(),
  /** Starts 申报 (a job: compute, build the package, freeze); poll jobs.status for progress. */
  'claims.submit': method(submitInput).returns<{ jobId: string }>(),
  /** Starts 补报 for a submitted month (a job). */
  'claims.supplement': method(submitInput).returns<{ jobId: string }>(),
  /** The month's 补报 that stand (withdrawn ones are in claims.month's `withdrawn`). */
  'claims.supplementary': method(z.object({ month: monthString })).returns<SupplementaryView[]>(),
  /** What a 补报 made now would add, its errors, or why none can be made: for the 补报 dialog. */
  'claims.supplementPreview': method(z.object({ month: monthString })).returns<SupplementPreview>(),
  /**
   * 撤回 a submitted claim before the agency's result is imported: kept with its files as history,
   * no longer claimed; the month's records become writable and it can be submitted again. Audited.
   */
  'claims.withdraw': method(withdrawInput).returns<ClaimSummary>(),
  /** One stored file of a submitted claim, for print preview or saving; audited as an export. */
  'claims.file': method(
    z.object({ claimId: recordId, name: z.string().min(1).max(200), purpose: z.enum(['download', 'preview']).default('download') }),
  ).returns<FileDownload>(),
  /** Opens one stored file with the system's viewer, to read or print it (desktop only). */
  'claims.openFile': method(z.object({ claimId: recordId, name: z.string().min(1).max(200) })).returns<{ opened: boolean }>(),
  /** Saves the package to a folder the user picks (desktop), verifying every file after writing. */
  'claims.saveToFolder': method(claimRef).returns<{ folder: string; files: { name: string; sha256: string; bytes: number }[] } | { cancelled: true }>(),
  /**
   * Starts regenerating the submitted package and comparing it byte for byte with the stored files (a
   * job: a big month's package takes seconds); its result is a VerifyResult, also kept (the audit log)
   * and shown with the files as their VerificationRecord.
   */
  'claims.verify': method(claimRef).returns<{ jobId: string }>(),
  'claims.resultTemplate': method(claimRef).returns<FileDownload>(),
  /** Reads an agency result and checks it against the claim without importing it: lines and totals to confirm. */
  /**
   * Reads an agency result and checks it against the claim without importing it: lines and totals to confirm.
   * `replace`: a corrected result for a settled claim (the preview says which result it replaces).
   */
  'claims.previewResult': method(z.object({ claimId: recordId, file: uploadedFile, replace: z.boolean().default(false) })).returns<ResultPreview>(),
  /**
   * Imports it; with `replace`, a corrected result replaces the settled claim's (kept as history, audited),
   * and `correctionReason` says why (required then: the history and the audit log keep it).
   */
  'claims.importResult': method(importResultInput).returns<ClaimSummary>(),
  /** Every result imported for a claim, newest first: the one in force, then those corrected results replaced. */
  'claims.resultHistory': method(claimRef).returns<ResultHistoryEntry[]>(),
  'claims.reconciliation': method(z.object({ month: monthString.optional() })).returns<ReconciliationView>(),
  /** 对账 as an .xlsx in 元: per month, per person, deductions and rejections, reasons grouped. Audited as an export. */
  'claims.reconciliationWorkbook': method(z.object({ month: monthString.optional() })).returns<FileDownload>(),
};
