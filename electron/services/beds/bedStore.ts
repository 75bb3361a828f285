/**
 * 床位 records: code, room, floor, note. A bed's code is what admit events record, so a code a stay
 * already names is kept as it is (renaming it would silently move people) and such a bed cannot be
 * deleted. Every write is one transaction with its audit row.
 */
import type { z } from 'zod';
import type { BedRow, bedInput, bedListQuery } from '../../../shared/api/beds';
import type { Page } from '../../../shared/api/define';
import { recordAudit } from '../audit/auditLog';
import type { LtcDatabase } from '../db/database';
import { ServiceError } from '../errors';

type ListQuery = z.output<typeof bedListQuery>;
type Input = z.output<typeof bedInput>;

/** The SELECT below names its columns as the API's row: one type, declared once in shared/api/beds.ts. */
type Row = BedRow;

const STAYS = "(SELECT count(*) FROM stay_events e WHERE e.bed = b.code AND e.type = 'admit')";
const COLUMNS = `b.id, b.code, b.room, b.floor, b.note, ${STAYS} AS stays`;

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function listBeds(db: LtcDatabase, q: ListQuery): Page<BedRow> {
  const where: string[] = ['1'];
  const params: Record<string, unknown> = {};
  if (q.search?.trim()) {
    params.search = `%${escapeLike(q.search.trim())}%`;
    where.push("(b.code LIKE @search ESCAPE '\\' OR b.room LIKE @search ESCAPE '\\' OR b.note LIKE @search ESCAPE '\\')");
  }
  if (q.floor) {
    params.floor = q.floor;
    where.push('b.floor = @floor');
  }
  const dir = q.sortOrder === 'descend' ? 'DESC' : 'ASC';
  const order = q.sortField ? `b.${q.sortField} IS NULL, b.${q.sortField} ${dir}, b.code` : 'b.code';
  const total = db.raw
    .prepare(`SELECT count(*) FROM beds b WHERE ${where.join(' AND ')}`)
    .pluck()
    .get(params) as number;
  const rows = db.raw
    .prepare(`SELECT ${COLUMNS} FROM beds b WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }) as Row[];
  return { rows, total };
}

function readBed(db: LtcDatabase, id: number): Row | undefined {
  return db.raw.prepare(`SELECT ${COLUMNS} FROM beds b WHERE b.id = ?`).get(id) as Row | undefined;
}

const auditShape = (b: Omit<Row, 'id' | 'stays'>) => ({ code: b.code, room: b.room, floor: b.floor, note: b.note });

export function saveBed(db: LtcDatabase, input: Input, actor: string): BedRow {
  return db.transaction(() => {
    const before = input.id === undefined ? undefined : readBed(db, input.id);
    if (input.id !== undefined && !before) throw new ServiceError('NOT_FOUND', '这个床位已不存在（可能已被删除），请刷新列表');
    const clash = db.raw
      .prepare('SELECT id FROM beds WHERE code = ? AND id IS NOT ?')
      .pluck()
      .get(input.code, input.id ?? null);
    if (clash !== undefined) {
      throw new ServiceError('CONFLICT', `床位号 ${input.code} 已存在，请换一个床位号`, [{ path: 'code', message: `床位号 ${input.code} 已存在` }]);
    }
    if (before && before.code !== input.code && before.stays > 0) {
      throw new ServiceError(
        'CONFLICT',
        `床位 ${before.code} 已有 ${before.stays} 条入住记录使用，不能改号（改号会让入住记录对不上床位）。如床位号确有变化，请新增床位，再为在住者在同一天登记出院和入住（转床）。`,
        [{ path: 'code', message: '已有入住记录使用该床位号，不能改号' }],
      );
    }
    const fields = { code: input.code, room: input.room || null, floor: input.floor || null, note: input.note || null };
    let id: number;
    if (before) {
      id = before.id;
      db.raw.prepare('UPDATE beds SET code = @code, room = @room, floor = @floor, note = @note WHERE id = @id').run({ ...fields, id });
    } else {
      id = Number(db.raw.prepare('INSERT INTO beds (code, room, floor, note) VALUES (@code, @room, @floor, @note)').run(fields).lastInsertRowid);
    }
    recordAudit(db, { actor, action: before ? 'update' : 'create', entity: 'bed', entityId: id, before: before ? auditShape(before) : null, after: fields });
    return readBed(db, id)!;
  });
}

export function deleteBed(db: LtcDatabase, id: number, actor: string): { id: number } {
  return db.transaction(() => {
    const before = readBed(db, id);
    if (!before) throw new ServiceError('NOT_FOUND', '这个床位已不存在（可能已被删除），请刷新列表');
    if (before.stays > 0) {
      throw new ServiceError('CONFLICT', `床位 ${before.code} 有 ${before.stays} 条入住记录使用，不能删除（入住记录要能对上床位）。`);
    }
    db.raw.prepare('DELETE FROM beds WHERE id = ?').run(id);
    recordAudit(db, { actor, action: 'delete', entity: 'bed', entityId: id, before: auditShape(before), after: null });
    return { id };
  });
}
