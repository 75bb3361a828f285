/**
 * 自查 over a period from the database: the records the rules need, the run (shared/inspection), and
 * each hit with its 已核实（正常） mark if it has one. Runs in the inspection worker from the built app.
 */
import type { HitView, RuleView, SelfAuditView } from '../../../shared/api/inspection';
import type { InstitutionalEvidence } from '../../../shared/claims/types';
import { addDays, addMonthsToMonth, datesOfMonth, monthEnd, monthStart } from '../../../shared/domain/dates';
import type { LocalDate } from '../../../shared/domain/model';
import { runSelfAudit } from '../../../shared/inspection/selfAudit';
import { RULE_DESCRIPTIONS, RULE_TITLES, type SelfAuditInput, type SelfAuditResult } from '../../../shared/inspection/selfAuditTypes';
import type { InspectionSettings } from '../../../shared/inspection/settings';
import type { LtcDatabase } from '../db/database';
import { readMarks, readSetHomes, type HitMark } from './inspectionStore';
import { monthRota, staffedDays } from './rotaFacts';
import {
  monthClaims,
  monthModes,
  monthsOf,
  readAuditVisits,
  readMoves,
  readPeople,
  readQuotas,
  requirePack,
  type MonthClaims,
  type People,
} from './periodRecords';

export interface Period {
  from: string;
  to: string;
}

/** The first day whose visits the rules read: the home points' lookback, and whole months for the caps. */
export function auditReadFrom(period: Period, settings: InspectionSettings): string {
  const p = settings.params;
  const lookback = addDays(period.from, -p.homeLookbackDays);
  const caps = monthStart(addMonthsToMonth(period.from.slice(0, 7), -(p.capExactMonths - 1)));
  return lookback < caps ? lookback : caps;
}

export function selfAuditInput(
  db: LtcDatabase,
  period: Period,
  settings: InspectionSettings,
  claims: readonly MonthClaims[],
  people: People = readPeople(db),
): SelfAuditInput {
  const pack = requirePack(db);
  const readFrom = auditReadFrom(period, settings);
  return {
    from: period.from,
    to: period.to,
    visits: readAuditVisits(db, readFrom, monthEnd(period.to.slice(0, 7))),
    setHomes: readSetHomes(db),
    moves: readMoves(db, people.staff, period.from, period.to),
    quotas: readQuotas(people.residents, pack, monthsOf(readFrom, period.to)),
    modes: claims.flatMap(monthModes),
    care: careFacts(db, period, claims),
    params: settings.params,
    names: { residents: people.residentNames, staff: people.staffNames },
  };
}

/** BED_NO_CARE's facts: the bed-days claimed, and the days the period's rota covers and staffs (rotaFacts.ts). */
function careFacts(db: LtcDatabase, period: Period, claims: readonly MonthClaims[]): SelfAuditInput['care'] {
  const rotaDays = new Set<string>();
  const staffed = new Set<string>();
  for (const month of monthsOf(period.from, period.to)) {
    const r = monthRota(db, month);
    if (r.work.length === 0) continue;
    for (const d of datesOfMonth(month)) rotaDays.add(d);
    for (const d of staffedDays(r)) staffed.add(d);
  }
  if (rotaDays.size === 0) return null;
  const bedDays = new Map<string, LocalDate[]>();
  for (const c of claims) {
    // what was claimed: the submitted claim and its 补报 once sent, the draft before
    const lines = c.sent ? [c.sent, ...c.supplements].flatMap((x) => x.lines) : c.now.lines;
    for (const l of lines) {
      if (l.mode !== 'institutional') continue;
      bedDays.set(l.resident, [...(bedDays.get(l.resident) ?? []), ...(l.evidence as InstitutionalEvidence).billable]);
    }
  }
  return { bedDays, rotaDays, staffedDays: staffed };
}

/** The run on the records as they stand (in one read transaction). */
export function selfAuditOf(db: LtcDatabase, period: Period, settings: InspectionSettings, claims?: readonly MonthClaims[]): SelfAuditResult {
  return db.transaction(() => {
    const pack = requirePack(db);
    const months = claims ?? monthsOf(period.from, period.to).map((m) => monthClaims(db, m));
    return runSelfAudit(selfAuditInput(db, period, settings, months), { minVisitMinutes: pack.minVisitMinutes });
  });
}

/** ref → id of residents and staff, for links to the records. */
export function recordLinks(db: LtcDatabase): { residents: Record<string, number>; staff: Record<string, number> } {
  const map = (sql: string) => Object.fromEntries((db.raw.prepare(sql).all() as { ref: string; id: number }[]).map((r) => [r.ref, r.id]));
  return { residents: map('SELECT ref, id FROM residents'), staff: map('SELECT ref, id FROM staff') };
}

export function withMarks(result: SelfAuditResult, marks: ReadonlyMap<string, HitMark>): RuleView[] {
  return result.rules.map((r) => {
    const hits = r.hits.map((h): HitView => {
      const m = marks.get(h.key);
      return { ...h, mark: m ? { note: m.note, by: m.by, at: m.at } : null };
    });
    return {
      rule: r.rule,
      title: RULE_TITLES[r.rule],
      description: RULE_DESCRIPTIONS[r.rule],
      available: r.available,
      ...(r.why ? { why: r.why } : {}),
      notes: r.notes,
      hits,
      newHits: hits.filter((h) => !h.mark).length,
    };
  });
}

export function selfAuditView(db: LtcDatabase, result: SelfAuditResult): SelfAuditView {
  const rules = withMarks(result, readMarks(db));
  const hits = rules.reduce((n, r) => n + r.hits.length, 0);
  const newHits = rules.reduce((n, r) => n + r.newHits, 0);
  return { from: result.from, to: result.to, rules, totals: { hits, newHits, verified: hits - newHits }, links: recordLinks(db) };
}
