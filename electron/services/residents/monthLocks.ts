/**
 * A submitted month's records are read-only (docs/rules.md §8.4). A change to an assessment or a stay event
 * can alter days far from its own date (a discharge ends every later day of the stay), so the months
 * it touches are found by comparing, day by day, what the claim engine derives before and after the
 * change: only a locked month whose day statuses or levels actually change needs a correction reason.
 */
import { assessmentOn, assessmentPeriods } from '../../../shared/claims/assessments';
import { buildTimeline, statusOn } from '../../../shared/claims/stayTimeline';
import { datesOfMonth } from '../../../shared/domain/dates';
import type { Assessment, Month, StayEvent } from '../../../shared/domain/model';
import type { PolicyPack } from '../../../shared/policy/pack';
import { assertMonthWritable, submittingMonths } from '../claims/monthLock';
import type { LtcDatabase } from '../db/database';

interface Records {
  assessments: readonly Assessment[];
  events: readonly StayEvent[];
}

/** Submitted months from `from` on, and months being submitted now (assertMonthWritable refuses those outright). */
function lockedMonthsFrom(db: LtcDatabase, from: Month): Month[] {
  const submitted = db.raw
    .prepare("SELECT DISTINCT month FROM claims WHERE kind = 'regular' AND status IN ('submitted', 'settled') AND month >= ? ORDER BY month")
    .pluck()
    .all(from) as Month[];
  return [...new Set([...submitted, ...submittingMonths(db).filter((m) => m >= from)])].sort();
}

function dayKeys(r: Records, pack: PolicyPack): (date: string) => string {
  const timeline = buildTimeline(r.events);
  const periods = assessmentPeriods(r.assessments, pack.assessment);
  return (date) => {
    const seg = statusOn(timeline, date);
    return `${seg ? `${seg.mode}:${seg.status}` : '-'}|${assessmentOn(periods, date)?.level ?? '-'}|${timeline.deathOn !== null && timeline.deathOn <= date}`;
  };
}

/**
 * Refuses (LOCKED) a change that alters a submitted month, unless a correction reason comes with it.
 * Returns the reason to write in the audit entry, or null for an ordinary change.
 */
export function assertChangeWritable(
  db: LtcDatabase,
  pack: PolicyPack,
  from: Month,
  before: Records,
  after: Records,
  reason: string | undefined,
): string | null {
  const locked = lockedMonthsFrom(db, from);
  if (locked.length === 0) return null;
  const b = dayKeys(before, pack);
  const a = dayKeys(after, pack);
  const touched = locked.filter((m) => datesOfMonth(m).some((d) => a(d) !== b(d)));
  return assertMonthWritable(db, touched, reason);
}
