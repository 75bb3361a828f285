/**
 * Saving and deleting a resident's personal data. An ID number that cannot be anybody's (not 18
 * characters of digits and a final X) is refused; one whose birth date or check character fails is
 * saved with a warning, because the claim reports BAD_ID_NUMBER and nothing is ever lost (docs/rules.md §8.1).
 * The same number twice is refused: it is the same person registered twice (the import treats it so).
 */
import type { z } from 'zod';
import type { ResidentDetail, residentInput } from '../../../shared/api/residents';
import { weighIdNumber } from '../../../shared/fields/idNumber';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { allocateRef } from '../db/recordRefs';
import { InputError, ServiceError } from '../errors';
import { getResident } from './residentDetail';
import { personalAudit, readResident, requireResident } from './residentRecord';
import { localToday } from './today';

type Input = z.output<typeof residentInput>;

export function saveResident(db: LtcDatabase, input: Input, actor: string, today = localToday()): ResidentDetail {
  const { error } = weighIdNumber(input.idNumber, today);
  if (error) throw new InputError(`身份证号有误，未保存：${error}`, [{ path: 'idNumber', message: error }]);
  const id = db.transaction(() => {
    const before = input.id === undefined ? null : requireResident(db, input.id);
    const twin = db.raw.prepare('SELECT name, ref FROM residents WHERE id_number = ? AND id IS NOT ?').get(input.idNumber, input.id ?? null) as
      { name: string; ref: string } | undefined;
    if (twin) {
      throw new ServiceError(
        'CONFLICT',
        `身份证号与已登记的服务对象 ${twin.name}（编号 ${twin.ref}）相同，同一人不要重复登记；如号码录错，请核对身份证件后更正。`,
        [{ path: 'idNumber', message: `与 ${twin.name}（${twin.ref}）的身份证号相同` }],
      );
    }
    const now = localTimestamp();
    const fields = {
      name: input.name,
      id_number: input.idNumber,
      insurance_type: input.insuranceType ?? null,
      phone: input.phone || null,
      address: input.address || null,
    };
    let id: number;
    let ref: string;
    if (before) {
      ({ id, ref } = before);
      db.raw
        .prepare(
          'UPDATE residents SET name = @name, id_number = @id_number, insurance_type = @insurance_type, phone = @phone, address = @address, updated_at = @now WHERE id = @id',
        )
        .run({ ...fields, now, id });
    } else {
      ref = allocateRef(db.raw, 'resident');
      id = Number(
        db.raw
          .prepare(
            'INSERT INTO residents (ref, name, id_number, insurance_type, phone, address, created_at, updated_at) VALUES (@ref, @name, @id_number, @insurance_type, @phone, @address, @now, @now)',
          )
          .run({ ...fields, ref, now }).lastInsertRowid,
      );
    }
    const after = personalAudit({
      ref,
      name: fields.name,
      idNumber: fields.id_number,
      insuranceType: fields.insurance_type,
      phone: fields.phone,
      address: fields.address,
    });
    recordAudit(db, { actor, action: before ? 'update' : 'create', entity: 'resident', entityId: id, before: before ? personalAudit(before) : null, after });
    return id;
  });
  return getResident(db, id, today);
}

export function deleteResident(db: LtcDatabase, id: number, actor: string): { id: number } {
  return db.transaction(() => {
    const r = readResident(db, id);
    if (!r) throw new ServiceError('NOT_FOUND', '这位服务对象已不存在（可能已被删除），请回到列表刷新');
    const { deleteBlocker } = getResident(db, id);
    if (deleteBlocker) throw new ServiceError('CONFLICT', `不能删除：${deleteBlocker}`);
    // Assessments and events go with the person (ON DELETE CASCADE); the audit row keeps them all.
    db.raw.prepare('DELETE FROM residents WHERE id = ?').run(id);
    const before = {
      ...personalAudit(r),
      assessments: r.assessments.map(({ id: _id, ...a }) => a),
      events: r.events.map(({ id: _id, seq: _seq, ...e }) => e),
    };
    recordAudit(db, { actor, action: 'delete', entity: 'resident', entityId: id, before, after: null });
    return { id };
  });
}
