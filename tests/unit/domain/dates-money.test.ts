import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  datesOfMonth,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  firstOfNextMonth,
  isValidDate,
  isValidDateTime,
  isoWeekday,
  minutesBetween,
  monthEnd,
  weekStart,
} from '../../../shared/domain/dates';
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

// The calendar's oracle: Date's own UTC arithmetic (proleptic Gregorian), which dates.ts used to call.
const MS_PER_DAY = 86_400_000;
const oracleDayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;
const p2 = (n: number): string => String(n).padStart(2, '0');
const oracleDate = (n: number): string => {
  const d = new Date(n * MS_PER_DAY);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
};

describe('day numbers agree with the calendar of Date.UTC', () => {
  it('on every day from 1899 to 2101, both ways', () => {
    for (let n = oracleDayNumber(1899, 1, 1); n <= oracleDayNumber(2101, 12, 31); n++) {
      const date = oracleDate(n);
      if (fromDayNumber(n) !== date || dayNumber(date) !== n)
        expect({ n, date, back: fromDayNumber(n), day: dayNumber(date) }).toEqual({ n, date, back: date, day: n });
    }
  });
  it('for any four-digit year, and for days and months that roll over (02-30, 13-01, 00-00) as Date.UTC does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const n = dayNumber(`${y}-${p2(m)}-${p2(d)}`);
        expect(n).toBe(oracleDayNumber(y, m, d));
        expect(fromDayNumber(n)).toBe(oracleDate(n));
      }),
      { numRuns: 5000 },
    );
  });
  it('tells real dates by the same rule as the pattern YYYY-MM-DD with real ranges', () => {
    const oracle = (s: string): boolean => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      return (
        !!m &&
        Number(m[1]) >= 1900 &&
        Number(m[2]) >= 1 &&
        Number(m[2]) <= 12 &&
        Number(m[3]) >= 1 &&
        Number(m[3]) <= new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate()
      );
    };
    const piece = fc.stringMatching(/^[0-9]{1,5}$|^[ +x-]?$/);
    fc.assert(
      fc.property(piece, fc.constantFrom('-', '/', ''), piece, fc.constantFrom('-', '.'), piece, (y, a, m, b, d) => {
        const s = `${y}${a}${m}${b}${d}`;
        expect(isValidDate(s)).toBe(oracle(s));
      }),
      { numRuns: 3000 },
    );
    for (let n = oracleDayNumber(1899, 12, 1); n <= oracleDayNumber(2101, 1, 31); n += 1)
      expect(isValidDate(oracleDate(n))).toBe(n >= oracleDayNumber(1900, 1, 1));
    expect(isValidDate('2026-1-01')).toBe(false);
    expect(isValidDate('2026-01-01T')).toBe(false);
  });
  it('knows the length of every month', () => {
    for (let y = 1899; y <= 2401; y++) for (let m = 1; m <= 12; m++) expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
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
