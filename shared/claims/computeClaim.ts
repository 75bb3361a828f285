/**
 * The month's settlement claim (月度结算申报, DOMAIN.md section 8), computed from plain records.
 * Pure: the services load the records and store the result; this module only decides.
 */
import { addDays, dateOf, monthEnd, monthStart, validDayNumber, weekStart } from '../domain/dates';
import { idNumberProblem } from '../domain/ids';
import type { Dataset, Month, Staff, Visit } from '../domain/model';
import { catalogueIndex, type Catalogue } from '../policy/catalogue';
import type { PolicyPack } from '../policy/pack';
import { assessmentOn } from './assessments';
import { homeMonth } from './home';
import { institutionalMonth } from './institutional';
import { makeIssue } from './issue';
import { messages } from './messages';
import { residentFacts, type ResidentFacts } from './residentFacts';
import type { Claim, ClaimIssue, ClaimLine, ClaimTotals } from './types';
import { groupIndices, sortRun } from './visitOrder';
import { certificateDays, residentDays, type CertificateDays } from './dayNumbers';
import { judgeVisitAt, overlappingVisits, visitMinutes, type VisitDays, type VisitRules, type VisitVerdict } from './visitChecks';

export interface ClaimInput {
  month: Month;
  /** the institution's records; visits may reach a week before the month (weekly limits, overlaps) */
  records: Pick<Dataset, 'institution' | 'residents' | 'staff' | 'visits'>;
  pack: PolicyPack;
  catalogue: Catalogue;
  kind?: Claim['kind'];
}

/**
 * Whether the visits of the week before the month are judged: only a per-visit pack's weekly limit
 * (a week straddling the month start) looks at them; under the other models homeMonth looks at the
 * month's own visits alone, and earlier visits matter only when they overlap one of those.
 */
export function judgesWeekBefore(pack: PolicyPack): boolean {
  return pack.home !== null && pack.home !== undefined && pack.home.model !== 'hourly-quota' && pack.home.model !== 'monthly-cap';
}

export function computeClaim(input: ClaimInput): Claim {
  const { month, records, pack } = input;
  const first = monthStart(month);
  const last = monthEnd(month);
  const facts = new Map<string, ResidentFacts>(records.residents.map((r) => [r.ref, residentFacts(r, pack)]));
  const staff = new Map<string, Staff>(records.staff.map((s) => [s.ref, s]));
  const rules: VisitRules = { pack, items: catalogueIndex(input.catalogue), residents: facts, staff };

  const { judgedFor, staffInMonth } = judgeVisits(records.visits, rules, judgesWeekBefore(pack) ? weekStart(first) : first, first, last);
  const lines: ClaimLine[] = [];
  const issues: ClaimIssue[] = [];

  for (const f of facts.values()) {
    const r = f.resident;
    const inst = institutionalMonth(f, month, pack, records.institution.prices);
    // judged here, one client at a time, so that the verdicts die young (few survive a scavenge)
    const judged = judgedFor(r.ref);
    const home = homeMonth(f, month, judged, pack, records.institution.prices);
    const hasVisits = judged.some((v) => v.date >= first);
    const personLines = [inst.line, home.line].filter((l): l is ClaimLine => l !== null);
    issues.push(...inst.issues, ...home.issues);
    if (!inst.inStay && !hasVisits) continue;

    const idProblem = idNumberProblem(r.idNumber, last);
    if (idProblem) {
      // Records are kept; the person simply gets no line until the number is corrected.
      issues.push(makeIssue('BAD_ID_NUMBER', messages.badIdNumberResident(r.name, r.idNumber, idProblem), { idNumber: r.idNumber, resident: r.ref }));
      continue;
    }
    if (personLines.length > 0) {
      const held = assessmentOn(f.periods, last);
      if (held && held.end <= addDays(last, pack.assessment.expiringWarningDays)) {
        issues.push(makeIssue('ASSESSMENT_EXPIRING', messages.assessmentExpiring(r.name, held.end), { idNumber: r.idNumber, resident: r.ref, date: held.end }));
      }
    }
    lines.push(...personLines);
  }

  for (const s of records.staff) {
    if (!staffInMonth.has(s.ref)) continue;
    const problem = idNumberProblem(s.idNumber, last);
    if (problem) issues.push(makeIssue('BAD_ID_NUMBER', messages.badIdNumberStaff(s.name, s.idNumber, problem), { staff: s.ref }));
  }

  return {
    format: 'ltc-claim',
    version: 1,
    month,
    kind: input.kind ?? 'regular',
    institution: { name: records.institution.name, uscc: records.institution.uscc, agencyCode: records.institution.agencyCode },
    policy: { id: pack.id, version: pack.version },
    totals: totalsOf(lines),
    lines,
    issues,
  };
}

/**
 * `YYYY-MM-DDTHH:mm` as the number YYYYMMDDHHmm, which orders exactly as the strings do (fixed
 * width, digits) and is equal only for equal strings; NaN for any other string (then the strings
 * are compared). Comparing numbers instead of strings sorts a month's visits several times faster.
 */
