/** The day-status calendar, held to docs/rules.md §6's worked example and the claim's reasons. */
import { describe, expect, it } from 'vitest';
import { api, idOf, sampleDb } from './support';

describe('residents.calendar', () => {
  it('shows the worked example: 15 stay days, 3 hospital days, 12 billable, fund 600.00 yuan', async () => {
    const db = sampleDb();
    const cal = await api(db)('residents.calendar', { id: idOf(db, 'r1'), month: '2026-10' });
    expect(cal.days).toHaveLength(31);
    const day = (d: number) => cal.days[d - 1]!;
    expect(day(9)).toMatchObject({ status: null, billable: null });
    expect(day(10)).toMatchObject({ status: 'present', mode: 'institutional', level: 4, billable: true, reason: null });
    for (const d of [15, 16, 17]) expect(day(d)).toMatchObject({ status: 'hospital', billable: false, reason: { code: 'HOSPITAL_DAY' } });
    expect(day(18)).toMatchObject({ status: 'present', billable: true });
    // the discharge day does not count (算入不算出)
    expect(day(25)).toMatchObject({ status: null, billable: null });
    expect(cal.counts).toEqual({ institutional: { present: 12, hospital: 3, leave: 0, billable: 12 }, home: { present: 0, hospital: 0, leave: 0 } });
    expect(cal.line).toEqual({ level: 4, billableDays: 12, feeFen: 108_000, fundFen: 60_000, personalFen: 48_000 });
  });

  it('labels the admission, discharge and death days, without changing what counts (docs/rules.md §6.2)', async () => {
    const db = sampleDb();
    const call = api(db);
    const wang = await call('residents.calendar', { id: idOf(db, 'r1'), month: '2026-10' });
    const day = (d: number) => wang.days[d - 1]!;
    // admitted 10-10: in the stay and billed; discharged 10-25: outside the stay, not billed, but labelled
    expect(day(10)).toMatchObject({ status: 'present', billable: true, mark: { mark: 'admit', mode: 'institutional' } });
    expect(day(25)).toMatchObject({ status: null, billable: null, mark: { mark: 'discharge', mode: 'institutional' } });
    expect(wang.days.filter((d) => d.mark).map((d) => d.date)).toEqual(['2026-10-10', '2026-10-25']);
    // hospital and return days are statuses, not marks
    expect(day(15).mark).toBeNull();
    const li = idOf(db, 'r2');
    await call('residents.addEvent', { residentId: li, type: 'death', date: '2026-10-20' });
    const died = await call('residents.calendar', { id: li, month: '2026-10' });
    expect(died.days[19]).toMatchObject({ status: null, billable: null, mark: { mark: 'death', mode: 'institutional' } });
    expect(died.days[18]).toMatchObject({ status: 'present', billable: true, mark: null });
    expect(died.counts.institutional.billable).toBe(19);
    // a home client's start of service is labelled in her mode
    const { id } = await call('residents.save', { name: '周桂兰', idNumber: '11010519491231002X' });
    await call('residents.addEvent', { residentId: id, type: 'admit', date: '2026-10-12', mode: 'home' });
    const home = await call('residents.calendar', { id, month: '2026-10' });
    expect(home.days[11]).toMatchObject({ mark: { mark: 'admit', mode: 'home' } });
  });

  it('gives the claim’s reason for days not billed: level not paid, no assessment yet', async () => {
    const db = sampleDb();
    const call = api(db);
    const zhao = await call('residents.calendar', { id: idOf(db, 'r4'), month: '2026-10' });
    expect(zhao.days[0]).toMatchObject({ status: 'present', level: 2, billable: false, reason: { code: 'LEVEL_NOT_ELIGIBLE' } });
    expect(zhao.line).toBeNull();
    // before his admission on 2026-05-06 no day is in a stay
    const april = await call('residents.calendar', { id: idOf(db, 'r4'), month: '2026-04' });
    expect(april.days.every((d) => d.status === null)).toBe(true);
    const { id } = await call('residents.save', { name: '周桂兰', idNumber: '11010519491231002X' });
    await call('residents.addEvent', { residentId: id, type: 'admit', date: '2026-10-10', mode: 'institutional' });
    const none = await call('residents.calendar', { id, month: '2026-10' });
    expect(none.days[9]).toMatchObject({ status: 'present', billable: false, reason: { code: 'NO_ASSESSMENT' } });
    expect(none.days[9]!.reason!.message).toContain('周桂兰');
  });

  it('leaves home-care days to the visits, and says a failing ID number blocks the month', async () => {
    const db = sampleDb();
    const call = api(db);
    const chen = await call('residents.calendar', { id: idOf(db, 'r3'), month: '2026-10' });
    expect(chen.days[0]).toMatchObject({ status: 'present', mode: 'home', billable: null });
    expect(chen.notes.join()).toContain('按上门服务记录结算');
    // A home client is in her service period, never 在院: no institutional day is counted.
    expect(chen.counts).toEqual({ institutional: { present: 0, hospital: 0, leave: 0, billable: 0 }, home: { present: 31, hospital: 0, leave: 0 } });

    // Moving from the home to home care in one month: each part counted under its own mode.
    const { id: zhou } = await call('residents.save', { name: '周桂兰', idNumber: '11010519491231002X' });
    await call('residents.addEvent', { residentId: zhou, type: 'admit', date: '2026-10-01', mode: 'institutional' });
    await call('residents.addEvent', { residentId: zhou, type: 'discharge', date: '2026-10-11' });
    await call('residents.addEvent', { residentId: zhou, type: 'admit', date: '2026-10-12', mode: 'home' });
    await call('residents.addEvent', { residentId: zhou, type: 'hospital', date: '2026-10-20' });
    await call('residents.addEvent', { residentId: zhou, type: 'return', date: '2026-10-22' });
    const both = await call('residents.calendar', { id: zhou, month: '2026-10' });
    expect(both.counts).toEqual({ institutional: { present: 10, hospital: 0, leave: 0, billable: 0 }, home: { present: 18, hospital: 2, leave: 0 } });
    expect(both.notes.join()).toContain('本月居家服务期 20 天');

    const li = idOf(db, 'r2');
    await call('residents.save', { id: li, name: '李建国', idNumber: '330205194501010038' });
    const bad = await call('residents.calendar', { id: li, month: '2026-10' });
    expect(bad.days[0]).toMatchObject({ status: 'present', billable: false, reason: { code: 'BAD_ID_NUMBER' } });
    expect(bad.line).toBeNull();
    expect(bad.notes.join()).toContain('更正前不生成结算明细');
  });
});
