/**
 * Recording and deleting assessment conclusions (评估结论). The institution records what the agency
 * concluded, never computes it, so any level 0–5 is kept; whether the pack pays it is the claim's
 * question. The same conclusion twice is refused (it would look like a re-assessment), and so is a
 * conclusion dated after today (shared/domain/notYet.ts; a benefit start after today is fine).
 */
import type { z } from 'zod';
import type { ResidentDetail, assessmentInput } from '../../../shared/api/residents';
import { benefitStart } from '../../../shared/claims/assessments';
import { monthOf } from '../../../shared/domain/dates';
import { LEVEL_NAMES } from '../../../shared/domain/glossary';
import type { Assessment, Level } from '../../../shared/domain/model';
import { assessmentNotYet } from '../../../shared/domain/notYet';
import { recordAudit } from '../audit/auditLog';
import { serviceToday } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { InputError, ServiceError } from '../errors';
import { assertChangeWritable } from './monthLocks';
import { getResident } from './residentDetail';
import { loadResidentPolicy } from './residentPolicy';
import { requireResident, toAssessment, toEvent } from './residentRecord';

type Input = z.output<typeof assessmentInput>;

export function addAssessment(db: LtcDatabase, input: Input, actor: string, today = serviceToday()): ResidentDetail {
  const notYet = assessmentNotYet(input.concludedOn, today);
  if (notYet) throw new InputError(`评估结论未保存：${notYet}`, [{ path: 'concludedOn', message: notYet }]);
  db.transaction(() => {
    const r = requireResident(db, input.residentId);
    const a: Assessment = {
      level: input.level as Level,
      concludedOn: input.concludedOn,
      ...(input.number ? { number: input.number } : {}),
      ...(input.assessor ? { assessor: input.assessor } : {}),
    };
    const twin = r.assessments.find((x) => x.concludedOn === a.concludedOn && x.level === a.level && (x.number ?? '') === (a.number ?? ''));
    if (twin) throw new ServiceError('CONFLICT', `${a.concludedOn} 的${LEVEL_NAMES[a.level]}评估结论已录入过，不要重复录入`);
    const { pack } = loadResidentPolicy(db);
    const events = r.events.map(toEvent);
    const before = r.assessments.map(toAssessment);
    const from = monthOf(benefitStart(a.concludedOn, pack.assessment.benefitStart));
    const reason = assertChangeWritable(db, pack, from, { assessments: before, events }, { assessments: [...before, a], events }, input.correctionReason);
    const id = db.raw
      .prepare('INSERT INTO assessments (resident_id, level, concluded_on, number, assessor) VALUES (?, ?, ?, ?, ?)')
      .run(r.id, a.level, a.concludedOn, a.number ?? null, a.assessor ?? null).lastInsertRowid;
    const after = { resident: r.name, residentRef: r.ref, ...a, ...(reason ? { correctionReason: reason } : {}) };
    recordAudit(db, { actor, action: 'create', entity: 'assessment', entityId: Number(id), before: null, after });
  });
  return getResident(db, input.residentId);
}

export function deleteAssessment(db: LtcDatabase, id: number, correctionReason: string | undefined, actor: string): ResidentDetail {
  const residentId = db.raw.prepare('SELECT resident_id FROM assessments WHERE id = ?').pluck().get(id) as number | undefined;
  if (residentId === undefined) throw new ServiceError('NOT_FOUND', '这条评估结论已不存在（可能已被删除），请刷新');
  db.transaction(() => {
    const r = requireResident(db, residentId);
    const gone = r.assessments.find((a) => a.id === id)!;
    const { pack } = loadResidentPolicy(db);
    const events = r.events.map(toEvent);
    const before = r.assessments.map(toAssessment);
    const after = r.assessments.filter((a) => a.id !== id).map(toAssessment);
    const from = monthOf(benefitStart(gone.concludedOn, pack.assessment.benefitStart));
    const reason = assertChangeWritable(db, pack, from, { assessments: before, events }, { assessments: after, events }, correctionReason);
    db.raw.prepare('DELETE FROM assessments WHERE id = ?').run(id);
    const audited = { resident: r.name, residentRef: r.ref, ...toAssessment(gone) };
    recordAudit(db, { actor, action: 'delete', entity: 'assessment', entityId: id, before: audited, after: reason ? { correctionReason: reason } : null });
  });
  return getResident(db, residentId);
}
