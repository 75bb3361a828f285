/**
 * Assessments and stay events: validity periods by the pack's rules (docs/rules.md §2), impossible histories
 * refused with the rule's reason and nothing saved (docs/rules.md §6), submitted months guarded (docs/rules.md §8).
 */
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/services/audit/auditLog';
import { api, count, emptyDb, idOf, refusal, sampleDb, submitMonth } from './support';

describe('assessments', () => {
  it('shows each conclusion’s validity and which one is in force; a newer one takes over from the 1st of the next month', async () => {
    const db = emptyDb();
    const call = api(db);
    const { id } = await call('residents.save', { name: '周桂兰', idNumber: '11010519491231002X' });
    let d = await call('residents.addAssessment', { residentId: id, level: 3, concludedOn: '2024-11-20', number: 'NB2024-1120', assessor: '宁波市医保局' });
    d = await call('residents.addAssessment', { residentId: id, level: 4, concludedOn: '2026-10-10' });
    const byLevel = (x: typeof d) => Object.fromEntries(x.assessments.map((a) => [a.level, a]));
    const on = async (today: string) => byLevel(await call('residents.get', { id, today }));
    // level 3: from 2024-12-01 for 24 months, to 2026-11-30; level 4 from 2026-11-01
    expect((await on('2026-10-20'))[3]).toMatchObject({
      start: '2024-12-01',
      end: '2026-11-30',
      state: 'in-force',
      daysLeft: 41,
      eligible: true,
      number: 'NB2024-1120',
    });
    expect((await on('2026-10-20'))[4]).toMatchObject({ start: '2026-11-01', end: '2028-10-31', state: 'pending' });
    expect((await on('2026-11-01'))[3]?.state).toBe('replaced');
    expect((await on('2026-11-01'))[4]?.state).toBe('in-force');
    expect((await call('residents.get', { id, today: '2026-11-01' })).level).toBe(4);
    expect((await on('2028-11-01'))[4]?.state).toBe('expired');
    // newest first
    expect(d.assessments.map((a) => a.level)).toEqual([4, 3]);
  });

  it('records level 0–2 (the agency concluded it) but marks it not paid; refuses the same conclusion twice', async () => {
    const db = sampleDb();
    const call = api(db);
    const id = idOf(db, 'r4');
    const d = await call('residents.get', { id, today: '2026-10-16' });
    expect(d.assessments[0]).toMatchObject({ level: 2, eligible: false, state: 'in-force' });
    const twin = await refusal(call('residents.addAssessment', { residentId: id, level: 2, concludedOn: '2026-04-30' }));
    expect(twin.message).toContain('已录入过');
  });

  it('deletes an assessment with an audit row', async () => {
    const db = sampleDb();
    const id = idOf(db, 'r4');
    const [a] = (await api(db)('residents.get', { id })).assessments;
    const d = await api(db)('residents.deleteAssessment', { id: a!.id });
    expect(d.assessments).toEqual([]);
    expect(listAudit(db, { entity: 'assessment', entityId: a!.id })[0]).toMatchObject({
      action: 'delete',
      before: { resident: '赵德胜', level: 2, concludedOn: '2026-04-30' },
    });
  });
});

