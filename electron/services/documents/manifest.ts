/**
 * manifest.json: what the package holds (each file's name, size and SHA-256) and what it claims
 * (month, policy, totals), so the agency and a later check can tell a complete, unaltered package.
 * Fixed key order, no clock: the same package gives the same manifest.
 */
import { createHash } from 'node:crypto';
import type { Claim } from '../../../shared/claims/types';
import type { LocalDate } from '../../../shared/domain/model';
import type { PackageFile } from '../claims/packageTypes';
import { ordered } from './claimJson';
import { CURRENT_LAYOUT, type PackageLayout } from './layout';

export const MANIFEST_NAME = 'manifest.json';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function packageFile(name: string, bytes: Uint8Array): PackageFile {
  return { name, bytes, sha256: sha256Hex(bytes) };
}

export function manifestFile(claim: Claim, generatedOn: LocalDate, files: readonly PackageFile[], layout: PackageLayout = CURRENT_LAYOUT): PackageFile {
  const doc = {
    format: 'ltc-claim-package',
    version: 1,
    // which layout of the documents (layout.ts); layout 1's manifests did not say, and are rebuilt without it
    ...(layout > 1 ? { layout } : {}),
    month: claim.month,
    kind: claim.kind,
    institution: ordered(claim.institution, ['name', 'uscc', 'agencyCode']),
    policy: ordered(claim.policy, ['id', 'version']),
    generatedOn,
    totals: ordered(claim.totals, ['persons', 'billableDays', 'coveredMinutes', 'visits', 'feeFen', 'fundFen', 'personalFen']),
    files: files.map((f) => ({ name: f.name, bytes: f.bytes.length, sha256: f.sha256 })),
  };
  return packageFile(MANIFEST_NAME, new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`));
}
