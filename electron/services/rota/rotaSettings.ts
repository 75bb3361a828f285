/**
 * 设置 › 班次: the shift types and the rota's rules. The rules are one app_settings row (`rota.rules`,
 * JSON); absent, the product's defaults hold (shared/rota/defaults.ts says where each number comes from).
 * Every write is audited with its before and after.
 */
import type { z } from 'zod';
import type { RotaRulesView, rotaRulesInput, shiftTypeInput } from '../../../shared/api/rota';
import { DEFAULT_RULES } from '../../../shared/rota/defaults';
import type { RotaRules, ShiftType } from '../../../shared/rota/types';
import { recordAudit } from '../audit/auditLog';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { ServiceError } from '../errors';

const RULES_KEY = 'rota.rules';

interface ShiftRow {
  id: number;
  key: string;
  name: string;
  kind: ShiftType['kind'];
  start: string | null;
  end: string | null;
  paid_minutes: number;
  post: ShiftType['post'];
  color: string;
  per_severe: number | null;
  per_other: number | null;
  sort: number;
}

const toShift = (r: ShiftRow): ShiftType => ({
  id: r.id,
  key: r.key,
  name: r.name,
  kind: r.kind,
  start: r.start,
  end: r.end,
  paidMinutes: r.paid_minutes,
  post: r.post,
  color: r.color,
  perSevere: r.per_severe,
  perOther: r.per_other,
  sort: r.sort,
});

export function listShiftTypes(db: LtcDatabase): ShiftType[] {
  return (db.raw.prepare('SELECT * FROM shift_types ORDER BY sort, id').all() as ShiftRow[]).map(toShift);
}

export function saveShiftType(db: LtcDatabase, input: z.output<typeof shiftTypeInput>, actor: string): ShiftType[] {
  const work = input.kind === 'work';
  const row = {
    key: input.key,
    name: input.name,
    kind: input.kind,
    start: work ? input.start : null,
    end: work ? input.end : null,
    paid_minutes: work ? input.paidMinutes : 0,
    post: work ? input.post : null,
    color: input.color,
    per_severe: work ? input.perSevere : null,
    per_other: work ? input.perOther : null,
    sort: input.sort,
  };
  return db.transaction(() => {
    const clash = db.raw.prepare('SELECT name, key FROM shift_types WHERE (name = ? OR key = ?) AND id IS NOT ?').get(row.name, row.key, input.id ?? null) as
      { name: string; key: string } | undefined;
    if (clash) {
      const what = clash.name === row.name ? `名称“${row.name}”` : `快捷键 ${row.key}`;
      throw new ServiceError('CONFLICT', `班次${what}已被“${clash.name}”使用，请换一个`);
    }
    if (input.id) {
      const before = db.raw.prepare('SELECT * FROM shift_types WHERE id = ?').get(input.id) as ShiftRow | undefined;
      if (!before) throw new ServiceError('NOT_FOUND', '找不到该班次，可能已被删除，请刷新');
      db.raw
        .prepare(
          'UPDATE shift_types SET key=@key, name=@name, kind=@kind, start=@start, end=@end, paid_minutes=@paid_minutes, post=@post, color=@color, per_severe=@per_severe, per_other=@per_other, sort=@sort WHERE id=@id',
        )
        .run({ ...row, id: input.id });
      recordAudit(db, { actor, action: 'update', entity: 'shift-type', entityId: input.id, before: toShift(before), after: toShift({ ...row, id: input.id }) });
    } else {
      const id = Number(
        db.raw
          .prepare(
            'INSERT INTO shift_types (key, name, kind, start, end, paid_minutes, post, color, per_severe, per_other, sort) VALUES (@key, @name, @kind, @start, @end, @paid_minutes, @post, @color, @per_severe, @per_other, @sort)',
          )
          .run(row).lastInsertRowid,
      );
      recordAudit(db, { actor, action: 'create', entity: 'shift-type', entityId: id, after: toShift({ ...row, id }) });
    }
    return listShiftTypes(db);
  });
}

export function deleteShiftType(db: LtcDatabase, id: number, actor: string): ShiftType[] {
  return db.transaction(() => {
    const before = db.raw.prepare('SELECT * FROM shift_types WHERE id = ?').get(id) as ShiftRow | undefined;
    if (!before) throw new ServiceError('NOT_FOUND', '找不到该班次，可能已被删除，请刷新');
    const used = db.raw.prepare('SELECT count(*) FROM rota_cells WHERE shift_type_id = ?').pluck().get(id) as number;
    if (used > 0) throw new ServiceError('CONFLICT', `班次“${before.name}”已排入 ${used} 个格子，不能删除；可以改名或改颜色`);
    db.raw.prepare('DELETE FROM shift_types WHERE id = ?').run(id);
    recordAudit(db, { actor, action: 'delete', entity: 'shift-type', entityId: id, before: toShift(before) });
    return listShiftTypes(db);
  });
}

export function readRotaRules(db: LtcDatabase): RotaRulesView {
  const stored = db.raw.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get(RULES_KEY) as string | undefined;
  const rules: RotaRules = stored ? { ...DEFAULT_RULES, ...(JSON.parse(stored) as Partial<RotaRules>) } : DEFAULT_RULES;
  return { rules, defaults: DEFAULT_RULES, usingDefaults: !stored };
}

export function saveRotaRules(db: LtcDatabase, rules: z.output<typeof rotaRulesInput>, actor: string): RotaRulesView {
  return db.transaction(() => {
    const before = readRotaRules(db);
    db.raw
      .prepare(
        'INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(RULES_KEY, JSON.stringify(rules), localTimestamp());
    recordAudit(db, { actor, action: 'update', entity: 'rota-rules', before: before.rules, after: rules });
    return readRotaRules(db);
  });
}
