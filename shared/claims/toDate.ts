/**
 * A month's claim so far: the claim of an open month counts every day of a stay up to month-end (a
 * resident with no discharge is projected to stay), so 首页 on 12-06 showed the whole of December's
 * bed-days as if they were done. This is the part that has happened: bed-days on or before `through`,
 * and home care as recorded (visits are entered after they happen).
 */
import type { LocalDate } from '../domain/model';
import type { Claim, InstitutionalEvidence } from './types';

export interface ClaimToDate {
  billableDays: number;
  coveredMinutes: number;
  feeFen: number;
  fundFen: number;
}

export function claimToDate(claim: Claim, through: LocalDate): ClaimToDate {
  const t: ClaimToDate = { billableDays: 0, coveredMinutes: 0, feeFen: 0, fundFen: 0 };
  for (const l of claim.lines) {
    if (l.mode === 'home') {
      t.coveredMinutes += l.coveredMinutes;
      t.feeFen += l.feeFen;
      t.fundFen += l.fundFen;
      continue;
    }
    const days = (l.evidence as InstitutionalEvidence).billable.filter((d) => d <= through).length;
    if (days === 0 || l.billableDays === 0) continue;
    t.billableDays += days;
    // A line's billable days are all paid alike (one level a month: a new level starts on the 1st,
    // docs/rules.md §2), so its days so far are that share of its amounts; rounding only guards the odd case.
    t.feeFen += Math.round((l.feeFen * days) / l.billableDays);
    t.fundFen += Math.round((l.fundFen * days) / l.billableDays);
  }
  return t;
}
