/**
 * 应配's input: who is in the institution on each day, by level group, from the same rules as the claim
 * (docs/rules.md §6 and §2): a day counts when the resident's stay status that day is `present` in an
 * institutional stay (a hospital or leave day does not: the person is not there); the level is the
 * assessment in force that day (shared/claims/assessments.ts), levels 3–5 being 重度失能.
 */
import { assessmentOn, assessmentPeriods } from '../claims/assessments';
import { buildTimeline, statusOn } from '../claims/stayTimeline';
import type { LocalDate, Resident } from '../domain/model';
import type { PolicyPack } from '../policy/pack';
import type { DayCensus } from './types';

export const SEVERE_LEVELS = [3, 4, 5] as const;

export function dayCensus(residents: readonly Resident[], rules: PolicyPack['assessment'], dates: readonly LocalDate[]): DayCensus[] {
  const census = dates.map((date) => ({ date, severe: 0, other: 0 }));
  for (const r of residents) {
    const timeline = buildTimeline(r.events);
    if (!timeline.segments.some((s) => s.mode === 'institutional')) continue;
    const periods = assessmentPeriods(r.assessments, rules);
    for (const c of census) {
      const seg = statusOn(timeline, c.date);
      if (!seg || seg.mode !== 'institutional' || seg.status !== 'present') continue;
      const level = assessmentOn(periods, c.date)?.level;
      if (level !== undefined && level >= 3) c.severe++;
      else c.other++;
    }
  }
  return census;
}
