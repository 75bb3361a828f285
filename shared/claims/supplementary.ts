/**
 * 补报: records found after a month was submitted go into a supplementary claim of that month. It
 * holds, per person and mode, what the month's claim as it stands now adds to everything already
 * claimed for the month (the regular claim and earlier supplementary ones). Computing the whole month
 * again and subtracting keeps monthly quotas right: a quota is per month, not per claim.
 */
import { totalsOf } from './computeClaim';
import { makeIssue } from './issue';
import type { Claim, ClaimLine, HomeEvidence, InstitutionalEvidence } from './types';

const key = (l: ClaimLine) => `${l.idNumber}/${l.mode}`;
const AMOUNTS = ['billableDays', 'coveredMinutes', 'visits', 'feeFen', 'fundFen', 'personalFen'] as const;
/** What is paid for: more valid visits alone (beyond an hourly quota) add nothing to claim. */
const PAID = ['billableDays', 'coveredMinutes', 'feeFen'] as const;

export function supplementaryClaim(current: Claim, previous: readonly Claim[]): Claim {
  const claimed = new Map<string, ClaimLine[]>();
  for (const c of previous) for (const l of c.lines) claimed.set(key(l), [...(claimed.get(key(l)) ?? []), l]);

  const lines: ClaimLine[] = [];
  const issues = [...current.issues];
  for (const line of current.lines) {
    const before = claimed.get(key(line)) ?? [];
    const delta = { ...line };
    for (const k of AMOUNTS) delta[k] = (line[k] ?? 0) - before.reduce((s, b) => s + (b[k] ?? 0), 0);
    if (PAID.some((k) => delta[k] < 0)) {
      issues.push(
        makeIssue('CLAIM_REDUCED', `${line.name} 的记录在申报后被更正，本月应结算金额少于已申报金额，补报不能冲减。请与经办机构联系办理退回或更正。`, {
          idNumber: line.idNumber,
          resident: line.resident,
        }),
      );
      continue;
    }
    if (!PAID.some((k) => delta[k] > 0)) continue;
    if (line.visits === undefined) delete delta.visits;
    delta.evidence = newEvidence(line, before);
    lines.push(delta);
  }
  // A person claimed before who has no line now at all (every day or visit corrected away): the month
  // justifies less than was claimed for them, as above.
  const now = new Set(current.lines.map(key));
  for (const [k, before] of claimed) {
    if (now.has(k) || !before.some((b) => PAID.some((p) => (b[p] ?? 0) > 0))) continue;
    const l = before[0]!;
    issues.push(
      makeIssue(
        'CLAIM_REDUCED',
        `${l.name} 的记录在申报后被更正，本月已不再有可结算的${l.mode === 'home' ? '上门服务' : '床日'}，少于已申报金额，补报不能冲减。请与经办机构联系办理退回或更正。`,
        {
          idNumber: l.idNumber,
          resident: l.resident,
        },
      ),
    );
  }
  return { ...current, kind: 'supplementary', lines, issues, totals: totalsOf(lines) };
}

/** The days or visits of this line that no earlier claim paid. */
function newEvidence(line: ClaimLine, before: readonly ClaimLine[]): ClaimLine['evidence'] {
  if (line.mode === 'institutional') {
    const paid = new Set(before.flatMap((b) => (b.evidence as InstitutionalEvidence).billable));
    const e = line.evidence as InstitutionalEvidence;
    return { ...e, billable: e.billable.filter((d) => !paid.has(d)) };
  }
  const paid = new Set(before.flatMap((b) => (b.evidence as HomeEvidence).counted));
  const e = line.evidence as HomeEvidence;
  return { ...e, counted: e.counted.filter((r) => !paid.has(r)) };
}
