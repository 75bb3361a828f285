/**
 * The claim and the month's records, indexed the way the documents read them: who a ref is, which
 * visits a client had in the month, what the claim said about each visit. Built once per package
 * and shared by every document, so all of them agree.
 */
import { ISSUE_CODES, ISSUE_SEVERITY, ISSUE_TITLES, type IssueCode, type Severity } from '../../../shared/claims/issueCodes';
import type { Claim, ClaimIssue, ClaimLine, HomeEvidence, InstitutionalEvidence } from '../../../shared/claims/types';
import { monthEnd } from '../../../shared/domain/dates';
import type { Dataset, Institution, Resident, Staff, Visit } from '../../../shared/domain/model';
import type { PolicyPack } from '../../../shared/policy/pack';
import { findCatalogue, findPolicyPack } from '../../../shared/policy/registry';

export type PackageRecords = Pick<Dataset, 'institution' | 'residents' | 'staff' | 'visits'>;

/** How the claim treated one visit of the month. */
export type VisitOutcome = 'counted' | 'overQuota' | 'excluded' | 'unclaimed';

export interface PackageData {
  claim: Claim;
  institution: Claim['institution'];
  /** the institution's settings as frozen with the records: address, phone, bank, the price list */
  settings: Institution;
  /** 序号 of each line: its position in the claim, 1-based, the same in the workbook and PDFs */
  lines: { no: number; line: ClaimLine }[];
  residents: Map<string, Resident>;
  staff: Map<string, Staff>;
  /** every visit of the records by ref (issues name visits by ref; the documents name them by time) */
  visitsByRef: Map<string, Visit>;
  /** visits starting in the claim month, per resident ref, in time order */
  monthVisits: Map<string, Visit[]>;
  outcomes: Map<string, VisitOutcome>;
  visitIssues: Map<string, ClaimIssue[]>;
  itemName: (code: string) => string;
  /** the pack's title when the shipped pack is the version the claim was computed with */
  policyTitle: string | null;
  /** the shipped pack when it is the version the claim was computed with (its rates are the claim's) */
  pack: PolicyPack | null;
}

export interface DataOptions {
  /** item code → name; by default the catalogue of the claim's pack as shipped */
  itemNames?: ReadonlyMap<string, string>;
  /** the institution as printed; by default the claim's */
  institution?: Claim['institution'];
}

export function institutionalEvidence(line: ClaimLine): InstitutionalEvidence {
  const e = line.evidence as Partial<InstitutionalEvidence>;
  return { billable: e.billable ?? [], present: e.present ?? [], hospital: e.hospital ?? [], leave: e.leave ?? [] };
}

export function homeEvidence(line: ClaimLine): HomeEvidence {
  const e = line.evidence as Partial<HomeEvidence>;
  return { counted: e.counted ?? [], overQuota: e.overQuota ?? [], excluded: e.excluded ?? [], validMinutes: e.validMinutes ?? 0 };
}

const byStart = (a: Visit, b: Visit) => (a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

export function packageData(claim: Claim, records: PackageRecords, opts: DataOptions = {}): PackageData {
  const outcomes = new Map<string, VisitOutcome>();
  for (const line of claim.lines) {
    if (line.mode !== 'home') continue;
    const e = homeEvidence(line);
    for (const ref of e.counted) outcomes.set(ref, 'counted');
    for (const ref of e.overQuota) outcomes.set(ref, 'overQuota');
    for (const ref of e.excluded) outcomes.set(ref, 'excluded');
  }
  const visitIssues = new Map<string, ClaimIssue[]>();
  for (const issue of claim.issues) {
    if (issue.visit) visitIssues.set(issue.visit, [...(visitIssues.get(issue.visit) ?? []), issue]);
  }
  const first = `${claim.month}-01`;
  const afterLast = `${monthEnd(claim.month)}T99`;
  const monthVisits = new Map<string, Visit[]>();
  // Visits belong to the month of their start (docs/rules.md §5.2); the records reach a week either side.
  for (const v of records.visits) {
    if (v.start < first || v.start > afterLast) continue;
    monthVisits.set(v.resident, [...(monthVisits.get(v.resident) ?? []), v]);
  }
  for (const list of monthVisits.values()) list.sort(byStart);

  const pack = findPolicyPack(claim.policy.id);
  const samePack = pack && pack.version === claim.policy.version ? pack : undefined;
  const names = opts.itemNames ?? new Map((samePack ? (findCatalogue(samePack.catalogue)?.items ?? []) : []).map((i) => [i.code, i.name]));
  return {
    claim,
    institution: opts.institution ?? claim.institution,
    settings: records.institution,
    lines: claim.lines.map((line, i) => ({ no: i + 1, line })),
    residents: new Map(records.residents.map((r) => [r.ref, r])),
    staff: new Map(records.staff.map((s) => [s.ref, s])),
    visitsByRef: new Map(records.visits.map((v) => [v.ref, v])),
    monthVisits,
    outcomes,
    visitIssues,
    itemName: (code) => names.get(code) ?? code,
    policyTitle: samePack?.title ?? null,
    pack: samePack ?? null,
  };
}

/** Issues counted by code, in the stable order of ISSUE_CODES, with the persons each concerns. */
export function issueSummary(issues: readonly ClaimIssue[]): { code: IssueCode; title: string; severity: Severity; count: number; persons: number }[] {
  const rows = new Map<IssueCode, { count: number; persons: Set<string> }>();
  for (const i of issues) {
    const row = rows.get(i.code) ?? { count: 0, persons: new Set<string>() };
    row.count++;
    const who = i.idNumber ?? i.resident ?? (i.staff ? `staff:${i.staff}` : undefined);
    if (who) row.persons.add(who);
    rows.set(i.code, row);
  }
  const order: Severity[] = ['error', 'warning', 'info'];
  return ISSUE_CODES.filter((c) => rows.has(c))
    .map((code) => {
      const r = rows.get(code) ?? { count: 0, persons: new Set<string>() };
      return { code, title: ISSUE_TITLES[code], severity: ISSUE_SEVERITY[code] as Severity, count: r.count, persons: r.persons.size };
    })
    .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
}

/** The bed a resident held in the month: the last admission on or before its end that names one. */
export function bedOf(resident: Resident | undefined, month: string): string | null {
  const last = monthEnd(month);
  let found: { date: string; bed: string } | null = null;
  for (const e of resident?.events ?? []) {
    if (e.type === 'admit' && e.bed && e.date <= last && (!found || e.date >= found.date)) found = { date: e.date, bed: e.bed };
  }
  return found?.bed ?? null;
}
