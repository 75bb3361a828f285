import { ISSUE_SEVERITY, type IssueCode } from './issueCodes';
import type { ClaimIssue } from './types';

/** An issue with the severity its code carries (docs/rules.md §8.3). */
export function makeIssue(code: IssueCode, message: string, about: Omit<ClaimIssue, 'code' | 'severity' | 'message'> = {}): ClaimIssue {
  const out: ClaimIssue = { code, severity: ISSUE_SEVERITY[code], message };
  if (about.idNumber !== undefined) out.idNumber = about.idNumber;
  if (about.resident !== undefined) out.resident = about.resident;
  if (about.staff !== undefined) out.staff = about.staff;
  if (about.visit !== undefined) out.visit = about.visit;
  if (about.date !== undefined) out.date = about.date;
  if (about.dateTo !== undefined) out.dateTo = about.dateTo;
  return out;
}
