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
import { judgeVisit, overlappingVisits, type VisitRules, type VisitVerdict } from './visitChecks';

export interface ClaimInput {
  month: Month;
  /** the institution's records; visits may reach a week before the month (weekly limits, overlaps) */
  records: Pick<Dataset, 'institution' | 'residents' | 'staff' | 'visits'>;
  pack: PolicyPack;
  catalogue: Catalogue;
  kind?: Claim['kind'];
}

export function computeClaim(input: ClaimInput): Claim {
  const { month, records, pack } = input;
  const first = monthStart(month);
  const last = monthEnd(month);
  const facts = new Map<string, ResidentFacts>(records.residents.map((r) => [r.ref, residentFacts(r, pack)]));
  const staff = new Map<string, Staff>(records.staff.map((s) => [s.ref, s]));
  const rules: VisitRules = { pack, items: catalogueIndex(input.catalogue), residents: facts, staff };

  const verdicts = judgeVisits(records.visits, rules, weekStart(first), last);
  const lines: ClaimLine[] = [];
  const issues: ClaimIssue[] = [];

  for (const f of facts.values()) {
    const r = f.resident;
    const inst = institutionalMonth(f, month, pack, records.institution.prices);
    const home = homeMonth(f, month, verdicts.get(r.ref) ?? [], pack, records.institution.prices);
    const hasVisits = (verdicts.get(r.ref) ?? []).some((v) => v.date >= first);
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

  const staffWithVisits = new Set(records.visits.filter((v) => v.start.startsWith(month)).map((v) => v.staff));
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

/** Judged visits per resident in time order, for visits starting from `from` through `to`. */
function judgeVisits(visits: readonly Visit[], rules: VisitRules, from: string, to: string): Map<string, VisitVerdict[]> {
  const overlaps = overlappingVisits(visits);
  // Grouped first, then each client's few dozen visits sorted: the same order per client as one
  // sort of the whole month, with a fraction of the comparisons (~100,000 visits, `npm run bench`).
  const byResident = new Map<string, Visit[]>();
  for (const v of visits) {
    const d = dateOf(v.start);
    if (d < from || d > to) continue;
    const list = byResident.get(v.resident);
    if (list) list.push(v);
    else byResident.set(v.resident, [v]);
  }
  const judged = new Map<string, VisitVerdict[]>();
  for (const [resident, list] of byResident) {
    list.sort((a, b) => (a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    judged.set(resident, list.map((v) => judgeVisit(v, rules, overlaps)));
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
