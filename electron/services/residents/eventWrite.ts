/**
 * Adding and deleting stay events (入住记录). A change is refused, with the rule's Chinese reason and
 * nothing saved, when it would make an impossible history (shared/domain/stayRules.ts: a return with
 * no hospital stay or leave, anything after death, a second admission while in a stay). Problems the
 * stored timeline already had (imported data) do not block an unrelated change.
 * An institutional admission may name a bed: a registered one, free on the admission day.
 * An event dated after today is refused (shared/domain/notYet.ts): the timeline records what happened.
 */
import type { z } from 'zod';
import type { ResidentDetail, stayEventInput } from '../../../shared/api/residents';
import { monthOf } from '../../../shared/domain/dates';
import { STAY_EVENT_NAMES } from '../../../shared/domain/glossary';
import type { StayEvent } from '../../../shared/domain/model';
import { stayEventNotYet } from '../../../shared/domain/notYet';
import { stayTimelineProblems } from '../../../shared/domain/stayRules';
import { recordAudit } from '../audit/auditLog';
import { occupancyOn } from '../beds/occupancy';
import { serviceToday } from '../db/clock';
import type { LtcDatabase } from '../db/database';
import { InputError, ServiceError, type Problem } from '../errors';
import { assertChangeWritable } from './monthLocks';
import { getResident } from './residentDetail';
import { loadResidentPolicy } from './residentPolicy';
import { requireResident, toAssessment, toEvent, type StoredResident } from './residentRecord';

type Input = z.output<typeof stayEventInput>;

/**
 * Problems of `after` on events that had none in `before` (events keyed by id; the new one by 'new').
 * The rules walk the events in date order, so a problem may land on a stored event that the change
 * made impossible (a real admission on 10-08 before a wrong one already stored for 01-05): that
 * event is then named, so the user sees which record stands in the way.
 */
function introducedProblems(before: StayEvent[], beforeKeys: unknown[], after: StayEvent[], afterKeys: unknown[], added?: unknown): string[] {
  const hadProblem = new Set(stayTimelineProblems(before).map((p) => beforeKeys[p.index]));
  return stayTimelineProblems(after)
    .filter((p) => !hadProblem.has(afterKeys[p.index]))
    .map((p) => {
      const e = after[p.index];
      if (added === undefined || afterKeys[p.index] === added || !e) return p.message;
      return `与已登记的${STAY_EVENT_NAMES[e.type]}（${e.date}）冲突：${p.message}。如那条${STAY_EVENT_NAMES[e.type]}记录有误，请先删除它`;
    });
}

function eventProblems(db: LtcDatabase, input: Input, r: StoredResident, today: string): Problem[] {
  const problems: Problem[] = [];
  const notYet = stayEventNotYet(input.type, input.date, today);
  if (notYet) problems.push({ path: 'date', message: notYet });
  if (input.type === 'admit' && !input.mode) problems.push({ path: 'mode', message: '入住须选择护理方式：机构护理或居家护理' });
  if (input.type !== 'admit' && (input.mode || input.bed)) {
    problems.push({ path: input.bed ? 'bed' : 'mode', message: `${STAY_EVENT_NAMES[input.type]}不填写护理方式和床位，只有入住才填写` });
  }
  if (input.type === 'admit' && input.mode === 'home' && input.bed) problems.push({ path: 'bed', message: '居家护理不占床位，请不要选择床位' });
  if (input.bed && input.type === 'admit' && input.mode === 'institutional') {
    const known = db.raw.prepare('SELECT 1 FROM beds WHERE code = ?').get(input.bed);
    if (!known) problems.push({ path: 'bed', message: `床位 ${input.bed} 未登记，请先在“床位”页添加，或选择已有床位` });
    else {
      const holders = (occupancyOn(db, input.date).byBed.get(input.bed) ?? []).filter((o) => o.residentId !== r.id);
      if (holders.length > 0)
        problems.push({ path: 'bed', message: `床位 ${input.bed} 在 ${input.date} 已由 ${holders.map((h) => h.name).join('、')} 占用，请选择空闲床位` });
    }
  }
  return problems;
}

export function addEvent(db: LtcDatabase, input: Input, actor: string, today = serviceToday()): ResidentDetail {
  db.transaction(() => {
    const r = requireResident(db, input.residentId);
    const problems = eventProblems(db, input, r, today);
    if (problems.length > 0) throw new InputError(`入住记录有误，未保存：${problems.map((p) => p.message).join('；')}`, problems);
    const event: StayEvent = {
      type: input.type,
      date: input.date,
      ...(input.type === 'admit' ? { mode: input.mode } : {}),
      ...(input.bed ? { bed: input.bed } : {}),
      ...(input.note ? { note: input.note } : {}),
    };
    const before = r.events.map(toEvent);
    const after = [...before, event];
    const refused = introducedProblems(
      before,
      r.events.map((e) => e.id),
      after,
      [...r.events.map((e) => e.id), 'new'],
      'new',
    );
    if (refused.length > 0) throw new ServiceError('CONFLICT', `不能添加${STAY_EVENT_NAMES[input.type]}（${input.date}）：${refused.join('；')}`);

    const { pack } = loadResidentPolicy(db);
    const assessments = r.assessments.map(toAssessment);
    const reason = assertChangeWritable(db, pack, monthOf(input.date), { assessments, events: before }, { assessments, events: after }, input.correctionReason);
    const seq = r.events.reduce((max, e) => Math.max(max, e.seq + 1), 0);
    const id = db.raw
      .prepare('INSERT INTO stay_events (resident_id, seq, type, date, mode, bed, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(r.id, seq, event.type, event.date, event.mode ?? null, event.bed ?? null, event.note ?? null).lastInsertRowid;
    const audited = { resident: r.name, residentRef: r.ref, ...event, ...(reason ? { correctionReason: reason } : {}) };
    recordAudit(db, { actor, action: 'create', entity: 'stay-event', entityId: Number(id), before: null, after: audited });
  });
  return getResident(db, input.residentId);
}

export function deleteEvent(db: LtcDatabase, id: number, correctionReason: string | undefined, actor: string): ResidentDetail {
  const residentId = db.raw.prepare('SELECT resident_id FROM stay_events WHERE id = ?').pluck().get(id) as number | undefined;
  if (residentId === undefined) throw new ServiceError('NOT_FOUND', '这条入住记录已不存在（可能已被删除），请刷新');
  db.transaction(() => {
    const r = requireResident(db, residentId);
    const gone = r.events.find((e) => e.id === id)!;
    const kept = r.events.filter((e) => e.id !== id);
    const before = r.events.map(toEvent);
    const after = kept.map(toEvent);
    const refused = introducedProblems(
      before,
      r.events.map((e) => e.id),
      after,
      kept.map((e) => e.id),
    );
    if (refused.length > 0) {
      throw new ServiceError('CONFLICT', `不能删除${STAY_EVENT_NAMES[gone.type]}（${gone.date}），删除后入住记录前后矛盾：${refused.join('；')}`);
    }
    const { pack } = loadResidentPolicy(db);
    const assessments = r.assessments.map(toAssessment);
    const reason = assertChangeWritable(db, pack, monthOf(gone.date), { assessments, events: before }, { assessments, events: after }, correctionReason);
    db.raw.prepare('DELETE FROM stay_events WHERE id = ?').run(id);
    const audited = { resident: r.name, residentRef: r.ref, ...toEvent(gone) };
    recordAudit(db, { actor, action: 'delete', entity: 'stay-event', entityId: id, before: audited, after: reason ? { correctionReason: reason } : null });
  });
  return getResident(db, residentId);
}
