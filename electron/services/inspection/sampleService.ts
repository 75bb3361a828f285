/**
 * 抽查 from the database: the persons claimed in the period are the pool, every day of the period the
 * days; the draw is shared/inspection/sampling.ts, and the rows show, for each person and day, the
 * records, the claim and the visits with their evidence.
 */
import type { SampleView } from '../../../shared/api/inspection';
import type { Claim } from '../../../shared/claims/types';
import { addDays } from '../../../shared/domain/dates';
import type { Visit } from '../../../shared/domain/model';
import { homePoints } from '../../../shared/inspection/checkInRules';
import { drawSample, sampleRows } from '../../../shared/inspection/sampling';
import type { InspectionSettings } from '../../../shared/inspection/settings';
import { readResidents, readStaff, readVisits } from '../dataset/readRecords';
import type { LtcDatabase } from '../db/database';
import { readSetHomes } from './inspectionStore';
import { monthClaims, monthsOf, readAuditVisits, type MonthClaims } from './periodRecords';
import { recordLinks, type Period } from './selfAuditService';

export interface SampleRequest extends Period {
  residents: number;
  days: number;
  seed: number;
}

/** What stands as claimed for a month: the sent claim and its 补报, else the draft. */
export const standingClaims = (c: MonthClaims): Claim[] => (c.sent ? [c.sent, ...c.supplements] : [c.now]);

export function periodDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function sampleOf(db: LtcDatabase, req: SampleRequest, settings: InspectionSettings, months?: readonly MonthClaims[]): SampleView & { visits: Visit[] } {
  return db.transaction(() => {
    const claims = new Map((months ?? monthsOf(req.from, req.to).map((m) => monthClaims(db, m))).map((c) => [c.month, standingClaims(c)]));
    const pool = new Set<string>();
    for (const list of claims.values()) for (const c of list) for (const l of c.lines) pool.add(l.resident);
    const drawn = drawSample(req.seed, [...pool], periodDays(req.from, req.to), req.residents, req.days);
    const residents = readResidents(db.raw);
    const staff = readStaff(db.raw);
    const chosen = new Set(drawn.residents);
    const visits = drawn.days.flatMap((d) =>
      readVisits(db.raw, residents.refs, staff.refs, { from: d, to: addDays(d, 1) }).filter((v) => chosen.has(v.resident)),
    );
    const homes = homePoints({
      visits: readAuditVisits(db, addDays(req.from, -settings.params.homeLookbackDays), req.to).filter((v) => chosen.has(v.resident)),
      setHomes: readSetHomes(db),
      params: settings.params,
    });
    const rows = sampleRows(drawn, {
      residents: new Map(residents.list.map((r) => [r.ref, r])),
      staffNames: new Map(staff.list.map((s) => [s.ref, s.name])),
      claims,
      visits,
      homes,
    });
    return { from: req.from, to: req.to, seed: req.seed, residents: drawn.residents, days: drawn.days, rows, pool: pool.size, links: recordLinks(db), visits };
  });
}
