/**
 * 派单's conflicts and plan against done, with the numbers worked out by hand from the rules
 * (PlanRules defaults: same 街道 10 minutes, elsewhere 30, 6 visits or 8 hours a caregiver a day,
 * a record matches a planned visit starting within 60 minutes).
 */
import { describe, expect, it } from 'vitest';
import { areaOf, sameArea } from '../../../shared/plans/area';
import { scheduleConflicts, type ConflictFacts } from '../../../shared/plans/conflicts';
import { planWeekdays } from '../../../shared/plans/expand';
import { matchVisits } from '../../../shared/plans/matchVisits';
import { DEFAULT_PLAN_RULES, type PlannedVisit } from '../../../shared/plans/types';

const carer = { type: 'elderly-caregiver' as const, number: 'E', issuedOn: '2020-01-01' };
const facts = (): ConflictFacts => ({
  rules: DEFAULT_PLAN_RULES,
  residents: new Map([
    [1, { name: '张阿姨', area: areaOf('宁波市海曙区西门街道幸福小区1幢'), excluded: [], needsNurse: false }],
    [2, { name: '李大爷', area: areaOf('宁波市海曙区西门街道幸福小区3幢'), excluded: [11], needsNurse: false }],
    [3, { name: '王奶奶', area: areaOf('宁波市江北区庄桥街道安康苑5幢'), excluded: [], needsNurse: true }],
  ]),
  staff: new Map([
    [10, { name: '王芳', employedFrom: '2020-01-01', employedTo: null, certificates: [carer] }],
    [11, { name: '李娜', employedFrom: '2020-01-01', employedTo: '2026-10-15', certificates: [carer] }],
  ]),
});
let seq = 0;
const v = (residentId: number, staffId: number | null, date: string, start: string, minutes = 60): PlannedVisit => ({
  id: ++seq,
  residentId,
  staffId,
  date,
  start,
  minutes,
});

describe('where a client lives', () => {
  it('reads the 街道 and the 小区 off the address; the same 街道 is a short trip', () => {
    expect(areaOf('宁波市海曙区西门街道幸福小区1幢')).toEqual({ street: '宁波市海曙区西门街道', estate: '幸福小区' });
    expect(sameArea(areaOf('宁波市海曙区西门街道幸福小区1幢'), areaOf('宁波市海曙区西门街道望春花园2号'))).toBe(true);
    expect(sameArea(areaOf('宁波市海曙区西门街道幸福小区1幢'), areaOf('宁波市江北区庄桥街道安康苑5幢'))).toBe(false);
  });
});

describe('conflicts of a day’s schedule', () => {
  it('09:00–10:00 then 10:05 in the same 街道: 5 minutes for a 10-minute trip (TRAVEL); 10:10 is enough', () => {
    const tight = scheduleConflicts([v(1, 10, '2026-10-05', '09:00'), v(2, 10, '2026-10-05', '10:05')], facts());
    expect(tight.map((c) => [c.kind, c.message])).toEqual([['TRAVEL', '王芳 2026-10-05：张阿姨 结束后只有 5 分钟赶到 李大爷，路程约需 10 分钟']]);
    expect(scheduleConflicts([v(1, 10, '2026-10-05', '09:00'), v(2, 10, '2026-10-05', '10:10')], facts())).toEqual([]);
  });

  it('to another 街道 the trip is 30 minutes: 10:20 after a visit ending 10:00 is too soon', () => {
    const c = scheduleConflicts([v(1, 10, '2026-10-05', '09:00'), v(3, 10, '2026-10-05', '10:20')], {
      ...facts(),
      residents: new Map([...facts().residents].map(([k, r]) => [k, { ...r, needsNurse: false }])),
    });
    expect(c.map((x) => x.message)).toEqual(['王芳 2026-10-05：张阿姨 结束后只有 20 分钟赶到 王奶奶，路程约需 30 分钟']);
  });

  it('seven one-hour visits in a day are over the 6 a day (DAY_LIMIT), naming all seven', () => {
    const day = ['08:00', '09:10', '10:20', '11:30', '12:40', '13:50', '15:00'].map((t) => v(1, 10, '2026-10-06', t));
    const c = scheduleConflicts(day, facts());
    expect(c.map((x) => [x.kind, x.message, x.visitIds.length])).toEqual([['DAY_LIMIT', '王芳 2026-10-06 派了 7 次、共 7 小时，超过每天 6 次或 8 小时', 7]]);
  });

  it('a caregiver the plan excludes, one no longer employed, a nurse-only client without a nurse', () => {
    const c = scheduleConflicts([v(2, 11, '2026-10-07', '09:00'), v(1, 11, '2026-10-16', '09:00'), v(3, 10, '2026-10-08', '09:00')], facts());
    expect(c.map((x) => [x.kind, x.message])).toEqual([
      ['EXCLUDED', '2026-10-07 09:00 李大爷：服务计划写明不派李娜'],
      ['CERT_INVALID', '2026-10-16 09:00 张阿姨：李娜当天不在职'],
      ['CERT_INVALID', '2026-10-08 09:00 王奶奶：王芳当天没有有效的护士执业证书（计划含医疗护理项目）'],
    ]);
  });
});

describe('the weekdays of a plan', () => {
  it('its own days, or spread: 2 a week → Monday and Thursday, 3 → Monday, Wednesday, Friday', () => {
    const plan = { residentId: 1, items: [], minutes: 60, windowStart: '08:00', windowEnd: '12:00', preferredStaffId: null, excludedStaffIds: [] };
    expect(planWeekdays({ ...plan, visitsPerWeek: 2, days: [] })).toEqual([1, 4]);
    expect(planWeekdays({ ...plan, visitsPerWeek: 3, days: [] })).toEqual([1, 3, 5]);
    expect(planWeekdays({ ...plan, visitsPerWeek: 2, days: [2, 6] })).toEqual([2, 6]);
  });
});

describe('plan against done', () => {
  it('a record 50 minutes late matches; 70 minutes late does not (missed, and the record unplanned); another caregiver’s record does not', () => {
    const planned = [
      { id: 1, residentId: 1, staffId: 10, date: '2026-10-05', start: '09:00' },
      { id: 2, residentId: 2, staffId: 10, date: '2026-10-05', start: '13:00' },
      { id: 3, residentId: 1, staffId: 10, date: '2026-10-07', start: '09:00' },
    ];
    const done = [
      { ref: 'V1', residentId: 1, staffId: 10, date: '2026-10-05', start: '09:50' },
      { ref: 'V2', residentId: 2, staffId: 10, date: '2026-10-05', start: '14:10' },
      { ref: 'V3', residentId: 1, staffId: 11, date: '2026-10-07', start: '09:00' },
    ];
    const r = matchVisits(planned, done, 60);
    expect(r.pairs.map(([p, d]) => [p.id, d.ref])).toEqual([[1, 'V1']]);
    expect(r.missed.map((p) => p.id)).toEqual([2, 3]);
    expect(r.unplanned.map((d) => d.ref)).toEqual(['V2', 'V3']);
  });
});
