/**
 * One person's page: personal data with the whole ID number, where they stand today, each
 * assessment with its validity as the claim engine computes it, and the stay events in date order.
 */
import type { AssessmentState, AssessmentView, ResidentDetail, StayEventView } from '../../../shared/api/residents';
import { assessmentOn, assessmentPeriods } from '../../../shared/claims/assessments';
import { sortEvents } from '../../../shared/claims/stayTimeline';
import { daysBetween } from '../../../shared/domain/dates';
import { idNumberFacts, idNumberProblem } from '../../../shared/domain/ids';
import type { LocalDate } from '../../../shared/domain/model';
import { stayTimelineProblems } from '../../../shared/domain/stayRules';
import type { LtcDatabase } from '../db/database';
import { loadResidentPolicy } from './residentPolicy';
import { requireResident, type StoredAssessment, type StoredEvent } from './residentRecord';
import { standingOn } from './standing';
import { ageOn, localToday } from './today';

/** Months of submitted claims that pay this person: their records are the claim's evidence now. */
export function submittedClaimMonths(db: LtcDatabase, ref: string): string[] {
  return db.raw
    .prepare(
      `SELECT DISTINCT c.month FROM claims c, json_each(c.claim_json, '$.lines') l
       WHERE c.status IN ('submitted', 'settled') AND json_extract(l.value, '$.resident') = ? ORDER BY c.month`,
    )
    .pluck()
    .all(ref) as string[];
}

export function getResident(db: LtcDatabase, id: number, today: LocalDate = localToday()): ResidentDetail {
  const r = requireResident(db, id);
  const policy = loadResidentPolicy(db);
  const { pack } = policy;
  const periods = assessmentPeriods(r.assessments, pack.assessment);
  const current = assessmentOn(periods, today);
  const assessments: AssessmentView[] = periods.map((p, i) => {
    const later = periods.slice(i + 1).some((q) => q.start <= today);
    const state: AssessmentState = p === current ? 'in-force' : p.start > today ? 'pending' : later ? 'replaced' : 'expired';
    const a = p.assessment as StoredAssessment;
    return {
      id: a.id,
      level: p.level,
      concludedOn: a.concludedOn,
      number: a.number ?? null,
      assessor: a.assessor ?? null,
      start: p.start,
      end: p.end,
      state,
      daysLeft: daysBetween(today, p.end),
      eligible: pack.eligibleLevels.includes(p.level),
    };
  });
  const latest = periods.at(-1);
  const standing = standingOn(r.events, today);
  const facts = idNumberFacts(r.idNumber);
  const visitCount = db.raw.prepare('SELECT count(*) FROM visits WHERE resident_id = ?').pluck().get(id) as number;
  const claimed = submittedClaimMonths(db, r.ref);
  const deleteBlocker =
    visitCount > 0
      ? `${r.name} 有 ${visitCount} 条上门服务记录，删除会丢失服务证据。如不再服务，请登记“出院”。`
      : claimed.length > 0
        ? `${r.name} 已列入 ${claimed.join('、')} 的已申报结算，记录须保留备查。如不再服务，请登记“出院”。`
        : null;
  const events: StayEventView[] = sortEvents(r.events).map((e) => {
    const s = e as StoredEvent;
    return { id: s.id, type: s.type, date: s.date, mode: s.mode ?? null, bed: s.bed ?? null, note: s.note ?? null };
  });
  return {
    id: r.id,
    ref: r.ref,
    name: r.name,
    idNumber: r.idNumber,
    idWarning: idNumberProblem(r.idNumber, today),
    birthDate: facts?.birthDate ?? null,
    sex: facts?.sex ?? null,
    age: facts ? ageOn(facts.birthDate, today) : null,
    insuranceType: r.insuranceType,
    phone: r.phone,
    address: r.address,
    level: current?.level ?? null,
    assessmentEndsOn: latest?.end ?? null,
    assessmentDaysLeft: latest ? daysBetween(today, latest.end) : null,
    mode: standing.mode,
    status: standing.status,
    statusSince: standing.since,
    bed: standing.bed,
    assessments: [...assessments].reverse(),
    events,
    timelineProblems: stayTimelineProblems(r.events).map((p) => p.message),
    visitCount,
    deleteBlocker,
    policy: policy.view,
    today,
  };
}
