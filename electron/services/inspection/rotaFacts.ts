/**
 * A month's 排班 as 检查准备 reads it: its work shifts, and which of them the rota's own checks
 * (shared/rota/checks.ts) find staffed by someone not employed or not certified that day. The readiness
 * board's 排班人员在职持证 and the self-audit's BED_NO_CARE both judge from this.
 */
import { checkRota } from '../../../shared/rota/checks';
import type { RotaCell, RotaIssue } from '../../../shared/rota/types';
import type { LtcDatabase } from '../db/database';
import { monthEnd, monthStart } from '../../../shared/domain/dates';
import { readCells, rotaStaff } from '../rota/rotaMonth';
import { listShiftTypes, readRotaRules } from '../rota/rotaSettings';

export interface MonthRota {
  /** the month's work-shift cells (no rest or leave), in the month */
  work: RotaCell[];
  /** NOT_EMPLOYED and CERT_MISSING issues of those cells */
  unfit: RotaIssue[];
  /** staff id → ref */
  refs: ReadonlyMap<number, string>;
}

export function monthRota(db: LtcDatabase, month: string): MonthRota {
  const from = monthStart(month);
  const to = monthEnd(month);
  const shiftTypes = listShiftTypes(db);
  const types = new Map(shiftTypes.map((t) => [t.id, t]));
  const cells = readCells(db, from, to);
  const work = cells.filter((c) => types.get(c.shiftTypeId)?.kind === 'work');
  if (work.length === 0) return { work, unfit: [], refs: new Map() };
  const staff = rotaStaff(db, from, to);
  // Employment and certificates are judged cell by cell: no census (the ratios) and no days before the
  // month (rest, days in a row) are needed, and those checks' issues are not read here.
  const unfit = checkRota({ shiftTypes, rules: readRotaRules(db).rules, staff, cells, census: [], from, to }).issues.filter(
    (i) => (i.code === 'NOT_EMPLOYED' || i.code === 'CERT_MISSING') && i.staffId !== null,
  );
  return { work, unfit, refs: new Map(staff.map((s) => [s.id, s.ref])) };
}

/** The days a work shift was staffed by someone employed and certified that day. */
export function staffedDays(r: MonthRota): Set<string> {
  const unfit = new Set(r.unfit.map((i) => `${i.staffId}|${i.date}`));
  return new Set(r.work.filter((c) => !unfit.has(`${c.staffId}|${c.date}`)).map((c) => c.date));
}
