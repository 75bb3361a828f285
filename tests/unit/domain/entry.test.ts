/**
 * The pure rules the forms and the services share at entry (issue 14): dates as typed, phone
 * numbers, an ID number born after today, and what has not happened yet (a record ON today has).
 */
import { describe, expect, it } from 'vitest';
import { weighIdNumber } from '../../../shared/fields/idNumber';
import { assessmentNotYet, stayEventNotYet, visitNotYet } from '../../../shared/domain/notYet';
import { phoneProblem } from '../../../shared/domain/phone';
import { normalizeDateText, normalizeDateTimeText } from '../../../shared/domain/typedDates';
import { idNumber } from '../../support/builders';

describe('dates as typed', () => {
  it('reads 2026/09/15, 20260915, 2026-9-15, 2026.9.15 and 2026年9月15日 as 2026-09-15', () => {
    for (const t of ['2026-09-15', '2026/09/15', '20260915', '2026-9-15', '2026/9/15', '2026.9.15', ' 2026-9-15 ', '2026年9月15日'])
      expect(normalizeDateText(t), t).toBe('2026-09-15');
  });
  it('refuses what is no date, or is not year first', () => {
    for (const t of ['2026-13-01', '2026-02-30', '2026915', '09/15/2026', '15.09.2026', '2026-09', 'abc', '']) expect(normalizeDateText(t), t).toBeNull();
  });
  it('reads a time after the date', () => {
    expect(normalizeDateTimeText('2026/10/20 9:00')).toBe('2026-10-20T09:00');
    expect(normalizeDateTimeText('20261020 0930')).toBe('2026-10-20T09:30');
    expect(normalizeDateTimeText('2026-10-20T18:05')).toBe('2026-10-20T18:05');
    for (const t of ['2026-10-20', '2026-10-20 24:00', '2026-10-20 9:60', '2026-10-32 09:00']) expect(normalizeDateTimeText(t), t).toBeNull();
  });
});

describe('phone numbers', () => {
  it('takes mobiles and landlines with an area code, with an extension, several separated by 、', () => {
    for (const t of [
      '13800000000',
      '138-0000-0000',
      '+8613800000000',
      '0574-87654321',
      '057487654321',
      '010-65123456',
      '0574-8765432',
      '0574-87654321转123',
      '(0574)87654321',
      '13800000000、0574-87654321',
    ]) {
      expect(phoneProblem(t), t).toBeNull();
    }
  });
  it('refuses what is not a number, in Chinese, naming what was typed', () => {
    expect(phoneProblem('地址')).toMatch(/^联系电话“地址”不是电话号码：手机号为11位/);
    for (const t of ['12800000000', '1380000000', '138000000000', '87654321', '0574-1234', '13800000000、']) expect(phoneProblem(t), t).not.toBeNull();
  });
});

describe('not happened yet', () => {
  it('a record dated today has happened; one dated tomorrow has not', () => {
    expect(visitNotYet('2026-12-06T23:30', '2026-12-06')).toBeNull();
    expect(visitNotYet('2026-12-07T00:00', '2026-12-06')).toContain('晚于今天（2026-12-06）');
    expect(stayEventNotYet('death', '2026-12-06', '2026-12-06')).toBeNull();
    expect(stayEventNotYet('admit', '2027-01-05', '2026-12-06')).toMatch(/^入住日期 2027-01-05 晚于今天/);
    expect(assessmentNotYet('2026-12-06', '2026-12-06')).toBeNull();
    expect(assessmentNotYet('2027-03-10', '2026-12-06')).toMatch(/^评估结论日期 2027-03-10 晚于今天/);
  });

  it('an ID number born after today is refused, not a warning', () => {
    const unborn = idNumber('2099-12-31', 1);
    expect(weighIdNumber(unborn, '2026-12-06')).toEqual({ error: expect.stringContaining('出生日期2099-12-31晚于今天'), warning: null });
    expect(weighIdNumber(idNumber('1949-12-31', 1), '2026-12-06')).toEqual({ error: null, warning: null });
    // a birth date that is no date stays a warning (the card may be right and our check wrong)
    expect(weighIdNumber('110105194913310027', '2026-12-06').error).toBeNull();
  });
});
