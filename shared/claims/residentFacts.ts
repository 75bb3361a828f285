/**
 * What the claim needs to know about a resident, derived once per claim: the stay timeline and the
 * assessment periods. Deriving them once keeps the engine linear in the number of records.
 */
import type { Resident } from '../domain/model';
import type { PolicyPack } from '../policy/pack';
import { assessmentPeriods, type AssessmentPeriod } from './assessments';
import { buildTimeline, type StayTimeline } from './stayTimeline';

export interface ResidentFacts {
  resident: Resident;
  timeline: StayTimeline;
  periods: AssessmentPeriod[];
}

export function residentFacts(resident: Resident, pack: PolicyPack): ResidentFacts {
  return { resident, timeline: buildTimeline(resident.events), periods: assessmentPeriods(resident.assessments, pack.assessment) };
}
