/**
 * The month's settlement claim (月度结算申报, docs/rules.md §8), computed from plain records.
 * Pure: the services load the records and store the result; this module only decides.
 */
import { addDays, dateOf, monthEnd, monthStart, weekStart } from '../domain/dates';
import { idNumberProblem } from '../domain/ids';
import type { Dataset, Month, Staff, Visit } from '../domain/model';
import { catalogueIndex, type Catalogue } from '../policy/catalogue';
import type { PolicyPack } from '../policy/pack';
import { assessmentOn } from './assessments';
import { homeMonth, type JudgedVisits } from './home';
import { institutionalMonth } from './institutional';
import { makeIssue } from './issue';
import { messages } from './messages';
import { residentFacts, type ResidentFacts } from './residentFacts';
import type { Claim, ClaimIssue, ClaimLine, ClaimTotals } from './types';
import { groupIndices, sortRun, type Groups } from './visitOrder';
import { judgeAll, overlapsIn, rowRules, rowVerdicts, type VisitRules } from './visitChecks';
import { isVisitTable, permute, permuteColumn, permuteNumbers, tableOf, type VisitTable } from './visitTable';

/** What a claim reads: the records, with the visits as plain objects or as a table (the database's reader). */
export type ClaimRecords = Pick<Dataset, 'institution' | 'residents' | 'staff'> & { visits: readonly Visit[] | VisitTable };

export interface ClaimInput {
  month: Month;
  /** the institution's records; visits may reach a week before the month (weekly limits, overlaps) */
  records: ClaimRecords;
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
  // filled in a loop, not from a list of [key, value] pairs: an array per person for nothing
  const facts = new Map<string, ResidentFacts>();
  for (const r of records.residents) facts.set(r.ref, residentFacts(r, pack));
  const staff = new Map<string, Staff>();
  for (const s of records.staff) staff.set(s.ref, s);
  const rules: VisitRules = { pack, items: catalogueIndex(input.catalogue), residents: facts, staff };

  const table = isVisitTable(records.visits) ? records.visits : tableOf(records.visits);
  const { judgedFor, staffInMonth } = judgeVisits(table, month, rules, judgesWeekBefore(pack) ? weekStart(first) : first, first, last);
  const lines: ClaimLine[] = [];
  const issues: ClaimIssue[] = [];
  const expiringBy = addDays(last, pack.assessment.expiringWarningDays);

