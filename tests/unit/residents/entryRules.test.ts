/**
 * What a resident's records refuse at entry (issue 14): stay events and assessment conclusions dated
 * after today (docs/rules.md §6 and §2: the timeline records what happened; a future benefit start is fine), an
 * ID number born after today (docs/rules.md §9), a phone number that is not one; and a stay-event conflict
 * names the event in the way. Today is pinned (LTC_TODAY), as every face reads it.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/api/dispatch';
import type { Handlers } from '../../../electron/services/api/handlers';
import { residentsHandlers } from '../../../electron/services/residents/residentsHandlers';
import { idNumber } from '../../support/builders';
import { pinToday } from '../../support/today';
import { api, count, emptyDb, refusal, sampleDb } from './support';

const TODAY = '2026-12-06';

describe('dates that have not happened yet', () => {
  it('refuses a stay event dated after today, and takes one dated today', async () => {
    pinToday(TODAY);
    const db = emptyDb();
    const call = api(db);
    const r = await call('residents.save', { name: '孙桂英', idNumber: idNumber('1938-03-02', 7) });
    const e = await refusal(call('residents.addEvent', { residentId: r.id, type: 'admit', date: '2027-01-05', mode: 'home' }));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('入住日期 2027-01-05 晚于今天（2026-12-06）');
    expect(e.problems).toEqual([{ path: 'date', message: expect.stringContaining('晚于今天') }]);
    expect(count(db, 'SELECT count(*) FROM stay_events')).toBe(0);

    const saved = await call('residents.addEvent', { residentId: r.id, type: 'admit', date: TODAY, mode: 'home' });
    expect(saved.events.map((x) => [x.type, x.date])).toEqual([['admit', TODAY]]);
    const hospital = await refusal(call('residents.addEvent', { residentId: r.id, type: 'hospital', date: '2026-12-07' }));
    expect(hospital.message).toContain('住院日期 2026-12-07 晚于今天');
  });

  it('refuses an assessment concluded after today; one concluded today, paid from next month, is kept', async () => {
    pinToday(TODAY);
    const db = emptyDb();
    const call = api(db);
    const r = await call('residents.save', { name: '孙桂英', idNumber: idNumber('1938-03-02', 7) });
    const e = await refusal(call('residents.addAssessment', { residentId: r.id, level: 4, concludedOn: '2027-03-10' }));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('评估结论日期 2027-03-10 晚于今天（2026-12-06）');
    expect(count(db, 'SELECT count(*) FROM assessments')).toBe(0);

    const kept = await call('residents.addAssessment', { residentId: r.id, level: 4, concludedOn: TODAY });
    // docs/rules.md §2: benefits from the 1st of the next month, a date after today: fine.
    expect(kept.assessments.map((a) => [a.concludedOn, a.start, a.state])).toEqual([[TODAY, '2027-01-01', 'pending']]);
  });

  it('names the event in the way when a wrong future admission blocks the real one', async () => {
    // The wrong admission was entered before such dates were refused: on a day it was not yet refused.
    pinToday('2027-02-01');
    const db = sampleDb();
    const call = api(db);
    const r = await call('residents.save', { name: '孙桂英', idNumber: idNumber('1938-03-02', 7) });
    await call('residents.addEvent', { residentId: r.id, type: 'admit', date: '2027-01-05', mode: 'home' });
    pinToday(TODAY);
    const e = await refusal(call('residents.addEvent', { residentId: r.id, type: 'admit', date: '2026-10-08', mode: 'home' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/^不能添加入住（2026-10-08）：与已登记的入住（2027-01-05）冲突：/);
    expect(e.message).toContain('请先删除它');
  });
});

describe('personal data', () => {
  it('refuses an ID number born after today (2099-12-31 read as -74 years), and keeps a failing check character as a warning', async () => {
    pinToday(TODAY);
    const db = emptyDb();
    const call = api(db);
    const unborn = idNumber('2099-12-31', 3);
    const e = await refusal(call('residents.save', { name: '未出生', idNumber: unborn }));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain('出生日期2099-12-31晚于今天（2026-12-06）');
    expect(e.problems).toEqual([{ path: 'idNumber', message: expect.stringContaining('晚于今天') }]);
    expect(count(db, 'SELECT count(*) FROM residents')).toBe(0);

    const good = idNumber('1949-12-31', 3);
    const badCheck = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
    const saved = await call('residents.save', { name: '校验码错', idNumber: badCheck });
    expect(saved.idWarning).toContain('校验码不符');
  });

  it('checks the phone number: mobiles and landlines with area code pass, "地址" does not', async () => {
    const db = emptyDb();
    // through the dispatcher, as the window and the host call: the contract's schema checks it
    const dispatch = createDispatcher(
      residentsHandlers as unknown as Handlers,
      { db, actor: 'test', shell: 'browser', appVersion: 'test', openFolder: () => false },
      () => undefined,
    );
    const base = { name: '王秀英', idNumber: idNumber('1938-04-12', 1) };
    const bad = await dispatch('residents.save', { ...base, phone: '地址' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('BAD_INPUT');
    expect(bad.error.message).toContain('联系电话“地址”不是电话号码');
    expect(bad.error.problems?.map((p) => [p.path, p.label])).toEqual([['phone', '联系电话']]);
    const first = await dispatch('residents.save', { ...base, phone: '13800000000' });
    if (!first.ok) throw new Error(first.error.message);
    const id = (first.value as { id: number }).id;
    for (const phone of [
      '138 0000 0000',
      '+86 13800000000',
      '0574-87654321',
      '0574-87654321-123',
      '(0574)87654321',
      '057487654321',
      '13800000000、0574-87654321',
    ]) {
      const r = await dispatch('residents.save', { ...base, id, phone });
      expect(r.ok && (r.value as { phone: string }).phone, phone).toBe(phone);
    }
    for (const phone of ['1380000000', '23800000000', '87654321', '0574-876', 'abc', '13800000000 地址']) {
      const r = await dispatch('residents.save', { ...base, id, phone });
      expect(!r.ok && r.error.code, phone).toBe('BAD_INPUT');
    }
  });
});
