/** 首页: what needs attention this month. */
import { z } from 'zod';
import type { ClaimToDate } from '../claims/toDate';
import type { ClaimTotals } from '../claims/types';
import { localDate, method, monthString } from './define';

export interface ExpiringAssessment {
  residentId: number;
  name: string;
  level: number;
  endsOn: string;
  daysLeft: number;
}

export interface ExpiringCertificate {
  staffId: number;
  name: string;
  certificateType: string;
  number: string;
  expiresOn: string;
  daysLeft: number;
}

export interface Dashboard {
  month: string;
  today: string;
  institutionName: string | null;
  /** lead days of the pack's reminders (60/30/7) */
  reminderLeadDays: number[];
  assessmentsExpiring: ExpiringAssessment[];
  certificatesExpiring: ExpiringCertificate[];
  unconfirmedVisits: number;
  counts: { residents: number; inStay: number; staff: number; visitsThisMonth: number };
  /** 服务计划 against done this week (Monday to yesterday); null when nothing was planned for the week */
  plansThisWeek: { from: string; to: string; planned: number; matched: number; missed: number; unplanned: number } | null;
}

/**
 * The month's claim as it stands now (recomputed), with its stored status if any. Its own call: on a big
 * month the claim takes a moment to compute, and the rest of 首页 is shown without waiting for it.
 */
export interface DashboardClaim {
  status: 'none' | 'draft' | 'submitted' | 'settled';
  totals: ClaimTotals;
  errors: number;
  warnings: number;
  infos: number;
  /** the month has not ended: `totals` are 预计 (stays projected to month-end), `toDate` what has happened (截至今日) */
  projected: boolean;
  toDate: ClaimToDate | null;
}

export const dashboardApi = {
  'dashboard.get': method(z.object({ month: monthString, today: localDate })).returns<Dashboard>(),
  /** null before the institution is set up */
  'dashboard.claim': method(z.object({ month: monthString, today: localDate })).returns<DashboardClaim | null>(),
};
