import type { Claim } from '../../../shared/claims/types';
import type { Dataset } from '../../../shared/domain/model';
import type { AuditHead } from '../audit/auditChain';

/** One file of the upload package, with its SHA-256 (hex). */
export interface PackageFile {
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

export type ClaimRecords = Pick<Dataset, 'institution' | 'residents' | 'staff' | 'visits'>;

export interface PackageProgress {
  done: number;
  total: number;
  phase: string;
}

/**
 * Who submitted the claim, when, and its number (申报序号: 0 for the month's claim, n for 补报 n): printed on
 * the summary and written in the manifest. A package built without one is a draft (草稿), and says so on
 * every page and every sheet. Fixed before the package is built and stored with the claim, so that the
 * package made again from the frozen claim is the same bytes.
 */
export interface Submission {
  by: string;
  /** `localTimestamp()`: `2026-11-05T09:30:00.000+08:00` */
  at: string;
  seq: number;
  /**
   * the audit chain's head when the submission was made (audit/auditChain.ts), written in the manifest so
   * that the agency's copy proves the trail up to it; absent for submissions made before migration 016
   */
  auditHead?: AuditHead;
}

/**
 * Builds the package (claim.json, claim.xlsx, the PDFs, manifest.json) from a claim and the records
 * behind it. Deterministic: the same claim, records and `generatedOn` give the same bytes.
 */
export type PackageBuilder = (input: {
  claim: Claim;
  records: ClaimRecords;
  generatedOn: string;
  /** absent: a draft package (草稿（未申报）) */
  submission?: Submission;
  onProgress?: (p: PackageProgress) => void;
}) => Promise<PackageFile[]>;
