import { describe, expect, it } from 'vitest';
import { addDays, addMonths, datesOfMonth, firstOfNextMonth, isValidDate, isValidDateTime, isoWeekday, minutesBetween, monthEnd, weekStart } from '../../../shared/domain/dates';
import { applyRate, divideHalfUp, feeForMinutes, formatYuan, parseYuan } from '../../../shared/domain/money';

describe('local calendar dates', () => {
  it('knows real dates from impossible ones', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-02-30')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDateTime('2026-10-02T23:59')).toBe(true);
    expect(isValidDateTime('2026-10-02T24:00')).toBe(false);
  });
  it('does month arithmetic without time zones', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-09-01', 24)).toBe('2028-09-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(firstOfNextMonth('2026-12-15')).toBe('2027-01-01');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(datesOfMonth('2026-10')).toHaveLength(31);
  });
  it('counts minutes across midnight', () => {
    expect(minutesBetween('2026-10-31T23:30', '2026-11-01T00:30')).toBe(60);
  });
  it('knows weeks run Monday to Sunday', () => {
    expect(isoWeekday('2026-10-01')).toBe(4); // a Thursday
    expect(weekStart('2026-10-01')).toBe('2026-09-28');
    expect(weekStart('2026-10-05')).toBe('2026-10-05');
    expect(weekStart('2026-10-04')).toBe('2026-09-28');
  });
});

describe('money in fen', () => {
  it('rounds half up to the fen', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(4, 3)).toBe(1);
    expect(applyRate(9000, 0.7)).toBe(6300);
    expect(applyRate(15, 0.7)).toBe(11); // 10.5 → 11
    expect(applyRate(19000, 0.8)).toBe(15200);
    expect(feeForMinutes(190, 6000)).toBe(19000);
    expect(feeForMinutes(1, 6500)).toBe(108); // 108.33
    expect(feeForMinutes(3, 10)).toBe(1); // 0.5 → 1
  });
  it('shows yuan with two decimals and reads them back', () => {
    expect(formatYuan(437000)).toBe('4,370.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(parseYuan('4,370.00')).toBe(437000);
    expect(parseYuan('90')).toBe(9000);
    expect(parseYuan('12.5')).toBe(1250);
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });
});
