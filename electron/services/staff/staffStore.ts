/**
 * One staff member: read, create or change, delete. Each write is one transaction with its audit row
 * (before and after), so a refused change leaves neither the record nor the trail touched.
 */
import type { z } from 'zod';
import type { StaffDetail, staffInput } from '../../../shared/api/staff';
import { weighIdNumber } from '../../../shared/fields/idNumber';
import { addDays } from '../../../shared/domain/dates';
import { idNumberProblem } from '../../../shared/domain/ids';
import type { LocalDate, StaffRole } from '../../../shared/domain/model';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { allocateRef } from '../db/recordRefs';
import { InputError, ServiceError } from '../errors';
import { CERTIFICATE_COLUMNS, certificateView, reminderLeadDays, serviceToday, type CertificateRow } from './staffFacts';
import { NO_EXPIRY, standing, type StaffDbRow } from './staffQuery';

type StaffRow = StaffDbRow;

/** What the audit trail keeps of a person (the certificates have their own entries). */
export interface StaffRecord {
  ref: string;
  name: string;
  idNumber: string;
  role: StaffRole | null;
  employedFrom: string | null;
  employedTo: string | null;
}

function readRow(db: LtcDatabase, id: number): StaffRow {
  const row = db.raw.prepare('SELECT id, ref, name, id_number, role, employed_from, employed_to FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
  if (!row) throw new ServiceError('NOT_FOUND', `找不到编号为 ${id} 的员工，可能已被删除，请刷新列表`);
  return row;
}

export const recordOf = (r: StaffRow): StaffRecord => ({
  ref: r.ref,
  name: r.name,
  idNumber: r.id_number,
  role: r.role,
  employedFrom: r.employed_from,
  employedTo: r.employed_to,
});

export function getStaff(db: LtcDatabase, id: number, date: LocalDate = serviceToday()): StaffDetail {
  const r = readRow(db, id);
  const leads = reminderLeadDays(db);
  const certs = (
    db.raw.prepare(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE staff_id = ? ORDER BY type, issued_on, id`).all(id) as CertificateRow[]
  ).map((c) => certificateView(c, date, leads));
  // The same standing as the list's SQL: per type the latest-ending certificate issued by the date.
  const best = new Map<string, string>();
  for (const c of certs) {
    const end = c.expiresOn ?? NO_EXPIRY;
    if (c.issuedOn <= date && (best.get(c.type) ?? '') < end) best.set(c.type, end);
  }
  const worst = [...best.values()].sort()[0] ?? null;
  const certStatus = standing(worst, { date, horizon: addDays(date, Math.max(0, ...leads)) }).status;
  return {
    id: r.id,
    ref: r.ref,
    name: r.name,
    idNumber: r.id_number,
    idWarning: idNumberProblem(r.id_number, serviceToday()),
    role: r.role,
    employedFrom: r.employed_from,
    employedTo: r.employed_to,
    certStatus,
    certificates: certs,
    visitCount: db.raw.prepare('SELECT count(*) FROM visits WHERE staff_id = ?').pluck().get(id) as number,
  };
}

type ParsedStaff = z.output<typeof staffInput>;

export function saveStaff(db: LtcDatabase, input: ParsedStaff, actor: string): StaffDetail {
  const { error } = weighIdNumber(input.idNumber, serviceToday());
  if (error) throw new InputError(error, [{ path: 'idNumber', message: error }]);
  return db.transaction(() => {
    // The same ID number is the same person (as import matches them): one record per person.
    const twin = db.raw.prepare('SELECT id, ref, name FROM staff WHERE id_number = ? AND id <> ? LIMIT 1').get(input.idNumber, input.id ?? 0) as
      { id: number; ref: string; name: string } | undefined;
    if (twin) {
      const message = `身份证号与已登记的员工“${twin.name}”（${twin.ref}）相同：同一人只登记一次，请打开该员工修改，或核对号码`;
      throw new ServiceError('CONFLICT', message, [{ path: 'idNumber', message }]);
    }
    const now = localTimestamp();
    const values = [input.name, input.idNumber, input.role ?? null, input.employedFrom ?? null, input.employedTo ?? null];
    if (input.id === undefined) {
      const ref = allocateRef(db.raw, 'staff');
      const id = Number(
        db.raw
          .prepare('INSERT INTO staff (ref, name, id_number, role, employed_from, employed_to, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(ref, ...values, now, now).lastInsertRowid,
      );
      recordAudit(db, { actor, action: 'create', entity: 'staff', entityId: id, before: null, after: recordOf(readRow(db, id)) });
      return getStaff(db, id);
    }
    const before = recordOf(readRow(db, input.id));
    db.raw
      .prepare('UPDATE staff SET name = ?, id_number = ?, role = ?, employed_from = ?, employed_to = ?, updated_at = ? WHERE id = ?')
      .run(...values, now, input.id);
    recordAudit(db, { actor, action: 'update', entity: 'staff', entityId: input.id, before, after: recordOf(readRow(db, input.id)) });
    return getStaff(db, input.id);
  });
}

export function deleteStaff(db: LtcDatabase, id: number, actor: string): { id: number } {
  return db.transaction(() => {
    const row = readRow(db, id);
    const visits = db.raw.prepare('SELECT count(*) FROM visits WHERE staff_id = ?').pluck().get(id) as number;
    if (visits > 0) {
      // Visits are the claim's evidence and name their caregiver; the person stays, marked as left.
      throw new ServiceError('CONFLICT', `${row.name}有 ${visits} 条上门服务记录，不能删除（服务记录须保留护理人员）。如已离职，请填写离职日期。`);
    }
    const certificates = (db.raw.prepare(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE staff_id = ? ORDER BY id`).all(id) as CertificateRow[]).map(
      (c) => ({
        type: c.type,
        number: c.number,
        level: c.level,
        issuedOn: c.issued_on,
        expiresOn: c.expires_on,
      }),
    );
    db.raw.prepare('DELETE FROM staff WHERE id = ?').run(id);
    recordAudit(db, { actor, action: 'delete', entity: 'staff', entityId: id, before: { ...recordOf(row), certificates }, after: null });
    return { id };
  });
}