  // Per person, the issues and lines appended one by one, not spread or filtered into new arrays:
  // ~3,500 people a claim, and their arrays were a good part of what the engine allocated (`npm run bench`).
  for (const f of facts.values()) {
    const r = f.resident;
    const inst = institutionalMonth(f, month, pack, records.institution.prices);
    // judged here, one client at a time, so that the verdicts die young (few survive a scavenge)
    const judged = judgedFor(r.ref);
    const home = homeMonth(f, month, judged, pack, records.institution.prices);
    let hasVisits = false;
    for (let i = judged.from; i < judged.to && !hasVisits; i++) hasVisits = (judged.date[i] as string) >= first;
    for (const issue of inst.issues) issues.push(issue);
    for (const issue of home.issues) issues.push(issue);
    if (!inst.inStay && !hasVisits) continue;

    const idProblem = idNumberProblem(r.idNumber, last);
    if (idProblem) {
      // Records are kept; the person simply gets no line until the number is corrected.
      issues.push(makeIssue('BAD_ID_NUMBER', messages.badIdNumberResident(r.name, r.idNumber, idProblem), { idNumber: r.idNumber, resident: r.ref }));
      continue;
    }
    if (inst.line !== null || home.line !== null) {
      const held = assessmentOn(f.periods, last);
      if (held && held.end <= expiringBy) {
        issues.push(makeIssue('ASSESSMENT_EXPIRING', messages.assessmentExpiring(r.name, held.end), { idNumber: r.idNumber, resident: r.ref, date: held.end }));
      }
    }
    if (inst.line !== null) lines.push(inst.line);
    if (home.line !== null) lines.push(home.line);
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

interface Judged {
  /** a resident's judged visits in time order, of those starting from `from` through `to` */
  judgedFor: (resident: string) => JudgedVisits;
  /** refs of the staff with a visit in the month (first … to) */
  staffInMonth: Set<string>;
}

/**
 * Judges the month's visits. Each step is a function of its own (see overlapsIn): this runs once
 * per claim over ~100,000 visits. The table is first reordered by client, each client's visits in
 * time order (one gather per column), and then everything runs in that order: a client's visits lie
 * scattered through the month, and judging and paying them in place waited on memory for most rows
 * (`npm run bench`).
 */
function judgeVisits(table: VisitTable, month: Month, rules: VisitRules, from: string, first: string, to: string): Judged {
  // Overlaps on the table as read: a caregiver's visits at the very same times keep their order.
  const overlapping = new Uint8Array(table.length);
  const overlaps = overlapsIn(table, overlapping);
  const { dates, inMonth: ofMonth, group, staffInMonth } = datesAndClients(table, month, rules.residents, from, first, to);
  const { order, offsets } = clientOrder(table, group);
  const sorted = permute(table, order);
  const on = rowRules(rules, sorted, permuteNumbers(overlapping, new Uint8Array(order.length), order), overlaps);
  const date = permuteColumn(dates, order);
  const inMonth = permuteNumbers(ofMonth, new Uint8Array(order.length), order);
  const verdicts = rowVerdicts(sorted.length);
  const issuesOf = judgeAll(on, date, verdicts);
  const clientNumber = new Map<string, number>();
  for (let c = 0; c < table.clients.length; c++) if (!clientNumber.has(table.clients[c] as string)) clientNumber.set(table.clients[c] as string, c);
  const judgedFor = (resident: string): JudgedVisits => {
    const c = clientNumber.get(resident);
    if (c === undefined) return { table: sorted, from: 0, to: 0, date, inMonth, verdicts, issues: [] };
    const lo = offsets[c] as number;
    const hi = offsets[c + 1] as number;
    const issues: ClaimIssue[] = [];
    // the visits before the month only use up a week's limit (homeMonth); their issues are not the month's
    for (let i = lo; i < hi; i++) {
      const found = issuesOf[i];
      if (found && inMonth[i]) for (const issue of found) issues.push(issue);
    }
    return { table: sorted, from: lo, to: hi, date, inMonth, verdicts, issues };
  };
  return { judgedFor, staffInMonth };
}

/**
 * The rows with a group, grouped by client (as numbered in the table), each client's in time order
 * (startOrder): client c's are order[offsets[c]] … order[offsets[c + 1] − 1]. Visits are entered
 * roughly in time order, so a client's usually are already: that is checked on their start keys
 * gathered side by side, and only a run out of order is sorted.
 */
function clientOrder(table: VisitTable, group: Int32Array): Groups {
  const grouped = groupIndices(group, table.clients.length);
  const { order, offsets } = grouped;
  const keys = permuteNumbers(table.startKey, new Float64Array(order.length), order);
  const byStart = startOrder(table);
  for (let c = 0; c < table.clients.length; c++) {
    const lo = offsets[c] as number;
    const hi = offsets[c + 1] as number;
    for (let k = lo + 1; k < hi; k++) {
      const a = keys[k - 1] as number;
      const b = keys[k] as number;
      // a < b is false for NaN: then the full comparison decides
      if (!(a < b) && byStart(order[k - 1] as number, order[k] as number) > 0) {
        sortRun(order, lo, hi, byStart);
        break;
      }
    }
  }
  return grouped;
}

/**
 * Each visit's date (dateOf its start, one string per date, shared), whether it is of the month
 * (its date starts with it) and its group: its client's number, or −1 for a visit outside
 * [from, to] or of nobody on file (judged in no month); and the staff of the month.
 */
function datesAndClients(
  table: VisitTable,
  month: Month,
  residents: ReadonlyMap<string, unknown>,
  from: string,
  first: string,
  to: string,
): { dates: string[]; inMonth: Uint8Array; group: Int32Array; staffInMonth: Set<string> } {
  const n = table.length;
  const dates: string[] = new Array(n);
  const ofMonth = new Uint8Array(n);
  const group = new Int32Array(n);
  const onFile = table.clients.map((ref) => residents.has(ref));
  const working = new Uint8Array(table.caregivers.length);
  let date = '';
  let dayOfDate = Number.NaN;
  // of the date: judged (in [from, to]), worked in the month (in [first, to]), of the month (starts with it)
  let judged = false;
  let worked = false;
  let dated = false;
  for (let i = 0; i < n; i++) {
    const day = table.day[i] as number;
    // a valid date is one day number; a date that is not one is taken from its string each time
    if (day !== dayOfDate || day !== day) {
      date = dateOf(table.startOf(i));
      dayOfDate = day;
      judged = date >= from && date <= to;
      worked = date >= first && date <= to;
      dated = date.startsWith(month);
    }
    dates[i] = date;
    ofMonth[i] = dated ? 1 : 0;
    const c = table.client[i] as number;
    group[i] = judged && onFile[c] ? c : -1;
    if (worked) working[table.caregiver[i] as number] = 1;
  }
  const staffInMonth = new Set<string>();
  for (let c = 0; c < working.length; c++) if (working[c]) staffInMonth.add(table.caregivers[c] as string);
  return { dates, inMonth: ofMonth, group, staffInMonth };
}

/** By start (startKey, or the strings where either is not a regular time), then ref. */
function startOrder({ startOf, ref, startKey: keys }: VisitTable): (i: number, j: number) => number {
  const byText = (i: number, j: number): number => {
    const a = startOf(i);
    const b = startOf(j);
    return a < b ? -1 : a > b ? 1 : 0;
  };
  return (i, j) => {
    const ka = keys[i] as number;
    const kb = keys[j] as number;
    if (ka === ka && kb === kb) {
      if (ka !== kb) return ka - kb;
    } else {
      const c = byText(i, j);
      if (c !== 0) return c;
    }
    const a = ref[i] as string;
    const b = ref[j] as string;
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

/** Totals are the sums of the lines; persons counts distinct people (one may have both modes). */
export function totalsOf(lines: readonly ClaimLine[]): ClaimTotals {
  const t: ClaimTotals = {
    persons: new Set(lines.map((l) => l.idNumber)).size,
    billableDays: 0,
    coveredMinutes: 0,
    visits: 0,
    feeFen: 0,
    fundFen: 0,
    personalFen: 0,
  };
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
