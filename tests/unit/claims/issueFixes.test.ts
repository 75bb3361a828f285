/**
 * Every issue code names the record that fixes it (shared/claims/issueFixes.ts), which the claim
 * screen links to: assessments → 评估结论, stays → 入住记录, certificates → the staff member's 证书,
 * ID numbers → 基本信息, prices and care modes → 机构设置. (tests/e2e/claims.spec.ts follows the links.)
 */
import { describe, expect, it } from 'vitest';
import { ISSUE_FIXES } from '../../../shared/claims/issueFixes';
import { ISSUE_CODES, type IssueCode } from '../../../shared/claims/issueCodes';

const where = (codes: IssueCode[]) => Object.fromEntries(codes.map((c) => [c, ISSUE_FIXES[c]]));

describe('where claim issues are fixed', () => {
  it('names a place for every code', () => {
    for (const code of ISSUE_CODES) expect(Object.keys(ISSUE_FIXES[code] ?? {}).length, code).toBeGreaterThan(0);
  });

  it('sends assessments to 评估结论, stays to 入住记录, certificates to 证书', () => {
    expect(where(['NO_ASSESSMENT', 'LEVEL_NOT_ELIGIBLE', 'ASSESSMENT_EXPIRING'])).toEqual({
      NO_ASSESSMENT: { visit: true, resident: 'assessments' },
      LEVEL_NOT_ELIGIBLE: { visit: true, resident: 'assessments' },
      ASSESSMENT_EXPIRING: { resident: 'assessments' },
    });
    for (const code of ['HOSPITAL_DAY', 'LEAVE_DAY', 'VISIT_IN_HOSPITAL', 'MODE_CONFLICT', 'AFTER_DEATH', 'NO_SERVICE_PERIOD'] as const)
      expect(ISSUE_FIXES[code].resident, code).toBe('events');
    for (const code of ['CERT_INVALID', 'NURSE_REQUIRED'] as const) expect(ISSUE_FIXES[code], code).toEqual({ visit: true, staff: 'certificates' });
    expect(ISSUE_FIXES.VISIT_OVERLAP).toEqual({ visit: true, staff: 'visits' });
    for (const code of ['VISIT_TOO_SHORT', 'VISIT_UNCONFIRMED'] as const) expect(ISSUE_FIXES[code], code).toEqual({ visit: true });
    expect(ISSUE_FIXES.OVER_QUOTA).toEqual({ visit: true, clientVisits: true });
    expect(ISSUE_FIXES.BAD_ID_NUMBER).toEqual({ resident: 'personal', staff: 'basics' });
    expect(where(['MODE_NOT_COVERED', 'PRICE_MISSING'])).toEqual({ MODE_NOT_COVERED: { institution: true }, PRICE_MISSING: { institution: true } });
    expect(ISSUE_FIXES.CLAIM_REDUCED).toEqual({ resident: 'calendar' });
  });
});
