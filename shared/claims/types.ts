/**
 * An `ltc-claim` v1 document (resources/schemas/claim.schema.json): the month's settlement claim
 * (月度结算申报) as computed and as exported for upload.
 */
import type { CareMode, Fen, LocalDate, Month } from '../domain/model';
import type { IssueCode, Severity } from './issueCodes';

export interface ClaimIssue {
  code: IssueCode;
  severity: Severity;
  /** the resident's ID number (as stored) */
  idNumber?: string;
  /** the resident's ref, so a screen can link to the record that fixes it */
  resident?: string;
  /** the staff member's ref */
  staff?: string;
  /** the visit's ref as imported */
  visit?: string;
  date?: LocalDate;
  /** last day of a run of days the issue covers (grouped day issues); absent for one day */
  dateTo?: LocalDate;
  /** Chinese; says how to fix it */
  message: string;
}

export interface InstitutionalEvidence {
  billable: LocalDate[];
  present: LocalDate[];
  hospital: LocalDate[];
  leave: LocalDate[];
}

export interface HomeEvidence {
  /** refs of the valid visits counted in the claim */
  counted: string[];
  /** refs of valid visits beyond the quota or limits */
  overQuota: string[];
  /** refs of the visits excluded by an error or an unconfirmed warning */
  excluded: string[];
  validMinutes: number;
}

/** 结算明细行: one person in one care mode. */
export interface ClaimLine {
  idNumber: string;
  name: string;
  resident: string;
  mode: CareMode;
  level: number;
  billableDays: number;
  coveredMinutes: number;
  visits?: number;
  feeFen: Fen;
  fundFen: Fen;
  personalFen: Fen;
  evidence: InstitutionalEvidence | HomeEvidence;
}

export interface ClaimTotals {
  persons: number;
  billableDays: number;
  coveredMinutes: number;
  visits: number;
  feeFen: Fen;
  fundFen: Fen;
  personalFen: Fen;
}

export interface Claim {
  format: 'ltc-claim';
  version: 1;
  month: Month;
  kind: 'regular' | 'supplementary';
  institution: { name: string; uscc: string; agencyCode: string };
  policy: { id: string; version: string };
  totals: ClaimTotals;
  lines: ClaimLine[];
  issues: ClaimIssue[];
}
