/**
 * One person's page: personal data with the whole ID number, where they stand today, each
 * assessment with its validity as the claim engine computes it, the stay events in date order, and
 * for a home-care client this month's use of the pack's limits (visits/quota.ts, the claim's count).
 */
import type { AssessmentState, AssessmentView, ResidentDetail, StayEventView } from '../../../shared/api/residents';
import { assessmentOn, assessmentPeriods } from '../../../shared/claims/assessments';
import { sortEvents } from '../../../shared/claims/stayTimeline';
import type { HomeQuotaUse } from '../../../shared/api/visits';
import { daysBetween, monthOf } from '../../../shared/domain/dates';
import { idNumberFacts, idNumberProblem } from '../../../shared/domain/ids';
import type { LocalDate } from '../../../shared/domain/model';
import { stayTimelineProblems } from '../../../shared/domain/stayRules';
import type { LtcDatabase } from '../db/database';
import { loadPolicy } from '../visits/judge';
import { homeQuota } from '../visits/quota';
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

const IN_STAY = new Set(['present', 'hospital', 'leave']);

/** This month's limits for a client in home care today, or with visits this month; null otherwise. */
function monthQuota(db: LtcDatabase, id: number, homeToday: boolean, today: LocalDate): HomeQuotaUse | null {
  const month = monthOf(today);
  const visits = db.raw
    .prepare('SELECT count(*) FROM visits WHERE resident_id = ? AND start_at >= ? AND start_at < ?')
    .pluck()
    .get(id, `${month}-01`, `${month}-32`) as number;
  if (!homeToday && visits === 0) return null;
  const policy = loadPolicy(db.raw);
  return policy ? (homeQuota(db.raw, policy, id, { month, weekOf: today })?.use ?? null) : null;
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
    // a birth date after today (a mistyped number stored before it was refused) has no age
    age: facts && facts.birthDate <= today ? ageOn(facts.birthDate, today) : null,
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
    homeQuota: monthQuota(db, r.id, standing.mode === 'home' && IN_STAY.has(standing.status), today),
    today,
  };
}
