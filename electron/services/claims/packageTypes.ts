import type { Claim } from '../../../shared/claims/types';
import type { Dataset } from '../../../shared/domain/model';

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
 * Builds the package (claim.json, claim.xlsx, the PDFs, manifest.json) from a claim and the records
 * behind it. Deterministic: the same claim, records and `generatedOn` give the same bytes.
 */
export type PackageBuilder = (input: {
  claim: Claim;
  records: ClaimRecords;
  generatedOn: string;
  onProgress?: (p: PackageProgress) => void;
}) => Promise<PackageFile[]>;
