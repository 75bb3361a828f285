/**
 * Each recurring field has one definition (shared/fields/), so what a user types means the same in the
 * form, in the contract the services check, and in a spreadsheet import. The values below are worked
 * out by hand: 陈淑芬's number 33020519410923006X typed with a Chinese IME in full-width mode.
 */
import { describe, expect, it } from 'vitest';
import { date, idNumber, yuan } from '../../../electron/services/spreadsheet/cells';
import { residentInput } from '../../../shared/api/residents';
import { staffInput } from '../../../shared/api/staff';
import { CARE_MODE, LEVEL } from '../../../shared/fields/choices';
import { readDate } from '../../../shared/fields/date';
import { normalizeIdNumber } from '../../../shared/fields/idNumber';
import { readYuan } from '../../../shared/fields/money';
import { spellingKey } from '../../../shared/fields/typed';

const TYPED_ID = ' ３３０２０５ １９４１０９２３００６ｘ ';
const CHEN = '33020519410923006X';

describe('one field, one reading', () => {
  it('an ID number typed in full width with spaces and a lower-case x is the same number in the form, the contract and an import', () => {
    expect(normalizeIdNumber(TYPED_ID)).toBe(CHEN); // the forms' normalize
    expect(residentInput.parse({ name: '陈淑芬', idNumber: TYPED_ID }).idNumber).toBe(CHEN);
    expect(staffInput.parse({ name: '陈淑芬', idNumber: TYPED_ID }).idNumber).toBe(CHEN);
    expect(idNumber(TYPED_ID)).toEqual({ ok: true, value: CHEN });
  });

  it('an empty ID number is asked for by name in the contract', () => {
    const r = residentInput.safeParse({ name: '陈淑芬', idNumber: '　' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('请填写身份证号');
  });

  it('a date typed as ２０２６／１０／２ is 2026-10-02 in the form and in an import; 2026-02-30 is no date in either', () => {
    expect(readDate('２０２６／１０／２')).toBe('2026-10-02');
    expect(date('２０２６／１０／２')).toEqual({ ok: true, value: '2026-10-02' });
    expect(readDate('2026-02-30')).toBeNull();
    expect(date('2026-02-30')).toEqual({ ok: false, message: '“2026-02-30”不是存在的日期（2026-02-30），请核对年月日' });
  });

  it('an amount typed as １，２３４.５０元 is 123450 fen in the form and in an import; a third decimal is refused by both', () => {
    expect(readYuan('１，２３４.５０元', '单价')).toEqual({ ok: true, value: 123450 });
    expect(yuan('１，２３４.５０元', '单价')).toEqual({ ok: true, value: 123450 });
    expect(yuan(1234.5, '单价')).toEqual({ ok: true, value: 123450 });
    expect(readYuan('10.555', '单价')).toEqual({ ok: false, message: '单价 10.555 最多两位小数（元，精确到分）' });
    expect(yuan(10.555, '单价')).toEqual({ ok: false, message: '单价 10.555 最多两位小数（元，精确到分）' });
  });

  it('a care mode and a level are read from every spelling the screens and templates show', () => {
    for (const [typed, mode] of [
      ['机构护理', 'institutional'],
      ['居家', 'home'],
      [' Home ', 'home'],
      ['上门', 'home'],
    ] as const) {
      expect(CARE_MODE.spellings.get(spellingKey(typed)), typed).toBe(mode);
    }
    for (const shown of LEVEL.shown) expect(LEVEL.spellings.get(spellingKey(shown)), shown).toBe(Number(shown[0]));
    expect(LEVEL.spellings.get(spellingKey('４级'))).toBe(4);
  });
});
