import type { Claim } from '../../../shared/claims/types';
import type { Dataset } from '../../../shared/domain/model';
import type { PackageLayout } from '../documents/layout';

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
  /** the documents' layout (documents/layout.ts): a submitted package is rebuilt with the one it was made with */
  layout?: PackageLayout;
  onProgress?: (p: PackageProgress) => void;
}) => Promise<PackageFile[]>;
