/**
 * manifest.json: what the package holds (each file's name, size and SHA-256, and whether it is uploaded)
 * and what it claims (month, policy, totals), so the agency and a later check can tell a complete,
 * unaltered package. A draft says so (`status: draft`); a submitted package names who submitted it, when,
 * and its number (申报序号). Fixed key order, no clock: the same package gives the same manifest.
 */
import { createHash } from 'node:crypto';
import type { Claim } from '../../../shared/claims/types';
import type { LocalDate } from '../../../shared/domain/model';
import { PACKAGE_FORMAT, type PackageFile, type PackageFormat, type Submission } from '../claims/packageTypes';
import { ordered } from './claimJson';
import { isInternalPackageFile } from '../../../shared/claims/packageFiles';

export const MANIFEST_NAME = 'manifest.json';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function packageFile(name: string, bytes: Uint8Array): PackageFile {
  return { name, bytes, sha256: sha256Hex(bytes) };
}

/** The format of a stored package, from its manifest's bytes (1 where it cannot be read: the oldest). */
export function manifestFormat(bytes: Uint8Array | undefined): PackageFormat {
  try {
    return (JSON.parse(new TextDecoder().decode(bytes)) as { version?: unknown }).version === 2 ? 2 : 1;
  } catch {
    return 1;
  }
}

export function manifestFile(
  claim: Claim,
  generatedOn: LocalDate,
  files: readonly PackageFile[],
  submission?: Submission,
  format: PackageFormat = PACKAGE_FORMAT,
): PackageFile {
  const v2 = format >= 2;
  const doc = {
    format: 'ltc-claim-package',
    version: format,
    month: claim.month,
    kind: claim.kind,
    ...(v2 ? { status: submission ? 'submitted' : 'draft' } : {}),
    ...(v2 && submission ? { submission: { submittedBy: submission.by, submittedAt: submission.at, seq: submission.seq } } : {}),
    institution: ordered(claim.institution, ['name', 'uscc', 'agencyCode']),
    policy: ordered(claim.policy, ['id', 'version']),
    generatedOn,
    totals: ordered(claim.totals, ['persons', 'billableDays', 'coveredMinutes', 'visits', 'feeFen', 'fundFen', 'personalFen']),
    files: files.map((f) => ({ name: f.name, bytes: f.bytes.length, sha256: f.sha256, ...(v2 ? { upload: !isInternalPackageFile(f.name) } : {}) })),
  };
  return packageFile(MANIFEST_NAME, new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`));
}
