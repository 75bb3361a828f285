/**
 * The month's settlement claim (月度结算申报, DOMAIN.md section 8), computed from plain records.
 * Pure: the services load the records and store the result; this module only decides.
 */
import { addDays, dateOf, monthEnd, monthStart, weekStart } from '../domain/dates';
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
import { judgeVisitAt, overlappingVisits, visitMinutes, type VisitRules, type VisitVerdict } from './visitChecks';

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

  const verdicts = judgeVisits(records.visits, rules, judgesWeekBefore(pack) ? weekStart(first) : first, last);
  const lines: ClaimLine[] = [];
  const issues: ClaimIssue[] = [];

  for (const f of facts.values()) {
    const r = f.resident;
    const inst = institutionalMonth(f, month, pack, records.institution.prices);
    const judged = verdicts.get(r.ref) ?? [];
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

  const staffWithVisits = new Set<string>();
  for (const v of records.visits) if (v.start.startsWith(month)) staffWithVisits.add(v.staff);
  for (const s of records.staff) {
    if (!staffWithVisits.has(s.ref)) continue;
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

/** Judged visits per resident in time order, for visits starting from `from` through `to`. */
function judgeVisits(visits: readonly Visit[], rules: VisitRules, from: string, to: string): Map<string, VisitVerdict[]> {
  // Each visit's times parsed once, for the overlap sweep and for its length.
  const minutes = visitMinutes(visits);
  const overlapping = new Uint8Array(visits.length);
  const overlaps = overlappingVisits(visits, minutes, overlapping);
  // Grouped first, then each client's few dozen visits sorted: the same order per client as one
  // sort of the whole month, with a fraction of the comparisons (~100,000 visits, `npm run bench`).
  const byResident = new Map<string, number[]>();
  // One string per date (dateOf of the start), shared by the visits of that day.
  const dates: string[] = new Array(visits.length);
  let day = '';
  for (let i = 0; i < visits.length; i++) {
    const v = visits[i] as Visit;
    const d = day !== '' && v.start.startsWith(day) ? day : (day = dateOf(v.start));
    dates[i] = d;
    if (d < from || d > to) continue;
    const list = byResident.get(v.resident);
    if (list) list.push(i);
    else byResident.set(v.resident, [i]);
  }
  const { start, end } = minutes;
  const keys = new Float64Array(visits.length);
  for (let i = 0; i < visits.length; i++) keys[i] = startKey((visits[i] as Visit).start);
  const judged = new Map<string, VisitVerdict[]>();
  for (const [resident, list] of byResident) {
    // by start, then ref
    list.sort((i, j) => {
      const a = visits[i] as Visit;
      const b = visits[j] as Visit;
      const ka = keys[i] as number;
      const kb = keys[j] as number;
      if (ka === ka && kb === kb) {
        if (ka !== kb) return ka - kb;
      } else if (a.start !== b.start) return a.start < b.start ? -1 : 1;
      return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
    });
    const facts = rules.residents.get(resident);
    const out: VisitVerdict[] = new Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const i = list[k] as number;
      const v = visits[i] as Visit;
      out[k] = judgeVisitAt(v, rules, overlapping[i] ? overlaps.get(v.ref) : undefined, start[i] as number, end[i] as number, dates[i] as string, facts);
    }
    judged.set(resident, out);
  }
  return judged;
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
