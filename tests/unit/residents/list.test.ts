/** 服务对象列表: derived status, level, bed and expiry, server-side filters, search, sort and paging. */
import { describe, expect, it } from 'vitest';
import { api, sampleDb } from './support';

describe('residents.list', () => {
  it('shows each person as they stand on the day, ID numbers masked', async () => {
    const call = api(sampleDb());
    const page = await call('residents.list', { today: '2026-10-16', sortField: 'ref', sortOrder: 'ascend' });
    expect(page.total).toBe(4);
    expect(page.today).toBe('2026-10-16');
    const [wang, li, chen, zhao] = page.rows;
    // 王秀英: admitted 10-10 to bed 2-201-1, in hospital from 10-15 (docs/rules.md §6 worked example).
    expect(wang).toMatchObject({
      name: '王秀英',
      idNumberMasked: '330205********0028',
      idWarning: null,
      sex: 'female',
      age: 88,
      status: 'hospital',
      statusSince: '2026-10-15',
      mode: 'institutional',
      bed: '2-201-1',
      // concluded 2026-08-20: benefits from 2026-09-01 for 24 months, to 2028-08-31 (docs/rules.md §2)
      level: 4,
      assessmentEndsOn: '2028-08-31',
    });
    expect(li).toMatchObject({
      name: '李建国',
      sex: 'male',
      age: 81,
      status: 'present',
      statusSince: '2026-01-05',
      bed: '2-202-1',
      level: 5,
      assessmentEndsOn: '2027-12-31',
    });
    expect(chen).toMatchObject({ name: '陈淑芬', status: 'present', mode: 'home', bed: null, level: 3 });
    expect(zhao).toMatchObject({ name: '赵德胜', status: 'present', bed: '3-301-2', level: 2 });
    expect(JSON.stringify(page)).not.toContain('330205193804120028');
  });

  it('derives the status for any day: before admission, after return, on and after discharge', async () => {
    const call = api(sampleDb());
    const wang = async (today: string) => (await call('residents.list', { today, search: '王秀英' })).rows[0];
    expect(await wang('2026-10-09')).toMatchObject({ status: 'none', statusSince: null, bed: null, mode: null });
    expect(await wang('2026-10-18')).toMatchObject({ status: 'present', statusSince: '2026-10-18', bed: '2-201-1' });
    // the discharge day is outside the stay (算入不算出)
    expect(await wang('2026-10-25')).toMatchObject({ status: 'discharged', statusSince: '2026-10-25', bed: null, mode: 'institutional' });
    // before 2026-09-01 the 08-20 conclusion is not yet in force
    expect(await wang('2026-08-31')).toMatchObject({ level: null, assessmentEndsOn: '2028-08-31', assessmentDaysLeft: 731 });
  });

  it('filters by status, care mode and level in force', async () => {
    const call = api(sampleDb());
    const names = async (q: object) => (await call('residents.list', { today: '2026-10-16', sortField: 'ref', ...q })).rows.map((r) => r.name);
    expect(await names({ status: 'hospital' })).toEqual(['王秀英']);
    expect(await names({ status: 'in-stay' })).toEqual(['王秀英', '李建国', '陈淑芬', '赵德胜']);
    expect(await names({ status: 'discharged' })).toEqual([]);
    expect(await names({ mode: 'home' })).toEqual(['陈淑芬']);
    expect(await names({ level: '2' })).toEqual(['赵德胜']);
    expect(await names({ level: 'none' })).toEqual([]);
    expect(await names({ mode: 'institutional', level: '5' })).toEqual(['李建国']);
    const later = await call('residents.list', { today: '2026-11-01', status: 'discharged' });
    expect(later.rows.map((r) => r.name)).toEqual(['王秀英']);
  });

  it('searches name, whole or partial ID number and ref; sorts and pages on the server', async () => {
    const call = api(sampleDb());
    const names = async (q: object) => (await call('residents.list', { today: '2026-10-16', ...q })).rows.map((r) => r.name);
    expect(await names({ search: '建国' })).toEqual(['李建国']);
    expect(await names({ search: '33020519410923006x' })).toEqual(['陈淑芬']);
    expect(await names({ search: 'r4' })).toEqual(['赵德胜']);
    expect(await names({ search: '%' })).toEqual([]);
    // youngest first: born 1952, 1945, 1941, 1938
    expect(await names({ sortField: 'age', sortOrder: 'ascend' })).toEqual(['赵德胜', '李建国', '陈淑芬', '王秀英']);
    expect(await names({ sortField: 'level', sortOrder: 'descend' })).toEqual(['李建国', '王秀英', '陈淑芬', '赵德胜']);
    expect(await names({ sortField: 'assessmentEnds', sortOrder: 'ascend' })).toEqual(['李建国', '陈淑芬', '赵德胜', '王秀英']);
    const p2 = await call('residents.list', { today: '2026-10-16', sortField: 'ref', page: 2, pageSize: 3 });
    expect(p2.total).toBe(4);
    expect(p2.rows.map((r) => r.name)).toEqual(['赵德胜']);
  });
});
