/** Reading one cell as every import does: the date forms accepted, ID numbers as typed. */
import { describe, expect, it } from 'vitest';
import { date, idNumber } from '../../../electron/services/spreadsheet/cells';

describe('a date cell', () => {
  it('reads an Excel date, a serial number and text as YYYY-MM-DD, YYYY/M/D and the other common forms', () => {
    expect(date(new Date('2026-10-02T00:00:00Z'))).toEqual({ ok: true, value: '2026-10-02' });
    expect(date(46297)).toEqual({ ok: true, value: '2026-10-02' });
    for (const text of ['2026-10-02', '2026/10/2', '2026.10.02', '2026年10月2日', '20261002', '2026-10-02 00:00', '２０２６-１０-０２']) {
      expect(date(text), text).toEqual({ ok: true, value: '2026-10-02' });
    }
    expect(date(null)).toEqual({ ok: true, value: null });
  });

  it('refuses what is not a date, saying what to write', () => {
    expect(date('2026-02-30')).toEqual({ ok: false, message: '“2026-02-30”不是存在的日期（2026-02-30），请核对年月日' });
    expect(date('10/02/2026')).toEqual({ ok: false, message: '“10/02/2026”不是日期，请写成 YYYY-MM-DD，例如 2026-10-02' });
    expect(date(2026)).toEqual({ ok: false, message: '“2026”不是日期，请写成 YYYY-MM-DD，例如 2026-10-02' });
  });
});

describe('an ID number cell', () => {
  it('drops spaces, makes full-width digits and a lower-case x standard, and refuses a number Excel rounded', () => {
    expect(idNumber(' 110105 19491231 002x ')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(idNumber('１１０１０５１９４９１２３１００２Ｘ')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(idNumber(110105194912310020)).toMatchObject({ ok: false, message: expect.stringContaining('被 Excel 存成了数字') });
  });
});
