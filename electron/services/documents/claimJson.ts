/**
 * claim.json: the claim as an `ltc-claim` v1 document, keys in the order of the type (and of
 * resources/schemas/claim.schema.json), 2-space indented, a final newline. The order is fixed here
 * rather than taken from the object, because a claim read back from the database may hold its keys
 * in another order and must still give the same bytes.
 */
import type { Claim, ClaimIssue, ClaimLine } from '../../../shared/claims/types';

const CLAIM_KEYS = ['format', 'version', 'month', 'kind', 'institution', 'policy', 'totals', 'lines', 'issues'];
const INSTITUTION_KEYS = ['name', 'uscc', 'agencyCode'];
const POLICY_KEYS = ['id', 'version'];
const TOTALS_KEYS = ['persons', 'billableDays', 'coveredMinutes', 'visits', 'feeFen', 'fundFen', 'personalFen'];
const LINE_KEYS = ['idNumber', 'name', 'resident', 'mode', 'level', 'billableDays', 'coveredMinutes', 'visits', 'feeFen', 'fundFen', 'personalFen', 'evidence'];
const EVIDENCE_KEYS = ['billable', 'present', 'hospital', 'leave', 'counted', 'overQuota', 'excluded', 'validMinutes'];
const ISSUE_KEYS = ['code', 'severity', 'idNumber', 'resident', 'staff', 'visit', 'date', 'dateTo', 'message'];

/** The keys listed first, in that order; any other key after them, sorted; undefined dropped. */
export function ordered(value: object, keys: readonly string[]): Record<string, unknown> {
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src).sort()) if (!keys.includes(k) && src[k] !== undefined) out[k] = src[k];
  return out;
}

function line(l: ClaimLine): Record<string, unknown> {
  return ordered({ ...l, evidence: ordered(l.evidence, EVIDENCE_KEYS) }, LINE_KEYS);
}

function issue(i: ClaimIssue): Record<string, unknown> {
  return ordered(i, ISSUE_KEYS);
}

export function claimJsonText(claim: Claim): string {
  const doc = ordered(
    {
      ...claim,
      institution: ordered(claim.institution, INSTITUTION_KEYS),
      policy: ordered(claim.policy, POLICY_KEYS),
      totals: ordered(claim.totals, TOTALS_KEYS),
      lines: claim.lines.map(line),
      issues: claim.issues.map(issue),
    },
    CLAIM_KEYS,
  );
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function claimJsonBytes(claim: Claim): Uint8Array {
  return new TextEncoder().encode(claimJsonText(claim));
}
