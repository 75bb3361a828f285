/**
 * 服务计划 and 派单 on a real database: a plan over the pack's quota is refused with the numbers; the
 * suggested month schedule gives every visit a caregiver without overlaps or short trips (judged by the
 * conflict rules, not by the solver); a recorded visit matches its planned one and a missing one is missed.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ScheduleSuggestion } from '../../../shared/api/plans';
import { pinToday } from '../../support/today';
import { api, freshDb, idOf, seed } from './support';

const base = { items: ['LC01'], windowStart: '08:00', windowEnd: '12:00' };

describe('服务计划 judged against the pack when saved', () => {
  it('ningbo-2022 level 4: 5 a week × 90 min (34.5 h in the longest month) is refused; 3 × 60 is stored and audited', async () => {
    pinToday('2026-10-02');
    const db = freshDb();
    seed(db, { clients: 1, carers: 1 });
    const { call, raw } = api(db);
    const c1 = idOf(db, 'residents', 'c1');
    const over = await raw('plans.save', { ...base, residentId: c1, visitsPerWeek: 5, minutes: 90 });
    expect(over.ok || over.error.message).toBe(
      '服务计划未保存：超出按小时限额：每周 5 次 × 每次 90 分钟，最多的月份有 23 次，共 34.5 小时，超过4级（重度失能Ⅱ级）每月 25 小时的限额',
    );
    expect(db.raw.prepare('SELECT count(*) FROM care_plans').pluck().get()).toBe(0);
    const row = await call('plans.save', { ...base, residentId: c1, visitsPerWeek: 3, minutes: 60 });
    expect([row.level, row.limit, row.plan?.visitsPerWeek]).toEqual([4, '每月 25 小时', 3]);
    expect(db.raw.prepare("SELECT action FROM audit_log WHERE entity = 'care-plan'").pluck().all()).toEqual(['create']);
    const list = await call('plans.list', undefined);
    expect(list.rows.map((r) => [r.name, r.plan?.minutes])).toEqual([['对象1', 60]]);
  });
});

describe('派单建议 and plan against done', () => {
  it('gives every visit a caregiver, with no conflict; a recorded visit matches and a missing one is missed', async () => {
    pinToday('2026-10-01');
    const db = freshDb();
    seed(db, { clients: 6, carers: 2 });
    const { call, job } = api(db);
    for (let i = 1; i <= 6; i++) await call('plans.save', { ...base, residentId: idOf(db, 'residents', `c${i}`), visitsPerWeek: 2, minutes: 60, days: [1, 4] });
    const { jobId } = await call('plans.suggest', { month: '2026-10' });
    const status = await job(jobId);
    expect(status.error).toBeUndefined();
    const s = status.result as ScheduleSuggestion;
    // Mondays and Thursdays of October 2026 from the 1st (a Thursday): 1, 5, 8, 12, 15, 19, 22, 26, 29 → 9 days × 6 clients
    expect([s.demand, s.met, s.unmet]).toEqual([54, 54, []]);
    await call('plans.saveSchedule', { month: '2026-10', from: '2026-10-01', visits: s.visits });
    const view = await call('plans.schedule', { month: '2026-10' });
    expect(view.visits).toHaveLength(54);
    expect(view.conflicts).toEqual([]);
    // six 60-minute visits between 08:00 and 12:00 for two caregivers: three each, an hour and the trip apart
    const day1 = view.visits.filter((v) => v.date === '2026-10-01');
    expect(new Set(day1.map((v) => v.staffId)).size).toBe(2);

    // October 1 as recorded: the first planned visit done 20 minutes late; nothing else recorded
    const first = day1[0]!;
    db.raw
      .prepare("INSERT INTO visits (ref, resident_id, staff_id, start_at, end_at, minutes, confirmed) VALUES ('V1', ?, ?, ?, ?, 60, 1)")
      .run(
        first.residentId,
        first.staffId,
        `2026-10-01T${String(Number(first.start.slice(0, 2))).padStart(2, '0')}:20`,
        `2026-10-01T${String(Number(first.start.slice(0, 2)) + 1).padStart(2, '0')}:20`,
      );
    pinToday('2026-10-02');
    const cmp = await call('plans.compare', { month: '2026-10' });
    expect(cmp.matched).toBe(1);
    expect(cmp.missed).toHaveLength(5);
    expect(cmp.unplanned).toEqual([]);
  });

  it('a conflict names its records: the same caregiver twice at 09:00 overlaps; a visit without one is unassigned', async () => {
    pinToday('2026-10-01');
    const db = freshDb();
    seed(db, { clients: 2, carers: 1 });
    const { call } = api(db);
    const [c1, c2, s1] = [idOf(db, 'residents', 'c1'), idOf(db, 'residents', 'c2'), idOf(db, 'staff', 's1')];
    await call('plans.saveSchedule', {
      month: '2026-10',
      from: '2026-10-05',
      visits: [
        { residentId: c1, staffId: s1, date: '2026-10-05', start: '09:00', minutes: 60 },
        { residentId: c2, staffId: s1, date: '2026-10-05', start: '09:30', minutes: 60 },
        { residentId: c2, staffId: null, date: '2026-10-06', start: '09:00', minutes: 60 },
      ],
    });
    const view = await call('plans.schedule', { month: '2026-10' });
    expect(view.conflicts.map((c) => [c.kind, c.message])).toEqual([
      ['NO_CAREGIVER', '2026-10-06 09:00 对象2：还没有派护理员'],
      ['OVERLAP', '护理员1 2026-10-05：09:00 对象1 与 09:30 对象2 时间重叠'],
    ]);
  });
});

describe('派单表 as .xlsx, for the caregivers’ phones', () => {
  it('a sheet per caregiver that day with start, end, client, address and the items by name; audited as an export', async () => {
    pinToday('2026-10-01');
    const db = freshDb();
    seed(db, { clients: 2, carers: 1 });
    const { call } = api(db);
    const [c1, c2, s1] = [idOf(db, 'residents', 'c1'), idOf(db, 'residents', 'c2'), idOf(db, 'staff', 's1')];
    await call('plans.save', { ...base, residentId: c1, visitsPerWeek: 2, minutes: 60 });
    await call('plans.saveSchedule', {
      month: '2026-10',
      from: '2026-10-05',
      visits: [
        { residentId: c2, staffId: s1, date: '2026-10-05', start: '10:30', minutes: 45 },
        { residentId: c1, staffId: s1, date: '2026-10-05', start: '08:30', minutes: 60 },
      ],
    });
    const file = await call('plans.dayList', { date: '2026-10-05', staffId: s1, format: 'xlsx' });
    expect(file.name).toBe('派单表-2026-10-05-护理员1.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('护理员1');
    const rows = ws
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['护理员1 2026-10-05 上门服务单'],
      ['开始', '结束', '服务对象', '地址', '服务项目'],
      ['08:30', '09:30', '对象1', '宁波市海曙区甲街道幸福小区1号', '头面部清洁、梳理'],
      ['10:30', '11:15', '对象2', '宁波市海曙区乙街道幸福小区2号', ''],
    ]);
    expect(db.raw.prepare("SELECT action, entity FROM audit_log WHERE entity = 'visit-schedule' ORDER BY id").all()).toEqual([
      { action: 'update', entity: 'visit-schedule' },
      { action: 'export', entity: 'visit-schedule' },
    ]);
  });

  it('a day with no visits says so', async () => {
    pinToday('2026-10-01');
    const db = freshDb();
    seed(db, { clients: 1, carers: 1 });
    const { raw } = api(db);
    const r = await raw('plans.dayList', { date: '2026-10-09', format: 'xlsx' });
    expect(r.ok || r.error.message).toBe('2026-10-09 没有派单');
  });
});
