/**
 * Writes to the rota: cells (set or cleared) and 发布. Before a month is published the grid is a draft
 * the head nurse edits freely; once published (the notice board has it), every change needs a reason
 * (调班原因) and is audited, naming each cell's shift before and after.
 */
import type { z } from 'zod';
import type { RotaPublished, SetCellsResult, setCellsInput } from '../../../shared/api/rota';
import { monthOf } from '../../../shared/domain/dates';
import type { Month } from '../../../shared/domain/model';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { InputError, ServiceError } from '../errors';
import { assertMonth, readPublished } from './rotaMonth';

type CellEdit = z.output<typeof setCellsInput>['cells'][number];

export function setCells(db: LtcDatabase, input: { month: Month; cells: readonly CellEdit[]; reason?: string | undefined }, actor: string): SetCellsResult {
  assertMonth(input.month);
  const outside = input.cells.find((c) => monthOf(c.date) !== input.month);
  if (outside) throw new InputError(`${outside.date} 不在 ${input.month}，一次只能修改本月的排班`, [{ path: 'cells', message: '日期不在本月' }]);
  return db.transaction(() => {
    const published = readPublished(db, input.month);
    const reason = input.reason?.trim() ?? '';
    if (published && !reason) throw new InputError('本月排班已发布，修改须填写调班原因', [{ path: 'reason', message: '请填写调班原因' }]);
    const staff = new Map((db.raw.prepare('SELECT id, ref, name FROM staff').all() as { id: number; ref: string; name: string }[]).map((s) => [s.id, s]));
    const shifts = new Map((db.raw.prepare('SELECT id, name FROM shift_types').all() as { id: number; name: string }[]).map((t) => [t.id, t.name]));
    const current = db.raw.prepare('SELECT shift_type_id FROM rota_cells WHERE staff_id = ? AND date = ?').pluck();
    const put = db.raw.prepare(
      'INSERT INTO rota_cells (staff_id, date, shift_type_id) VALUES (?, ?, ?) ON CONFLICT (staff_id, date) DO UPDATE SET shift_type_id = excluded.shift_type_id',
    );
    const clear = db.raw.prepare('DELETE FROM rota_cells WHERE staff_id = ? AND date = ?');
    const before: { staff: string; date: string; shift: string | null }[] = [];
    const after: typeof before = [];
    for (const c of input.cells) {
      const s = staff.get(c.staffId);
      if (!s) throw new ServiceError('NOT_FOUND', `找不到编号为 ${c.staffId} 的员工，可能已被删除，请刷新`);
      if (c.shiftTypeId !== null && !shifts.has(c.shiftTypeId)) throw new ServiceError('NOT_FOUND', '所选班次已被删除，请刷新后重选');
      const was = (current.get(c.staffId, c.date) as number | undefined) ?? null;
      if (was === c.shiftTypeId) continue;
      if (c.shiftTypeId === null) clear.run(c.staffId, c.date);
      else put.run(c.staffId, c.date, c.shiftTypeId);
      const who = `${s.ref} ${s.name}`;
      before.push({ staff: who, date: c.date, shift: was === null ? null : (shifts.get(was) ?? null) });
      after.push({ staff: who, date: c.date, shift: c.shiftTypeId === null ? null : (shifts.get(c.shiftTypeId) ?? null) });
    }
    const audited = !!published && after.length > 0;
    if (audited)
      recordAudit(db, { actor, action: 'update', entity: 'rota', entityId: input.month, before: { cells: before }, after: { cells: after, reason } });
    return { changed: after.length, audited };
  });
}

export function publishRota(db: LtcDatabase, month: Month, by: string, actor: string): RotaPublished {
  assertMonth(month);
  return db.transaction(() => {
    const already = readPublished(db, month);
    if (already) throw new ServiceError('CONFLICT', `${month} 的排班已于 ${already.at.slice(0, 16).replace('T', ' ')} 由 ${already.by} 发布`);
    const at = localTimestamp();
    db.raw.prepare('INSERT INTO rota_months (month, published_at, published_by) VALUES (?, ?, ?)').run(month, at, by);
    const cells = db.raw.prepare('SELECT count(*) FROM rota_cells WHERE substr(date, 1, 7) = ?').pluck().get(month) as number;
    recordAudit(db, { actor, action: 'publish', entity: 'rota', entityId: month, after: { month, by, cells } });
    return { at, by };
  });
}
