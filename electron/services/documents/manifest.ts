/**
 * manifest.json: what the package holds (each file's name, size and SHA-256, and whether it is uploaded)
 * and what it claims (month, policy, totals), so the agency and a later check can tell a complete,
 * unaltered package. A draft says so (`status: draft`); a submitted package names who submitted it, when,
 * its number (申报序号) and the audit chain's head it was submitted at. Fixed key order, no clock: the same
 * package gives the same manifest.
 */
import { createHash } from 'node:crypto';
import type { Claim } from '../../../shared/claims/types';
import type { LocalDate } from '../../../shared/domain/model';
import type { PackageFile, Submission } from '../claims/packageTypes';
import { ordered } from './claimJson';
import { isInternalPackageFile } from '../../../shared/claims/packageFiles';

export const MANIFEST_NAME = 'manifest.json';

/**
 * The version of the documents' layout, written in every manifest (`layout`). A package is regenerated
 * byte for byte only by the layout that made it; one made by an earlier layout (no `layout`: 1) is
 * verified against the SHA-256 stored at submission instead (claims/lifecycle.ts verifyRegeneration).
 * Raise it with every change to how any document of the package looks.
 * 1: until 2026-12-06. 2: issue 11 (the summary as signed, 问题清单, the attachments' 合计, the bed-day register…).
 * 3: claim.xlsx's 服务项目 and 原因 wrap, a row as tall as its lines (a long 服务项目 printed whole).
 */
export const PACKAGE_LAYOUT = 3;

/** The layout a stored manifest names (1 when it names none). */
export function layoutOf(manifest: Uint8Array): number {
  const doc = JSON.parse(new TextDecoder().decode(manifest)) as { layout?: number };
  return doc.layout ?? 1;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function packageFile(name: string, bytes: Uint8Array): PackageFile {
  return { name, bytes, sha256: sha256Hex(bytes) };
}

export function manifestFile(claim: Claim, generatedOn: LocalDate, files: readonly PackageFile[], submission?: Submission): PackageFile {
  const doc = {
    format: 'ltc-claim-package',
    // 2: with status, submission and each file's upload flag (issue 11); `layout`: the documents' (above)
    version: 2,
    layout: PACKAGE_LAYOUT,
    month: claim.month,
    kind: claim.kind,
    status: submission ? 'submitted' : 'draft',
    ...(submission ? { submission: { submittedBy: submission.by, submittedAt: submission.at, seq: submission.seq } } : {}),
    // the audit chain's head at submission (decisions.md D33): `ltc verify-audit --package` compares it with the trail
    ...(submission?.auditHead ? { auditHead: { id: submission.auditHead.id, hash: submission.auditHead.hash } } : {}),
    institution: ordered(claim.institution, ['name', 'uscc', 'agencyCode']),
    policy: ordered(claim.policy, ['id', 'version']),
    generatedOn,
    totals: ordered(claim.totals, ['persons', 'billableDays', 'coveredMinutes', 'visits', 'feeFen', 'fundFen', 'personalFen']),
    files: files.map((f) => ({ name: f.name, bytes: f.bytes.length, sha256: f.sha256, upload: !isInternalPackageFile(f.name) })),
  };
  return packageFile(MANIFEST_NAME, new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`));
}
