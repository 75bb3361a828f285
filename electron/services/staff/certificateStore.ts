/**
 * A staff member's certificates: add, change, delete, each audited with before and after. A nurse
 * licence typed without an expiry gets the 5-year registration (docs/rules.md §3), so it can never
 * look valid forever by omission; caregiver certificates usually have no expiry and keep none.
 */
import type { z } from 'zod';
import { nurseLicenceDefaultExpiry, type certificateInput, type StaffDetail } from '../../../shared/api/staff';
import { recordAudit } from '../audit/auditLog';
import type { LtcDatabase } from '../db/database';
import { ServiceError } from '../errors';
import { CERTIFICATE_COLUMNS, type CertificateRow } from './staffFacts';
import { getStaff } from './staffStore';

type ParsedCertificate = z.output<typeof certificateInput>;

function readCertificate(db: LtcDatabase, id: number): CertificateRow {
  const row = db.raw.prepare(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE id = ?`).get(id) as CertificateRow | undefined;
  if (!row) throw new ServiceError('NOT_FOUND', `找不到编号为 ${id} 的证书，可能已被删除，请刷新页面`);
  return row;
}

/** What the trail keeps of a certificate: the model's words, with its holder's name so the row reads alone. */
function auditShape(db: LtcDatabase, c: CertificateRow): Record<string, unknown> {
  const holder = db.raw.prepare('SELECT ref, name FROM staff WHERE id = ?').get(c.staff_id) as { ref: string; name: string } | undefined;
  return {
    staff: holder?.name ?? null,
    staffRef: holder?.ref ?? null,
    type: c.type,
    number: c.number,
    level: c.level,
    issuedOn: c.issued_on,
    expiresOn: c.expires_on,
  };
}

export function saveCertificate(db: LtcDatabase, c: ParsedCertificate, actor: string): StaffDetail {
  const expiresOn = c.expiresOn ?? (c.type === 'nurse-licence' ? nurseLicenceDefaultExpiry(c.issuedOn) : null);
  return db.transaction(() => {
    const owner = db.raw.prepare('SELECT 1 FROM staff WHERE id = ?').get(c.staffId);
    if (!owner) throw new ServiceError('NOT_FOUND', `找不到编号为 ${c.staffId} 的员工，可能已被删除，请刷新列表`);
    const values = [c.type, c.number, c.level || null, c.issuedOn, expiresOn] as const;
    if (c.id === undefined) {
      const id = Number(
        db.raw.prepare('INSERT INTO certificates (staff_id, type, number, level, issued_on, expires_on) VALUES (?, ?, ?, ?, ?, ?)').run(c.staffId, ...values)
          .lastInsertRowid,
      );
      recordAudit(db, { actor, action: 'create', entity: 'certificate', entityId: id, before: null, after: auditShape(db, readCertificate(db, id)) });
    } else {
      const before = readCertificate(db, c.id);
      if (before.staff_id !== c.staffId) throw new ServiceError('CONFLICT', '该证书属于另一名员工，不能在此修改，请刷新页面');
      db.raw.prepare('UPDATE certificates SET type = ?, number = ?, level = ?, issued_on = ?, expires_on = ? WHERE id = ?').run(...values, c.id);
      recordAudit(db, {
        actor,
        action: 'update',
        entity: 'certificate',
        entityId: c.id,
        before: auditShape(db, before),
        after: auditShape(db, readCertificate(db, c.id)),
      });
    }
    return getStaff(db, c.staffId);
  });
}

export function deleteCertificate(db: LtcDatabase, id: number, actor: string): StaffDetail {
  return db.transaction(() => {
    const before = readCertificate(db, id);
    db.raw.prepare('DELETE FROM certificates WHERE id = ?').run(id);
    recordAudit(db, { actor, action: 'delete', entity: 'certificate', entityId: id, before: auditShape(db, before), after: null });
    return getStaff(db, before.staff_id);
  });
}
