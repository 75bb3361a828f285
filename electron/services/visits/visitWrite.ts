/**
 * Saving and deleting visits. Each write is one transaction with its audit row (before/after), and
 * a month whose claim is submitted only changes with a correction reason (monthLock.ts). A visit the
 * claim will not pay is still saved: records are kept, the claim excludes it and says why. A visit
 * that starts after today has not happened and is refused (shared/domain/notYet.ts).
 */
import type { z } from 'zod';
import type { VisitDetail, visitInput } from '../../../shared/api/visits';
import { isValidDateTime, minutesBetween, monthOf } from '../../../shared/domain/dates';
import { visitNotYet } from '../../../shared/domain/notYet';
import { recordAudit } from '../audit/auditLog';
import { assertMonthWritable, isMonthLocked } from '../claims/monthLock';
import { serviceToday } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { allocateRef } from '../db/recordRefs';
import { InputError, ServiceError, type Problem } from '../errors';
import { loadPolicy, type Policy } from './judge';
import { readStoredRow, splitItems, toVisitDetail, type StoredRow } from './visitRows';
import { insertVisit, updateVisit } from './visitStore';

type Input = z.output<typeof visitInput>;

/** What the audit log keeps of a visit: the record in the model's words, with names so it reads alone. */
export function auditShape(r: StoredRow): Record<string, unknown> {
  return {
    ref: r.ref,
    resident: r.resident_name,
    staff: r.staff_name,
    start: r.start_at,
    end: r.end_at,
    minutes: r.minutes,
    items: splitItems(r.items),
    confirmed: r.confirmed === 1,
    checkIn: r.check_in_lat === null ? null : { lat: r.check_in_lat, lng: r.check_in_lng },
    checkOut: r.check_out_lat === null ? null : { lat: r.check_out_lat, lng: r.check_out_lng },
    note: r.note,
    externalRef: r.external_ref,
  };
}

/** Refuses what the schema cannot: impossible or future times, end before start, unknown people or items. */
export function visitProblems(db: LtcDatabase, input: Input, policy: Policy, kept: readonly string[] = [], today = serviceToday()): Problem[] {
  const problems: Problem[] = [];
  const startOk = isValidDateTime(input.start);
  if (!startOk) problems.push({ path: 'start', message: `开始时间“${input.start}”不存在（日期须真实存在，时为00–23，分为00–59）` });
  const notYet = startOk ? visitNotYet(input.start, today) : null;
  if (notYet) problems.push({ path: 'start', message: notYet });
  const endOk = isValidDateTime(input.end);
  if (!endOk) problems.push({ path: 'end', message: `结束时间“${input.end}”不存在（日期须真实存在，时为00–23，分为00–59）` });
  // end = start is kept (the claim calls it too short); end before start is no visit at all.
  if (startOk && endOk && input.end < input.start) problems.push({ path: 'end', message: '结束时间早于开始时间，请核对签到、签退时间' });
  if (!db.raw.prepare('SELECT 1 FROM residents WHERE id = ?').get(input.residentId))
    problems.push({ path: 'residentId', message: '所选服务对象不存在（可能已被删除），请重新选择' });
  if (!db.raw.prepare('SELECT 1 FROM staff WHERE id = ?').get(input.staffId))
    problems.push({ path: 'staffId', message: '所选护理人员不存在（可能已被删除），请重新选择' });
  // Past visits keep the codes they were logged with, even after the catalogue changes.
  const unknown = input.items.filter((c) => !policy.items.has(c) && !kept.includes(c));
  if (unknown.length > 0) problems.push({ path: 'items', message: `服务项目编码 ${unknown.join('、')} 不在${policy.catalogue.title}中，请从目录中选择` });
  return problems;
}

function requirePolicy(db: LtcDatabase): Policy {
  const policy = loadPolicy(db.raw);
  if (!policy) throw new InputError('请先在机构设置中填写机构并选择政策包，再录入上门服务');
  return policy;
}

function withReason(after: Record<string, unknown>, reason: string | null): Record<string, unknown> {
  return reason ? { ...after, correctionReason: reason } : after;
}

export function saveVisit(db: LtcDatabase, input: Input, actor: string, today = serviceToday()): VisitDetail {
  const policy = requirePolicy(db);
  const items = [...new Set(input.items)];
  return db.transaction(() => {
    const before = input.id === undefined ? undefined : readStoredRow(db.raw, input.id);
    if (input.id !== undefined && !before) throw new ServiceError('NOT_FOUND', '这条上门服务记录已不存在（可能已被删除），请刷新列表');
    const problems = visitProblems(db, { ...input, items }, policy, before ? splitItems(before.items) : [], today);
    if (problems.length > 0) throw new InputError(`服务记录有误，未保存：${problems.map((p) => p.message).join('；')}`, problems);
    const months = [monthOf(input.start), ...(before ? [monthOf(before.start_at)] : [])];
    const reason = assertMonthWritable(db, months, input.correctionReason);
    const fields = {
      resident_id: input.residentId,
      staff_id: input.staffId,
      start_at: input.start,
      end_at: input.end,
      minutes: minutesBetween(input.start, input.end),
      confirmed: input.confirmed ? (1 as const) : (0 as const),
      check_in_lat: input.checkIn?.lat ?? null,
      check_in_lng: input.checkIn?.lng ?? null,
      check_out_lat: input.checkOut?.lat ?? null,
      check_out_lng: input.checkOut?.lng ?? null,
      note: input.note ? input.note : null,
    };
    let id: number;
    if (before) {
      id = before.id;
      updateVisit(db.raw, id, fields, items);
    } else {
      id = insertVisit(db.raw, { ...fields, ref: allocateRef(db.raw, 'visit'), external_ref: null }, items);
    }
    const after = readStoredRow(db.raw, id)!;
    recordAudit(db, {
      actor,
      action: before ? 'update' : 'create',
      entity: 'visit',
      entityId: id,
      before: before ? auditShape(before) : null,
      after: withReason(auditShape(after), reason),
    });
    return toVisitDetail(db.raw, after, policy, isMonthLocked(db, monthOf(after.start_at)));
  });
}

export function deleteVisit(db: LtcDatabase, id: number, correctionReason: string | undefined, actor: string): { deleted: true } {
  return db.transaction(() => {
    const before = readStoredRow(db.raw, id);
    if (!before) throw new ServiceError('NOT_FOUND', '这条上门服务记录已不存在（可能已被删除），请刷新列表');
    const reason = assertMonthWritable(db, [monthOf(before.start_at)], correctionReason);
    db.raw.prepare('DELETE FROM visits WHERE id = ?').run(id);
    recordAudit(db, {
      actor,
      action: 'delete',
      entity: 'visit',
      entityId: id,
      before: auditShape(before),
      after: reason ? { correctionReason: reason } : null,
    });
    return { deleted: true as const };
  });
}

export function getVisit(db: LtcDatabase, id: number): VisitDetail {
  const row = readStoredRow(db.raw, id);
  if (!row) throw new ServiceError('NOT_FOUND', '这条上门服务记录已不存在（可能已被删除），请刷新列表');
  return toVisitDetail(db.raw, row, loadPolicy(db.raw), isMonthLocked(db, monthOf(row.start_at)));
}
