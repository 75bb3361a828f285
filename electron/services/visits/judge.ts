/**
 * The claim's verdict on some visits without computing the month: the institution's pack and
 * catalogue, the facts of just the people involved, and each caregiver's other visits near in time
 * (for overlaps). `judgeVisit` and `overlappingVisits` then decide exactly as computeClaim does, so a
 * list, the form and the import say what the claim will say.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { VisitVerdictView } from '../../../shared/api/visits';
import { residentFacts, type ResidentFacts } from '../../../shared/claims/residentFacts';
import { judgeVisit, overlappingVisits, type VisitRules } from '../../../shared/claims/visitChecks';
import { addDays, dateOf } from '../../../shared/domain/dates';
import type { Staff, Visit } from '../../../shared/domain/model';
import { catalogueIndex, type Catalogue, type CatalogueItem } from '../../../shared/policy/catalogue';
import type { PolicyPack } from '../../../shared/policy/pack';
import { findCatalogue, findPolicyPack } from '../../../shared/policy/registry';
import { readInstitution } from '../dataset/institutionRows';
import { residentsById, staffById } from './people';

export interface Policy {
  pack: PolicyPack;
  catalogue: Catalogue;
  items: Map<string, CatalogueItem>;
}

/** The institution's pack and catalogue; null until the institution is set up. */
export function loadPolicy(sql: BetterSqlite3.Database): Policy | null {
  const institution = readInstitution(sql);
  const pack = institution ? findPolicyPack(institution.policy) : undefined;
  const catalogue = pack ? findCatalogue(pack.catalogue) : undefined;
  return pack && catalogue ? { pack, catalogue, items: catalogueIndex(catalogue) } : null;
}

/** A visit to judge: a stored one, or one being typed (`id` of the stored version it replaces, if any). */
export interface JudgeTarget {
  id: number | null;
  ref: string;
  residentId: number;
  staffId: number;
  start: string;
  end: string;
  items: string[];
  confirmed: boolean;
}

const NEIGHBOURS_SQL = 'SELECT id, ref, start_at AS start, end_at AS end FROM visits WHERE staff_id = ? AND start_at >= ? AND start_at < ?';

/**
 * Overlaps of the targets with each other and with the stored visits of the same caregivers. A
 * caregiver's window runs from the day before the earliest target (a visit crossing midnight, as the
 * claim's month load allows for) to the latest target's end. Stored versions of targets are replaced
 * by the targets themselves, so an edit is judged as it will be saved.
 */
function overlapsOf(sql: BetterSqlite3.Database, targets: readonly JudgeTarget[]): Map<string, string[]> {
  const byStaff = new Map<number, JudgeTarget[]>();
  for (const t of targets) byStaff.set(t.staffId, [...(byStaff.get(t.staffId) ?? []), t]);
  const replaced = new Set(targets.flatMap((t) => (t.id === null ? [] : [t.id])));
  const neighbours = sql.prepare(NEIGHBOURS_SQL);
  const out = new Map<string, string[]>();
  for (const [staffId, list] of byStaff) {
    let lo = list[0]!.start;
    let hi = list[0]!.end;
    for (const t of list) {
      if (t.start < lo) lo = t.start;
      if (t.end > hi) hi = t.end;
      if (t.start > hi) hi = t.start;
    }
    const stored = (neighbours.all(staffId, addDays(dateOf(lo), -1), hi) as { id: number; ref: string; start: string; end: string }[]).filter(
      (n) => !replaced.has(n.id),
    );
    const key = String(staffId);
    const all: Pick<Visit, 'ref' | 'staff' | 'start' | 'end'>[] = [
      ...stored.map((n) => ({ ...n, staff: key })),
      ...list.map((t) => ({ ref: t.ref, staff: key, start: t.start, end: t.end })),
    ];
    for (const [ref, others] of overlappingVisits(all as Visit[])) out.set(ref, others);
  }
  return out;
}

/** The verdicts of the targets, in their order. */
export function judgeTargets(sql: BetterSqlite3.Database, policy: Policy, targets: readonly JudgeTarget[]): VisitVerdictView[] {
  if (targets.length === 0) return [];
  const residents = residentsById(
    sql,
    targets.map((t) => t.residentId),
  );
  const staff = staffById(
    sql,
    targets.map((t) => t.staffId),
  );
  const facts = new Map<string, ResidentFacts>();
  for (const r of residents.values()) facts.set(r.ref, residentFacts(r, policy.pack));
  const staffByRef = new Map<string, Staff>();
  for (const s of staff.values()) staffByRef.set(s.ref, s);
  const rules: VisitRules = { pack: policy.pack, items: policy.items, residents: facts, staff: staffByRef };
  const overlaps = overlapsOf(sql, targets);
  return targets.map((t) => {
    const visit: Visit = {
      ref: t.ref,
      resident: residents.get(t.residentId)?.ref ?? '',
      staff: staff.get(t.staffId)?.ref ?? '',
      start: t.start,
      end: t.end,
      items: t.items,
      confirmed: t.confirmed,
    };
    const verdict = judgeVisit(visit, rules, overlaps);
    return { valid: verdict.valid, issues: verdict.issues.map((i) => ({ code: i.code, severity: i.severity, message: i.message })) };
  });
}
