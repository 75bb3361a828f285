/**
 * Visit validity (DOMAIN.md section 7). A visit counts only if every rule holds; otherwise it is
 * excluded and each broken rule becomes an issue on that visit. Every rule is checked (not only the
 * first that fails), so the administrator sees all there is to fix at once.
 */
import { dateOf, dayNumber } from '../domain/dates';
import type { Certificate, CertificateType, Level, LocalDate, Staff, Visit } from '../domain/model';
import type { CatalogueItem } from '../policy/catalogue';
import type { PolicyPack } from '../policy/pack';
import { assessmentOn } from './assessments';
import { certificateValidOn } from './certificates';
import { makeIssue } from './issue';
import { messages } from './messages';
import type { ResidentFacts } from './residentFacts';
import { certifiedOn, periodOn, segmentOn, type CertificateDays, type ResidentDays } from './dayNumbers';
import { statusOn } from './stayTimeline';
import { groupIndices, sortRun } from './visitOrder';
import type { ClaimIssue } from './types';

export interface VisitVerdict {
  visit: Visit;
  date: LocalDate;
  minutes: number;
  /** level of the assessment in force that day, if any */
  level: Level | null;
  /** every broken rule; most visits have none, and then share one frozen empty array */
  issues: readonly ClaimIssue[];
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
 * minuteNumber (domain/dates) without slicing and parsing the date of every start and end: the
 * previous one's day number is kept, and most visits share their neighbour's date (`npm run bench`).
 * Same value for every valid `YYYY-MM-DDTHH:mm`.
 */
let lastDate = '';
let lastDay = 0;

/** The day part's number (a separate function: rare, it stays out of the hot loop). */
function rememberDay(dateTime: string): void {
  lastDate = dateTime.slice(0, 10);
  lastDay = dayNumber(lastDate);
}

function minuteOf(dateTime: string): number {
  // Visits come roughly in time order: most share the previous one's date.
  if (lastDate === '' || !dateTime.startsWith(lastDate)) rememberDay(dateTime);
  const h1 = dateTime.charCodeAt(11) - 48;
  const h2 = dateTime.charCodeAt(12) - 48;
  const m1 = dateTime.charCodeAt(14) - 48;
  const m2 = dateTime.charCodeAt(15) - 48;
  // Digits as Number() reads them; anything else (never in stored data) the slow way, as before.
  if (!(h1 >= 0 && h1 <= 9 && h2 >= 0 && h2 <= 9 && m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9)) return lastDay * 1440 + Number(dateTime.slice(11, 13)) * 60 + Number(dateTime.slice(14, 16));
  return lastDay * 1440 + (h1 * 10 + h2) * 60 + m1 * 10 + m2;
}

/** Shortest valid length: the pack's minimum, or longer where an item of the visit asks for more. */
export function minimumMinutes(visit: Visit, rules: Pick<VisitRules, 'pack' | 'items'>): number {
  return itemDemand(visit.items, rules).minMinutes;
}

/** What a visit's items ask of it: the longest minimum length any asks for, and whether any is medical. */
export interface ItemDemand {
  minMinutes: number;
  medical: boolean;
}

export function itemDemand(items: readonly string[], rules: Pick<VisitRules, 'pack' | 'items'>): ItemDemand {
  let min = rules.pack.minVisitMinutes;
  let medical = false;
  for (let k = 0; k < items.length; k++) {
    const item = rules.items.get(items[k] as string);
    if (!item) continue;
    if (item.minMinutes !== undefined && item.minMinutes > min) min = item.minMinutes;
    if (item.class === 'medical') medical = true;
  }
  return { minMinutes: min, medical };
}

const NO_ISSUES: readonly ClaimIssue[] = Object.freeze([]);

/** Start and end of each visit in minute numbers (minuteNumber), computed once per claim. */
export interface VisitMinutes {
  start: Float64Array;
  end: Float64Array;
}

export function visitMinutes(visits: readonly Pick<Visit, 'start' | 'end'>[]): VisitMinutes {
  const start = new Float64Array(visits.length);
  const end = new Float64Array(visits.length);
  for (let i = 0; i < visits.length; i++) {
    const v = visits[i] as Pick<Visit, 'start' | 'end'>;
    start[i] = minuteOf(v.start);
    end[i] = minuteOf(v.end);
  }
  return { start, end };
}

/** Refs of visits that overlap another visit of the same caregiver (touching end to start is fine). */
export function overlappingVisits(
  visits: readonly Pick<Visit, 'ref' | 'staff' | 'start' | 'end'>[],
  minutes: VisitMinutes = visitMinutes(visits),
  /** set to 1 at the index of every visit that overlaps another, when given */
  flags: Uint8Array = new Uint8Array(visits.length),
): Map<string, string[]> {
  // Each caregiver's visits as indices, in input order, caregivers in order of first appearance;
  // then each one's sorted by start, end, input order, and swept. Each step is a function of its
  // own: this runs once per claim, and V8 optimizes small functions that loop far sooner than one
  // long one (whose later loops had no type feedback yet and deoptimized it, `npm run bench`).
  const { group, count } = staffGroups(visits);
  const { order, offsets } = groupIndices(group, count);
  const out = new Map<string, string[]>();
  const active = new Int32Array(visits.length);
  const byTime = timeOrder(minutes);
  for (let g = 0; g < count; g++) {
    sortRun(order, offsets[g] as number, offsets[g + 1] as number, byTime);
    sweep(order, offsets[g] as number, offsets[g + 1] as number, minutes, visits, out, flags, active);
  }
  return out;
}

/** Each visit's caregiver as a number, in order of first appearance. */
function staffGroups(visits: readonly Pick<Visit, 'staff'>[]): { group: Int32Array; count: number } {
  const number = new Map<string, number>();
  const group = new Int32Array(visits.length);
  for (let i = 0; i < visits.length; i++) {
    const staff = (visits[i] as Pick<Visit, 'staff'>).staff;
    let g = number.get(staff);
    if (g === undefined) number.set(staff, (g = number.size));
    group[i] = g;
  }
  return { group, count: number.size };
}

function timeOrder({ start: s, end: e }: VisitMinutes): (a: number, b: number) => number {
  return (a, b) => (s[a] as number) - (s[b] as number) || (e[a] as number) - (e[b] as number) || a - b;
}

function link(out: Map<string, string[]>, a: string, b: string): void {
  const list = out.get(a);
  if (list) list.push(b);
  else out.set(a, [b]);
}

/**
 * One caregiver's visits order[from, to), in time order: `active` holds the earlier visits still
 * running when the next one starts, in the order they started. (A typed array with a count, not a
 * shrinking array: setting an array's length reallocated it on every visit.)
 */
function sweep(
  order: Int32Array,
  from: number,
  to: number,
  { start: s, end: e }: VisitMinutes,
  visits: readonly Pick<Visit, 'ref'>[],
  out: Map<string, string[]>,
  flags: Uint8Array,
  active: Int32Array,
): void {
  let running = 0;
  for (let c = from; c < to; c++) {
    const cur = order[c] as number;
    const cs = s[cur] as number;
    const ce = e[cur] as number;
    let kept = 0;
    for (let k = 0; k < running; k++) {
      const x = active[k] as number;
      if ((e[x] as number) > cs) active[kept++] = x;
    }
    running = kept;
    for (let k = 0; k < kept; k++) {
      const x = active[k] as number;
      if (cs < (e[x] as number) && (s[x] as number) < ce) {
        const a = (visits[cur] as Pick<Visit, 'ref'>).ref;
        const b = (visits[x] as Pick<Visit, 'ref'>).ref;
        link(out, a, b);
        link(out, b, a);
        flags[cur] = flags[x] = 1;
      }
    }
    active[running++] = cur;
  }
}

export function judgeVisit(visit: Visit, rules: VisitRules, overlaps: ReadonlyMap<string, string[]>): VisitVerdict {
  return judgeVisitAt(visit, rules, overlaps.get(visit.ref), minuteOf(visit.start), minuteOf(visit.end));
}

type About = Omit<ClaimIssue, 'code' | 'severity' | 'message'>;

function aboutVisit(facts: ResidentFacts | undefined, visit: Visit, date: LocalDate): About {
  return { idNumber: facts?.resident.idNumber, resident: visit.resident, staff: visit.staff, visit: visit.ref, date };
}

/** True when one of the certificates (of the type, if given) is valid on the date (certificates.ts). */
function certified(certs: readonly Certificate[], date: LocalDate, type?: CertificateType): boolean {
  for (const c of certs) if ((!type || c.type === type) && certificateValidOn(c, date)) return true;
  return false;
}

/** certified, by day number when the certificates' dates are known as such. */
function certifiedFor(certDays: CertificateDays | null, day: number, certs: readonly Certificate[], date: LocalDate, type?: CertificateType): boolean {
  return certDays ? certifiedOn(certDays, day, type) : certified(certs, date, type);
}

/**
 * What the claim knows of a visit by number (dayNumbers.ts): its date's day number, its client's and
 * its caregiver's dates as day numbers (null: one is not a valid date, compare the strings), and
 * the caregiver (rules.staff's).
 */
export interface VisitDays {
  day: number;
  resident: ResidentDays | null;
  staff: Staff | undefined;
  certificates: CertificateDays | null;
}

/**
 * judgeVisit with what the claim already knows: the refs of the visits this one overlaps (or
 * undefined), its start and end in minute numbers, its date and its client's facts, and those
 * by day number (for a valid date only).
 */
export function judgeVisitAt(
  visit: Visit,
  rules: VisitRules,
  others: readonly string[] | undefined,
  startMinute: number,
  endMinute: number,
  date: LocalDate = dateOf(visit.start),
  facts: ResidentFacts | undefined = rules.residents.get(visit.resident),
  days?: VisitDays,
): VisitVerdict {
  const minutes = Math.max(0, endMinute - startMinute);
  // made on the first issue only: most visits have none
  let found: ClaimIssue[] | null = null;
  const name = facts?.resident.name ?? visit.resident;
  // Most visits have no issue: what an issue is about is built on the first one only, inline (a
  // closure would cost an allocation per visit).
  let about: About | null = null;
  let level: Level | null = null;

  if (facts) {
    const { timeline } = facts;
    const byDay = days?.resident;
    const seg = byDay ? (timeline.segments[segmentOn(byDay, days.day)] ?? null) : statusOn(timeline, date);
    if (timeline.deathOn !== null && (byDay ? days.day > byDay.deathDay : date > timeline.deathOn)) {
      (found ??= []).push(makeIssue('AFTER_DEATH', messages.afterDeathVisit(name, visit.ref, date, timeline.deathOn), (about ??= aboutVisit(facts, visit, date))));
    } else if (!seg) {
      const why = timeline.deathOn === date ? '当日死亡' : '当日不在入住至出院前一日之间';
      (found ??= []).push(makeIssue('NO_SERVICE_PERIOD', messages.noServicePeriod(name, visit.ref, date, why), (about ??= aboutVisit(facts, visit, date))));
    } else if (seg.mode === 'institutional') {
      (found ??= []).push(makeIssue('MODE_CONFLICT', messages.modeConflict(name, visit.ref, date), (about ??= aboutVisit(facts, visit, date))));
    } else if (seg.status === 'hospital') {
      (found ??= []).push(makeIssue('VISIT_IN_HOSPITAL', messages.visitInHospital(name, visit.ref, date), (about ??= aboutVisit(facts, visit, date))));
    } else if (seg.status === 'leave') {
      // Silent in the policy texts; a visit logged while the client is recorded away is not payable.
      (found ??= []).push(makeIssue('NO_SERVICE_PERIOD', messages.noServicePeriod(name, visit.ref, date, '当日请假外出'), (about ??= aboutVisit(facts, visit, date))));
    }
    const held = byDay ? (facts.periods[periodOn(byDay, days.day)] ?? null) : assessmentOn(facts.periods, date);
    if (!held) {
      (found ??= []).push(makeIssue('NO_ASSESSMENT', messages.noAssessmentVisit(name, visit.ref, date), (about ??= aboutVisit(facts, visit, date))));
    } else {
      level = held.level;
      if (!rules.pack.eligibleLevels.includes(held.level)) {
        (found ??= []).push(makeIssue('LEVEL_NOT_ELIGIBLE', messages.levelNotEligibleVisit(name, held.level, rules.pack.eligibleLevels, visit.ref), (about ??= aboutVisit(facts, visit, date))));
      }
    }
  }

  const staff = days ? days.staff : rules.staff.get(visit.staff);
  const staffName = staff?.name ?? visit.staff;
  const certs = staff?.certificates ?? [];
  const certDays = days?.certificates ?? null;
  const day = days?.day ?? Number.NaN;
  const demand = itemDemand(visit.items, rules);
  if (!certifiedFor(certDays, day, certs, date)) {
    (found ??= []).push(makeIssue('CERT_INVALID', messages.certInvalid(staffName, visit.ref, date), (about ??= aboutVisit(facts, visit, date))));
  }
  const min = demand.minMinutes;
  if (demand.medical && !certifiedFor(certDays, day, certs, date, 'nurse-licence')) {
    const names = visit.items.filter((c) => rules.items.get(c)?.class === 'medical').map((c) => `${c} ${rules.items.get(c)?.name ?? ''}`.trim());
    (found ??= []).push(makeIssue('NURSE_REQUIRED', messages.nurseRequired(staffName, visit.ref, names), (about ??= aboutVisit(facts, visit, date))));
  }

  if (minutes < min || minutes === 0) {
    (found ??= []).push(makeIssue('VISIT_TOO_SHORT', messages.visitTooShort(visit.ref, minutes, min), (about ??= aboutVisit(facts, visit, date))));
  }
  if (others) (found ??= []).push(makeIssue('VISIT_OVERLAP', messages.visitOverlap(staffName, visit.ref, others), (about ??= aboutVisit(facts, visit, date))));
  if (!visit.confirmed) (found ??= []).push(makeIssue('VISIT_UNCONFIRMED', messages.visitUnconfirmed(name, visit.ref, date), about ?? aboutVisit(facts, visit, date)));

  let valid = visit.confirmed;
  const issues: readonly ClaimIssue[] = found ?? NO_ISSUES;
  for (const i of issues) if (i.severity === 'error') valid = false;
  return { visit, date, minutes, level, issues, valid };
}
