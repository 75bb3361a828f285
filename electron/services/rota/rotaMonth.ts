/**
 * A month's rota as the screen, the print and the checks need it: shift types, rules, the staff with
 * their certificates, the cells (from a few days before the month: rest, days in a row and the first
 * week look back), and the day census of residents for 应配.
 */
import type { RotaMonthView } from '../../../shared/api/rota';
import { addDays, datesOfMonth, isValidMonth, monthEnd, monthStart } from '../../../shared/domain/dates';
import type { Certificate, CertificateType, LocalDate, Month, StaffRole } from '../../../shared/domain/model';
import { dayCensus } from '../../../shared/rota/census';
import type { RotaCell, RotaStaff } from '../../../shared/rota/types';
import { serviceToday } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { readEngineResidents } from '../dataset/claimResidents';
import { InputError } from '../errors';
import { loadResidentPolicy } from '../residents/residentPolicy';
import { listShiftTypes, readRotaRules } from './rotaSettings';

export function assertMonth(month: Month): void {
  if (!isValidMonth(month)) throw new InputError(`月份“${month}”格式不对，请写成 YYYY-MM`, [{ path: 'month', message: '应为 YYYY-MM' }]);
}

/** How far before the month the checks look: a week (the first calendar week) or the longest allowed run. */
export const lookbackDays = (maxConsecutiveDays: number): number => Math.max(7, maxConsecutiveDays);

interface StaffRow {
  id: number;
  ref: string;
  name: string;
  role: StaffRole | null;
  employed_from: string | null;
  employed_to: string | null;
}

/** Staff who may be on the rota between from and to: employed then (admin and managers only if they have cells). */
export function rotaStaff(db: LtcDatabase, from: LocalDate, to: LocalDate, lookbackFrom: LocalDate = from): RotaStaff[] {
  const rows = db.raw
    .prepare(
      `SELECT id, ref, name, role, employed_from, employed_to FROM staff
       WHERE ((role IS NULL OR role IN ('nurse', 'caregiver', 'head-nurse', 'other'))
              AND (employed_from IS NULL OR employed_from <= @to) AND (employed_to IS NULL OR employed_to >= @from))
          OR id IN (SELECT staff_id FROM rota_cells WHERE date BETWEEN @lookbackFrom AND @to)
       ORDER BY CASE role WHEN 'head-nurse' THEN 0 WHEN 'nurse' THEN 1 WHEN 'caregiver' THEN 2 ELSE 3 END, ref`,
    )
    .all({ from, to, lookbackFrom }) as StaffRow[];
  const certs = new Map<number, Certificate[]>();
  for (const c of db.raw.prepare('SELECT staff_id, type, number, issued_on, expires_on FROM certificates ORDER BY id').all() as {
    staff_id: number;
    type: CertificateType;
    number: string;
    issued_on: string;
    expires_on: string | null;
  }[]) {
    const list = certs.get(c.staff_id) ?? [];
    list.push({ type: c.type, number: c.number, issuedOn: c.issued_on, ...(c.expires_on ? { expiresOn: c.expires_on } : {}) });
    certs.set(c.staff_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    name: r.name,
    role: r.role,
    employedFrom: r.employed_from,
    employedTo: r.employed_to,
    certificates: certs.get(r.id) ?? [],
  }));
}

export function readCells(db: LtcDatabase, from: LocalDate, to: LocalDate): RotaCell[] {
  return (
    db.raw.prepare('SELECT staff_id, date, shift_type_id FROM rota_cells WHERE date BETWEEN ? AND ? ORDER BY staff_id, date').raw().all(from, to) as [
      number,
      string,
      number,
    ][]
  ).map(([staffId, date, shiftTypeId]) => ({ staffId, date, shiftTypeId }));
}

export function readPublished(db: LtcDatabase, month: Month): RotaMonthView['published'] {
  const r = db.raw.prepare('SELECT published_at, published_by FROM rota_months WHERE month = ?').get(month) as
    { published_at: string; published_by: string } | undefined;
  return r ? { at: r.published_at, by: r.published_by } : null;
}

export function rotaMonth(db: LtcDatabase, month: Month): RotaMonthView {
  assertMonth(month);
  const from = monthStart(month);
  const to = monthEnd(month);
  const { rules } = readRotaRules(db);
  const lookbackFrom = addDays(from, -lookbackDays(rules.maxConsecutiveDays));
  return db.transaction(() => {
    const residents = readEngineResidents(db.raw).list;
    return {
      month,
      from,
      to,
      lookbackFrom,
      today: serviceToday(),
      shiftTypes: listShiftTypes(db),
      rules,
      staff: rotaStaff(db, from, to, lookbackFrom),
      cells: readCells(db, lookbackFrom, to),
      census: dayCensus(residents, loadResidentPolicy(db).pack.assessment, datesOfMonth(month)),
      published: readPublished(db, month),
    };
  });
}