describe('stay events', () => {
  it('adds admit, hospital and return in order, each audited', async () => {
    const db = emptyDb();
    const call = api(db);
    const { id } = await call('residents.save', { name: '周桂兰', idNumber: '11010519491231002X' });
    await call('residents.addEvent', { residentId: id, type: 'admit', date: '2026-10-10', mode: 'institutional' });
    await call('residents.addEvent', { residentId: id, type: 'hospital', date: '2026-10-15', note: '肺炎住院' });
    const d = await call('residents.addEvent', { residentId: id, type: 'return', date: '2026-10-18' });
    expect(d.events.map((e) => [e.type, e.date])).toEqual([
      ['admit', '2026-10-10'],
      ['hospital', '2026-10-15'],
      ['return', '2026-10-18'],
    ]);
    expect(d.events[1]?.note).toBe('肺炎住院');
    expect(listAudit(db, { entity: 'stay-event' }).map((a) => a.action)).toEqual(['create', 'create', 'create']);
  });

  it('refuses a return with no hospital stay or leave, anything after death, and a second admission; nothing saved', async () => {
    const db = sampleDb();
    const call = api(db);
    const li = idOf(db, 'r2');
    const events = count(db, 'SELECT count(*) FROM stay_events');
    const audits = count(db, 'SELECT count(*) FROM audit_log');

    const orphan = await refusal(call('residents.addEvent', { residentId: li, type: 'return', date: '2026-10-20' }));
    expect(orphan.code).toBe('CONFLICT');
    expect(orphan.message).toContain('返院（2026-10-20）之前没有未结束的住院或请假');
    const second = await refusal(call('residents.addEvent', { residentId: li, type: 'admit', date: '2026-10-20', mode: 'home' }));
    expect(second.message).toContain('上一次入住（2026-01-05）尚未出院');
    // an event dated before a later one can break that one: also refused
    const early = await refusal(call('residents.addEvent', { residentId: idOf(db, 'r1'), type: 'discharge', date: '2026-10-16' }));
    expect(early.message).toContain('返院（2026-10-18）之前没有未结束的住院或请假');

    await call('residents.addEvent', { residentId: li, type: 'death', date: '2026-10-20' });
    const after = await refusal(call('residents.addEvent', { residentId: li, type: 'hospital', date: '2026-10-22' }));
    expect(after.message).toContain('2026-10-20 已登记死亡');
    expect(count(db, 'SELECT count(*) FROM stay_events')).toBe(events + 1);
    expect(count(db, 'SELECT count(*) FROM audit_log')).toBe(audits + 1);
  });

  it('asks for the care mode on admission and refuses a bed on home care or other events', async () => {
    const db = emptyDb();
    const call = api(db);
    const { id } = await call('residents.save', { name: '周桂兰', idNumber: '11010519491231002X' });
    const noMode = await refusal(call('residents.addEvent', { residentId: id, type: 'admit', date: '2026-10-10' }));
    expect(noMode.problems).toEqual([{ path: 'mode', message: '入住须选择护理方式：机构护理或居家护理' }]);
    await call('beds.save', { code: '2-203-1' });
    const homeBed = await refusal(call('residents.addEvent', { residentId: id, type: 'admit', date: '2026-10-10', mode: 'home', bed: '2-203-1' }));
    expect(homeBed.message).toContain('居家护理不占床位');
  });

  it('refuses a deletion that would orphan a later event', async () => {
    const db = sampleDb();
    const d = await api(db)('residents.get', { id: idOf(db, 'r1') });
    const hospital = d.events.find((e) => e.type === 'hospital')!;
    const e = await refusal(api(db)('residents.deleteEvent', { id: hospital.id }));
    expect(e.message).toContain('不能删除住院（2026-10-15）');
    expect(e.message).toContain('返院（2026-10-18）之前没有未结束的住院或请假');
    const discharge = d.events.find((x) => x.type === 'discharge')!;
    const after = await api(db)('residents.deleteEvent', { id: discharge.id });
    expect(after.events.map((x) => x.type)).toEqual(['admit', 'hospital', 'return']);
    expect(listAudit(db, { entity: 'stay-event', entityId: discharge.id })[0]).toMatchObject({
      action: 'delete',
      before: { resident: '王秀英', type: 'discharge', date: '2026-10-25' },
    });
  });
});

describe('a submitted month', () => {
  it('needs a correction reason for a change that alters its days, and audits the reason', async () => {
    const db = sampleDb();
    submitMonth(db, '2026-10');
    const call = api(db);
    const li = idOf(db, 'r2');
    const locked = await refusal(call('residents.addEvent', { residentId: li, type: 'hospital', date: '2026-10-20' }));
    expect(locked.code).toBe('LOCKED');
    expect(locked.message).toContain('2026-10 的结算已申报');
    // a December event changes nothing in October: no reason needed
    await call('residents.addEvent', { residentId: li, type: 'leave', date: '2026-12-01' });
    // nor does an assessment whose benefits start in December
    await call('residents.addAssessment', { residentId: li, level: 4, concludedOn: '2026-11-05' });
    const lockedA = await refusal(call('residents.addAssessment', { residentId: li, level: 4, concludedOn: '2026-09-05' }));
    expect(lockedA.code).toBe('LOCKED');

    const d = await call('residents.addAssessment', { residentId: li, level: 4, concludedOn: '2026-09-05', correctionReason: '评估结论书补录' });
    const added = d.assessments.find((a) => a.concludedOn === '2026-09-05')!;
    expect(listAudit(db, { entity: 'assessment', entityId: added.id })[0]?.after).toMatchObject({ correctionReason: '评估结论书补录' });
  });
});
