/**
 * Expiry reminders (docs/rules.md §2 and §3): assessments and certificates are flagged 60, 30 and
 * 7 days before they end (the pack's `reminderLeadDays`), and stay flagged once expired.
 */
import { assessmentOn, assessmentPeriods } from '../claims/assessments';
import { buildTimeline, statusOn } from '../claims/stayTimeline';
import type { PolicyPack } from '../policy/pack';
import { addDays, daysBetween } from './dates';
import type { Certificate, LocalDate, Resident } from './model';

/** Which reminder band a date falls in: the smallest lead that still covers it, or 'expired'. */
export type ExpiryBand = 'expired' | number | null;

export function expiryBand(endsOn: LocalDate, today: LocalDate, leadDays: readonly number[]): ExpiryBand {
  const left = daysBetween(today, endsOn);
  if (left < 0) return 'expired';
  const covering = [...leadDays].sort((a, b) => a - b).find((d) => left <= d);
  return covering ?? null;
}

export interface AssessmentReminder {
  resident: Resident;
  level: number;
  endsOn: LocalDate;
  daysLeft: number;
}

/**
 * Residents in a stay today whose assessment ends within the longest lead, or has already ended
 * (their days are no longer billable until a new conclusion is recorded).
 */
export function assessmentReminders(residents: readonly Resident[], pack: PolicyPack, today: LocalDate): AssessmentReminder[] {
  const horizon = addDays(today, Math.max(0, ...pack.reminderLeadDays));
  const out: AssessmentReminder[] = [];
  for (const r of residents) {
    if (!statusOn(buildTimeline(r.events), today)) continue;
    const periods = assessmentPeriods(r.assessments, pack.assessment);
    const current = assessmentOn(periods, today);
    // The latest period that has started: current if in force, else the one that lapsed.
    const latest = [...periods].reverse().find((p) => p.start <= today);
    const target = current ?? latest;
    if (!target) continue;
    // A newer conclusion that starts later already takes over: nothing to remind.
    if (periods.some((p) => p.start > today && p.start <= addDays(target.end, 1))) continue;
    if (target.end <= horizon) out.push({ resident: r, level: target.level, endsOn: target.end, daysLeft: daysBetween(today, target.end) });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}

/** Certificates with an expiry date within the longest lead (or past it). */
export function certificateExpiring(c: Certificate, today: LocalDate, leadDays: readonly number[]): boolean {
  if (!c.expiresOn) return false;
  return c.expiresOn <= addDays(today, Math.max(0, ...leadDays));
}
