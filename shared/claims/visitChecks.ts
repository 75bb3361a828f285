/**
 * Visit validity (DOMAIN.md section 7). A visit counts only if every rule holds; otherwise it is
 * excluded and each broken rule becomes an issue on that visit. Every rule is checked (not only the
 * first that fails), so the administrator sees all there is to fix at once.
 */
import { dateOf, dayNumber } from '../domain/dates';
import type { Level, LocalDate, Staff, Visit } from '../domain/model';
import type { CatalogueItem } from '../policy/catalogue';
import type { PolicyPack } from '../policy/pack';
import { assessmentOn } from './assessments';
import { hasValidCertificate } from './certificates';
import { makeIssue } from './issue';
import { messages } from './messages';
import type { ResidentFacts } from './residentFacts';
import { statusOn } from './stayTimeline';
import type { ClaimIssue } from './types';

export interface VisitVerdict {
  visit: Visit;
  date: LocalDate;
  minutes: number;
  /** level of the assessment in force that day, if any */
  level: Level | null;
  issues: ClaimIssue[];
  /** no error and confirmed: the visit may be paid */
  valid: boolean;
}

export interface VisitRules {
  pack: PolicyPack;
  items: ReadonlyMap<string, CatalogueItem>;
  residents: ReadonlyMap<string, ResidentFacts>;
  staff: ReadonlyMap<string, Staff>;
}

/**
 * minuteNumber (domain/dates) with the day part remembered: a month's ~100,000 visits fall on ~40
 * dates, and Date.UTC for every start and end showed in the claim's profile (`npm run bench`).
 * Same value for every valid `YYYY-MM-DDTHH:mm`.
 */
const dayNumbers = new Map<string, number>();
function minuteOf(dateTime: string): number {
  const date = dateTime.slice(0, 10);
  let day = dayNumbers.get(date);
  if (day === undefined) {
    if (dayNumbers.size > 20_000) dayNumbers.clear();
    dayNumbers.set(date, (day = dayNumber(date)));
  }
  return day * 1440 + Number(dateTime.slice(11, 13)) * 60 + Number(dateTime.slice(14, 16));
}

/** Shortest valid length: the pack's minimum, or longer where an item of the visit asks for more. */
export function minimumMinutes(visit: Visit, rules: Pick<VisitRules, 'pack' | 'items'>): number {
  let min = rules.pack.minVisitMinutes;
  for (const code of visit.items) min = Math.max(min, rules.items.get(code)?.minMinutes ?? 0);
  return min;
}

/** Refs of visits that overlap another visit of the same caregiver (touching end to start is fine). */
export function overlappingVisits(visits: readonly Visit[]): Map<string, string[]> {
  const byStaff = new Map<string, { v: Visit; s: number; e: number }[]>();
  for (const v of visits) {
    const list = byStaff.get(v.staff) ?? [];
    list.push({ v, s: minuteOf(v.start), e: minuteOf(v.end) });
    byStaff.set(v.staff, list);
  }
  const out = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    out.set(a, [...(out.get(a) ?? []), b]);
  };
  for (const list of byStaff.values()) {
    list.sort((a, b) => a.s - b.s || a.e - b.e);
    // Sweep: `active` holds the earlier visits still running when the next one starts.
    let active: typeof list = [];
    for (const cur of list) {
      active = active.filter((x) => x.e > cur.s);
      for (const x of active) {
        if (cur.s < x.e && x.s < cur.e) {
          link(cur.v.ref, x.v.ref);
          link(x.v.ref, cur.v.ref);
        }
      }
      active.push(cur);
    }
  }
  return out;
}

export function judgeVisit(visit: Visit, rules: VisitRules, overlaps: ReadonlyMap<string, string[]>): VisitVerdict {
  const date = dateOf(visit.start);
  const minutes = Math.max(0, minuteOf(visit.end) - minuteOf(visit.start));
  const issues: ClaimIssue[] = [];
  const facts = rules.residents.get(visit.resident);
  const name = facts?.resident.name ?? visit.resident;
  const about = { idNumber: facts?.resident.idNumber, resident: visit.resident, staff: visit.staff, visit: visit.ref, date };
  let level: Level | null = null;

  if (facts) {
    const { timeline } = facts;
    const seg = statusOn(timeline, date);
    if (timeline.deathOn !== null && date > timeline.deathOn) {
      issues.push(makeIssue('AFTER_DEATH', messages.afterDeathVisit(name, visit.ref, date, timeline.deathOn), about));
    } else if (!seg) {
      const why = timeline.deathOn === date ? '当日死亡' : '当日不在入住至出院前一日之间';
      issues.push(makeIssue('NO_SERVICE_PERIOD', messages.noServicePeriod(name, visit.ref, date, why), about));
    } else if (seg.mode === 'institutional') {
      issues.push(makeIssue('MODE_CONFLICT', messages.modeConflict(name, visit.ref, date), about));
    } else if (seg.status === 'hospital') {
      issues.push(makeIssue('VISIT_IN_HOSPITAL', messages.visitInHospital(name, visit.ref, date), about));
    } else if (seg.status === 'leave') {
      // Silent in the policy texts; a visit logged while the client is recorded away is not payable.
      issues.push(makeIssue('NO_SERVICE_PERIOD', messages.noServicePeriod(name, visit.ref, date, '当日请假外出'), about));
    }
    const held = assessmentOn(facts.periods, date);
    if (!held) {
      issues.push(makeIssue('NO_ASSESSMENT', messages.noAssessmentVisit(name, visit.ref, date), about));
    } else {
      level = held.level;
      if (!rules.pack.eligibleLevels.includes(held.level)) {
        issues.push(makeIssue('LEVEL_NOT_ELIGIBLE', messages.levelNotEligibleVisit(name, held.level, rules.pack.eligibleLevels, visit.ref), about));
      }
    }
  }

  const staff = rules.staff.get(visit.staff);
  const staffName = staff?.name ?? visit.staff;
  const certs = staff?.certificates ?? [];
  if (!hasValidCertificate(certs, date)) {
    issues.push(makeIssue('CERT_INVALID', messages.certInvalid(staffName, visit.ref, date), about));
  }
  const medical = visit.items.filter((c) => rules.items.get(c)?.class === 'medical');
  if (medical.length > 0 && !hasValidCertificate(certs, date, 'nurse-licence')) {
    const names = medical.map((c) => `${c} ${rules.items.get(c)?.name ?? ''}`.trim());
    issues.push(makeIssue('NURSE_REQUIRED', messages.nurseRequired(staffName, visit.ref, names), about));
  }

  const min = minimumMinutes(visit, rules);
  if (minutes < min || minutes === 0) {
    issues.push(makeIssue('VISIT_TOO_SHORT', messages.visitTooShort(visit.ref, minutes, min), about));
  }
  const others = overlaps.get(visit.ref);
  if (others) issues.push(makeIssue('VISIT_OVERLAP', messages.visitOverlap(staffName, visit.ref, others), about));
  if (!visit.confirmed) issues.push(makeIssue('VISIT_UNCONFIRMED', messages.visitUnconfirmed(name, visit.ref, date), about));

  const valid = issues.every((i) => i.severity !== 'error') && visit.confirmed;
  return { visit, date, minutes, level, issues, valid };
}
