/**
 * 月度结算 pages a big month's lines and issues on the server (issue 15): claims.month carries the claim's
 * head and counts only, claims.monthLines and claims.monthIssues a page at a time, filtered and sorted
 * there. The sample institution's October (tests/fixtures/sample-ningbo.expected-2026-10.json): 3 lines
 * (王秀英 600.00, 李建国 1,860.00, 陈淑芬 152.00 fund); its 37 day issues are 5 as the screen lists them,
 * a run of days being one issue (docs/rules.md §6.2): 赵德胜's 31 LEVEL_NOT_ELIGIBLE days one error, 王秀英's
 * three hospital days (10-15 to 10-17) one info, and 陈淑芬's VISIT_TOO_SHORT (v4), NURSE_REQUIRED (v5)
 * errors and VISIT_UNCONFIRMED (v6) warning.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import expected from '../../fixtures/sample-ningbo.expected-2026-10.json';
import { api, sampleDb } from './support';

const MONTH = '2026-10';

describe('the month, a page at a time', () => {
  it('claims.month carries the totals and the counts, not the lines and issues', async () => {
    const { call } = api(sampleDb());
    const view = await call('claims.month', { month: MONTH });
    expect(view.claim.totals).toMatchObject(expected.totals);
    expect(view.claim).not.toHaveProperty('lines');
    expect(view.claim).not.toHaveProperty('issues');
    expect(view.counts.lines).toBe(3);
    expect(view.counts.issues).toEqual({ error: 3, warning: 1, info: 1 });
    expect(view.counts.codes).toContainEqual({ code: 'LEVEL_NOT_ELIGIBLE', severity: 'error', count: 1 });
    expect(view.counts.codes).toContainEqual({ code: 'HOSPITAL_DAY', severity: 'info', count: 1 });
    expect(view.counts.codes).toHaveLength(5);
  });

  it('pages the lines, sorted by fund share or by name, found by name or by an ID number typed with a lower-case x, by care mode', async () => {
    const { call } = api(sampleDb());
    const first = await call('claims.monthLines', { month: MONTH, page: 1, pageSize: 2, sortField: 'fundFen', sortOrder: 'descend' });
    const second = await call('claims.monthLines', { month: MONTH, page: 2, pageSize: 2, sortField: 'fundFen', sortOrder: 'descend' });
    expect(first.total).toBe(3);
    expect([...first.rows, ...second.rows].map((l) => [l.name, l.fundFen])).toEqual([
      ['李建国', 186000],
      ['王秀英', 60000],
      ['陈淑芬', 15200],
    ]);
    expect(first.rows[0]).not.toHaveProperty('evidence');
    expect((await call('claims.monthLines', { month: MONTH, search: '33020519410923006x' })).rows.map((l) => l.name)).toEqual(['陈淑芬']);
    expect((await call('claims.monthLines', { month: MONTH, search: '建国' })).rows.map((l) => l.name)).toEqual(['李建国']);
    expect((await call('claims.monthLines', { month: MONTH, mode: 'home' })).rows.map((l) => l.name)).toEqual(['陈淑芬']);
    // 李 (lǐ) < 王 (wáng) in the zh-CN collation the list's 姓名 column sorts by; 陈 (chén) first
    expect((await call('claims.monthLines', { month: MONTH, sortField: 'name' })).rows.map((l) => l.name)).toEqual(['陈淑芬', '李建国', '王秀英']);
  });

  it('pages the issues by severity, kind or text, with links to the records the page names', async () => {
    const db = sampleDb();
    const { call } = api(db);
    const errors = await call('claims.monthIssues', { month: MONTH, severity: 'error', page: 2, pageSize: 2 });
    expect(errors.total).toBe(3);
    expect(errors.rows).toHaveLength(1);
    expect(errors.rows.every((i) => i.severity === 'error')).toBe(true);
    const short = await call('claims.monthIssues', { month: MONTH, code: 'VISIT_TOO_SHORT' });
    expect(short.rows.map((i) => [i.visit, i.date])).toEqual([['v4', '2026-10-16']]);
    const chen = db.raw.prepare("SELECT id FROM residents WHERE ref = 'r3'").pluck().get() as number;
    expect(short.rows[0]!.resident).toBe('r3');
    expect(short.links.residents).toEqual({ r3: chen });
    // a run is found by its first or last day
    expect((await call('claims.monthIssues', { month: MONTH, search: '2026-10-17' })).rows.map((i) => i.code)).toEqual(['HOSPITAL_DAY']);
    expect((await call('claims.monthIssues', { month: MONTH, search: '2026-10-16' })).rows.map((i) => i.code)).toEqual(['VISIT_TOO_SHORT']);
    expect(await call('claims.monthIssues', { month: MONTH, severity: 'warning', search: 'v4' })).toMatchObject({ total: 0, rows: [] });
  });

  it('sees a change made through its own connection or by another one (the import worker) at once', async () => {
    const db = sampleDb();
    const { call } = api(db);
    expect((await call('claims.monthLines', { month: MONTH, search: '李建国' })).total).toBe(1);
    db.raw.prepare("UPDATE residents SET name = '李建华' WHERE ref = 'r2'").run();
    expect((await call('claims.monthLines', { month: MONTH, search: '李建华' })).total).toBe(1);
    const other = new Database(db.raw.name);
    try {
      other.prepare("UPDATE residents SET name = '王秀兰' WHERE ref = 'r1'").run();
    } finally {
      other.close();
    }
    expect((await call('claims.monthLines', { month: MONTH, search: '王秀兰' })).total).toBe(1);
    expect((await call('claims.month', { month: MONTH })).counts.lines).toBe(3);
  });
});
