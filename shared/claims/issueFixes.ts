/**
 * Where each claim issue is fixed, as parts of records: the visit itself, a part of the resident's
 * record (评估结论, 入住记录…), the staff member's certificates or that day's visits, or the institution's
 * settings. One entry per issue code (the type makes a new code without one a compile error); the
 * screens turn them into links (renderer/src/features/claims/issueFixes.ts).
 */
import type { IssueCode } from './issueCodes';

/** Parts of a resident's record, as the resident page's tabs show them. */
export type ResidentTab = 'personal' | 'assessments' | 'events' | 'calendar';
/** Where on a staff member's record: the person, their certificates, or their visits that day. */
export type StaffPlace = 'basics' | 'certificates' | 'visits';

export interface IssueFix {
  /** the visit the issue names, when it names one */
  visit?: boolean;
  resident?: ResidentTab;
  staff?: StaffPlace;
  /** the client's visits of the month (a quota is over the month, not one visit) */
  clientVisits?: boolean;
  institution?: boolean;
}

export const ISSUE_FIXES: Record<IssueCode, IssueFix> = {
  // assessments → 评估结论
  NO_ASSESSMENT: { visit: true, resident: 'assessments' },
  LEVEL_NOT_ELIGIBLE: { visit: true, resident: 'assessments' },
  ASSESSMENT_EXPIRING: { resident: 'assessments' },
  // stays → 入住记录 (the days excluded follow from the events)
  HOSPITAL_DAY: { resident: 'events' },
  LEAVE_DAY: { resident: 'events' },
  VISIT_IN_HOSPITAL: { visit: true, resident: 'events' },
  MODE_CONFLICT: { visit: true, resident: 'events' },
  AFTER_DEATH: { visit: true, resident: 'events' },
  NO_SERVICE_PERIOD: { visit: true, resident: 'events' },
  // certificates → the staff member's 证书
  CERT_INVALID: { visit: true, staff: 'certificates' },
  NURSE_REQUIRED: { visit: true, staff: 'certificates' },
  // the other visit is among the caregiver's visits that day
  VISIT_OVERLAP: { visit: true, staff: 'visits' },
  VISIT_TOO_SHORT: { visit: true },
  VISIT_UNCONFIRMED: { visit: true },
  OVER_QUOTA: { visit: true, clientVisits: true },
  // ID numbers → 基本信息 (a resident's, or a staff member's)
  BAD_ID_NUMBER: { resident: 'personal', staff: 'basics' },
  MODE_NOT_COVERED: { institution: true },
  PRICE_MISSING: { institution: true },
  PRICE_ZERO: { institution: true },
  // the corrected records: the month's days as the claim now sees them
  CLAIM_REDUCED: { resident: 'calendar' },
};