function startKey(at: string): number {
  if (at.length !== 16 || at.charCodeAt(4) !== 45 || at.charCodeAt(7) !== 45 || at.charCodeAt(10) !== 84 || at.charCodeAt(13) !== 58) return NaN;
  let n = 0;
  for (let k = 0; k < 16; k++) {
    if (k === 4 || k === 7 || k === 10 || k === 13) continue;
    const d = at.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

interface Judged {
  /** a resident's judged visits in time order, of those starting from `from` through `to` */
  judgedFor: (resident: string) => VisitVerdict[];
  /** refs of the staff with a visit in the month (first … to) */
  staffInMonth: Set<string>;
}

/**
 * Prepares the month's visits for judging, one client at a time. Each step is a function of its
 * own (see overlappingVisits): this runs once per claim over ~100,000 visits.
 */
function judgeVisits(visits: readonly Visit[], rules: VisitRules, from: string, first: string, to: string): Judged {
  // Each visit's times parsed once, for the overlap sweep and for its length.
  const minutes = visitMinutes(visits);
  const overlapping = new Uint8Array(visits.length);
  const overlaps = overlappingVisits(visits, minutes, overlapping);
  // Grouped by client first (the clients numbered as the facts are), then each client's few dozen
  // visits ordered: the same order per client as one sort of the whole month, with a fraction of
  // the comparisons.
  const clientNumber = new Map<string, number>();
  for (const ref of rules.residents.keys()) clientNumber.set(ref, clientNumber.size);
  const { dates, days, client, staffInMonth } = datesAndClients(visits, clientNumber, from, first, to);
  const { order, offsets } = groupIndices(client, clientNumber.size);
  const byStart = startOrder(visits, startKeys(visits));
  // each caregiver's certificates by day number, made on their first visit
  const caregivers = new Map<string, { staff: Staff | undefined; certificates: CertificateDays | null }>();
  const caregiver = (ref: string): { staff: Staff | undefined; certificates: CertificateDays | null } => {
    let c = caregivers.get(ref);
    if (!c) {
      const staff = rules.staff.get(ref);
      caregivers.set(ref, (c = { staff, certificates: certificateDays(staff?.certificates ?? []) }));
    }
    return c;
  };
  // one object for every visit: judgeVisitAt only reads it
  const at: VisitDays = { day: 0, resident: null, staff: undefined, certificates: null };
  const judgedFor = (resident: string): VisitVerdict[] => {
    const c = clientNumber.get(resident);
    if (c === undefined) return [];
    const lo = offsets[c] as number;
    const hi = offsets[c + 1] as number;
    sortRun(order, lo, hi, byStart);
    const facts = rules.residents.get(resident);
    at.resident = facts ? residentDays(facts) : null;
    const out: VisitVerdict[] = new Array(hi - lo);
    for (let k = lo; k < hi; k++) {
      const i = order[k] as number;
      const v = visits[i] as Visit;
      const day = days[i] as number;
      let known: VisitDays | undefined;
      if (day === day) {
        const { staff, certificates } = caregiver(v.staff);
        at.day = day;
        at.staff = staff;
        at.certificates = certificates;
        known = at;
      }
      out[k - lo] = judgeVisitAt(v, rules, overlapping[i] ? overlaps.get(v.ref) : undefined, minutes.start[i] as number, minutes.end[i] as number, dates[i] as string, facts, known);
    }
    return out;
  };
  return { judgedFor, staffInMonth };
}

/**
 * Each visit's date (dateOf its start, one string per date, shared), its day number (NaN for a
 * date that is not one) and client number: −1 for a visit outside [from, to] or of nobody on file
 * (judged in no month); and the staff of the month.
 */
function datesAndClients(
  visits: readonly Visit[],
  clientNumber: ReadonlyMap<string, number>,
  from: string,
  first: string,
  to: string,
): { dates: string[]; days: Float64Array; client: Int32Array; staffInMonth: Set<string> } {
  const dates: string[] = new Array(visits.length);
  const days = new Float64Array(visits.length);
  let dayOfDate = Number.NaN;
  const client = new Int32Array(visits.length);
  const staffInMonth = new Set<string>();
  let day = '';
  for (let i = 0; i < visits.length; i++) {
    const v = visits[i] as Visit;
    if (day === '' || !v.start.startsWith(day)) {
      day = dateOf(v.start);
      dayOfDate = validDayNumber(day);
    }
    dates[i] = day;
    days[i] = dayOfDate;
    client[i] = day < from || day > to ? -1 : (clientNumber.get(v.resident) ?? -1);
    if (day >= first && day <= to) staffInMonth.add(v.staff);
  }
  return { dates, days, client, staffInMonth };
}

/** startKey of every visit (in input order: reading them in client order missed the cache). */
function startKeys(visits: readonly Visit[]): Float64Array {
  const keys = new Float64Array(visits.length);
  for (let i = 0; i < visits.length; i++) keys[i] = startKey((visits[i] as Visit).start);
  return keys;
}

/** By start (startKey, or the strings where either is not a well-formed time), then ref. */
function startOrder(visits: readonly Visit[], keys: Float64Array): (i: number, j: number) => number {
  return (i, j) => {
    const ka = keys[i] as number;
    const kb = keys[j] as number;
    const a = visits[i] as Visit;
    const b = visits[j] as Visit;
    if (ka === ka && kb === kb) {
      if (ka !== kb) return ka - kb;
    } else if (a.start !== b.start) return a.start < b.start ? -1 : 1;
    return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
  };
}

/** Totals are the sums of the lines; persons counts distinct people (one may have both modes). */
export function totalsOf(lines: readonly ClaimLine[]): ClaimTotals {
  const t: ClaimTotals = { persons: new Set(lines.map((l) => l.idNumber)).size, billableDays: 0, coveredMinutes: 0, visits: 0, feeFen: 0, fundFen: 0, personalFen: 0 };
  for (const l of lines) {
    t.billableDays += l.billableDays;
    t.coveredMinutes += l.coveredMinutes;
    t.visits += l.visits ?? 0;
    t.feeFen += l.feeFen;
    t.fundFen += l.fundFen;
    t.personalFen += l.personalFen;
  }
  return t;
}
