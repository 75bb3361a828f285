/**
 * How much of a home-care client's monthly limit is used (issue 14: the quota was only checked by the
 * claim). Read off the claim of the client's month (clientMonth.ts), never re-computed: the hourly
 * quota's valid minutes, the per-visit packs' counted visits (one a day, n a week, in time order), the
 * monthly cap's fee. A visit being typed is beyond the limit when the claim, taking the month's valid
 * visits in time order, reaches the limit before or within it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { HomeQuotaUse } from '../../../shared/api/visits';
import { assessmentOn, assessmentPeriods } from '../../../shared/claims/assessments';
import { makeIssue } from '../../../shared/claims/issue';
import { messages } from '../../../shared/claims/messages';
import type { ClaimIssue, HomeEvidence } from '../../../shared/claims/types';
import { addDays, addMonthsToMonth, dateOf, minutesBetween, monthEnd, monthOf, monthStart, weekStart } from '../../../shared/domain/dates';
import type { Level, LocalDate, Month, Visit } from '../../../shared/domain/model';
import { forLevel } from '../../../shared/policy/pack';
import { clientMonth, type ClientMonth } from './clientMonth';
import type { JudgeTarget, Policy } from './judge';

export interface QuotaJudgement {
  use: HomeQuotaUse;
  /** the visit being typed is beyond the limit (OVER_QUOTA, the claim's words); null otherwise */
  draftIssue: ClaimIssue | null;
}

/** The client's month with the draft (if any), against the pack's home limits; null where none apply. */
export function homeQuota(
  sql: BetterSqlite3.Database,
  policy: Policy,
  residentId: number,
  opts: { month: Month; draft?: JudgeTarget; weekOf?: LocalDate },
): QuotaJudgement | null {
  const model = policy.pack.home;
  if (!model) return null;
  const { month, draft } = opts;
  const cm = clientMonth(sql, policy, residentId, month, draft);
  // Only a client in home care by then has a home quota (an institutional resident's is noise).
  if (!cm || !cm.resident.events.some((e) => e.type === 'admit' && e.mode === 'home' && e.date <= monthEnd(month))) return null;
  const line = cm.claim.lines.find((l) => l.mode === 'home' && l.resident === cm.resident.ref);
  const evidence = line?.evidence as HomeEvidence | undefined;
  const day = draft ? dateOf(draft.start) : (opts.weekOf ?? monthStart(month));
  const level = (line?.level as Level | undefined) ?? assessmentOn(assessmentPeriods(cm.resident.assessments, policy.pack.assessment), day)?.level ?? null;
  if (level === null || !policy.pack.eligibleLevels.includes(level)) return null;
  const base = { month, level };

  if (model.model === 'hourly-quota') {
    const quotaHours = forLevel(model.quotaHours, level) ?? 0;
    const use: HomeQuotaUse = { ...base, model: 'hourly-quota', quotaMinutes: quotaHours * 60, usedMinutes: evidence?.validMinutes ?? 0 };
    return { use, draftIssue: draft ? hourlyDraftIssue(cm, draft, evidence, quotaHours) : null };
  }
  if (model.model === 'monthly-cap') {
    return { use: { ...base, model: 'monthly-cap', capFen: model.capFen, feeFen: line?.feeFen ?? 0 }, draftIssue: null };
  }
  const week = weekStart(day);
  const counted = new Set(evidence?.counted ?? []);
  let weekCounted = countIn(cm.visits, counted, week);
  // A week straddling the month start counts the earlier month's counted visits against the same limit.
  if (week < monthStart(month)) {
    const before = clientMonth(sql, policy, residentId, addMonthsToMonth(month, -1), draft);
    const line0 = before?.claim.lines.find((l) => l.mode === 'home' && l.resident === cm.resident.ref);
    if (before && line0) weekCounted += countIn(before.visits, new Set((line0.evidence as HomeEvidence).counted), week);
  }
  const use: HomeQuotaUse = {
    ...base,
    model: 'per-visit',
    visitsPerDay: model.visitsPerDay,
    visitsPerWeek: forLevel(model.visitsPerWeek, level) ?? 0,
    week,
    weekCounted,
    monthCounted: evidence?.counted.length ?? 0,
    monthOver: evidence?.overQuota.length ?? 0,
  };
  const draftIssue = draft ? (cm.claim.issues.find((i) => i.code === 'OVER_QUOTA' && i.visit === draft.ref) ?? null) : null;
  return { use, draftIssue };
}

/** Counted visits dated in the week from `monday` (the refs are the claim's counted ones). */
function countIn(visits: readonly Visit[], counted: ReadonlySet<string>, monday: LocalDate): number {
  const sunday = addDays(monday, 6);
  let n = 0;
  for (const v of visits) {
    const date = dateOf(v.start);
    if (counted.has(v.ref) && date >= monday && date <= sunday) n++;
  }
  return n;
}

/**
 * Hourly quota: the claim pays the month's valid minutes up to the quota. Taken in time order (start,
 * then ref, the claim's order), the draft's minutes beyond what the valid visits up to it leave.
 */
function hourlyDraftIssue(cm: ClientMonth, draft: JudgeTarget, evidence: HomeEvidence | undefined, quotaHours: number): ClaimIssue | null {
  if (!evidence?.counted.includes(draft.ref)) return null;
  const valid = new Set(evidence.counted);
  const month = monthOf(draft.start);
  const upTo = (v: Visit): boolean => v.start < draft.start || (v.start === draft.start && v.ref <= draft.ref);
  let through = 0;
  let own = 0;
  for (const v of cm.visits) {
    if (!valid.has(v.ref) || monthOf(v.start) !== month || !upTo(v)) continue;
    const minutes = minutesBetween(v.start, v.end);
    through += minutes;
    if (v.ref === draft.ref) own = minutes;
  }
  const over = Math.min(own, through - quotaHours * 60);
  if (over <= 0) return null;
  const about = { idNumber: cm.resident.idNumber, resident: cm.resident.ref, visit: draft.ref, date: dateOf(draft.start) };
  return makeIssue('OVER_QUOTA', messages.overQuotaThisVisit(cm.resident.name, own, over, quotaHours, through), about);
}
