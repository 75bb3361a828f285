/**
 * The claim's visits as a table (shared/claims/visitTable.ts). Its time columns are read off the
 * characters; they must be what the date functions (domain/dates) give for the same strings, for
 * valid dates and for strings that are not, and the start keys must order regular times exactly
 * as their strings do. A table must give back the visits it was made of, and a permuted table the
 * same rows in the new order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permute, tableOf, timeColumns, visitsOf, writeTimes } from '../../../shared/claims/visitTable';
import { addDays, dateOf, minuteNumber, validDayNumber } from '../../../shared/domain/dates';
import type { Visit } from '../../../shared/domain/model';

const two = (n: number) => String(n).padStart(2, '0');
/** a time on one of ~3,000 days around 2026, with a clock of any two digits (24:00, 23:75 are not times) */
const timeArb = fc
  .record({ day: fc.integer({ min: -1500, max: 1500 }), h: fc.integer({ min: 0, max: 29 }), m: fc.integer({ min: 0, max: 69 }) })
  .map(({ day, h, m }) => `${addDays('2026-06-15', day)}T${two(h)}:${two(m)}`);
/** strings of the right shape whose date is not one: 2026-02-30, 2025-13-01, 2026-00-10 */
const oddArb = fc.constantFrom('2026-02-30T08:00', '2025-13-01T10:30', '2026-00-10T00:00', '2026-10-32T23:59', '2024-02-29T12:00', '2100-02-29T08:00');
const anyTimeArb = fc.oneof({ arbitrary: timeArb, weight: 5 }, { arbitrary: oddArb, weight: 1 });

const visit = (ref: string, start: string, end: string, over: Partial<Visit> = {}): Visit => ({
  ref,
  resident: 'r1',
  staff: 's1',
  start,
  end,
  items: ['LC01'],
  confirmed: true,
  ...over,
});

describe('the time columns', () => {
  it('are minuteNumber and validDayNumber of the strings, in any order of rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyTimeArb, anyTimeArb), { minLength: 1, maxLength: 40 }), (pairs) => {
        const times = timeColumns(pairs.length);
        pairs.forEach(([start, end], i) => writeTimes(start, 0, end, 0, i, times));
        pairs.forEach(([start, end], i) => {
          expect(times.startMinute[i]).toBe(minuteNumber(start));
          expect(times.endMinute[i]).toBe(minuteNumber(end));
          expect(times.day[i]).toBe(validDayNumber(dateOf(start)));
        });
      }),
    );
  });

  it('read a time inside a longer text (a database row) as the time alone', () => {
    const row = '884283,446,177,12026-10-01T07:212026-10-01T08:28v884283';
    const times = timeColumns(1);
    writeTimes(row, 16, row, 32, 0, times);
    expect(times.startMinute[0]).toBe(minuteNumber('2026-10-01T07:21'));
    expect(times.endMinute[0]).toBe(minuteNumber('2026-10-01T08:28'));
    expect(times.day[0]).toBe(validDayNumber('2026-10-01'));
  });

  it('give regular times start keys that order as the strings do, and none to the others', () => {
    fc.assert(
      fc.property(anyTimeArb, anyTimeArb, (a, b) => {
        const times = timeColumns(2);
        writeTimes(a, 0, a, 0, 0, times);
        writeTimes(b, 0, b, 0, 1, times);
        const ka = times.startKey[0] as number;
        const kb = times.startKey[1] as number;
        const regular = (t: string) => !Number.isNaN(validDayNumber(dateOf(t))) && Number(t.slice(11, 13)) < 24 && Number(t.slice(14, 16)) < 60;
        expect(Number.isNaN(ka)).toBe(!regular(a));
        if (!Number.isNaN(ka) && !Number.isNaN(kb)) expect(Math.sign(ka - kb)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('take strings of another length the slow way, with no start key', () => {
    const table = tableOf([visit('a', '2026-10-01T8:00', '2026-10-01T09:00')]);
    expect(table.startMinute[0]).toBe(minuteNumber('2026-10-01T8:00'));
    expect(table.day[0]).toBe(validDayNumber('2026-10-01'));
    expect(Number.isNaN(table.startKey[0])).toBe(true);
  });
});

describe('a table of visits', () => {
  const visits = [
    visit('a', '2026-10-01T08:00', '2026-10-01T09:00', { items: ['LC01', 'LC08'] }),
    visit('b', '2026-10-01T10:00', '2026-10-01T11:00', { resident: 'r2', staff: 's2', items: [], confirmed: false }),
    visit('c', '2026-10-02T10:00', '2026-10-02T11:00', { items: ['LC01', 'LC08'] }),
    visit('d', '2026-10-03T10:00', '2026-10-03T11:00', { resident: 'r2', items: ['LC08', 'LC01'] }),
  ];

  it('gives back the visits it was made of, each person and item list numbered once', () => {
    const table = tableOf(visits);
    expect(visitsOf(table)).toEqual(visits);
    expect(table.clients).toEqual(['r1', 'r2']);
    expect(table.caregivers).toEqual(['s1', 's2']);
    // the same codes in another order are another list
    expect(table.itemLists).toEqual([['LC01', 'LC08'], [], ['LC08', 'LC01']]);
    expect(table.refsUnique).toBe(true);
    expect(tableOf([...visits, visits[0] as Visit]).refsUnique).toBe(false);
  });

  it('permuted, holds the rows in the new order with every column', () => {
    const table = tableOf(visits);
    const moved = permute(table, Int32Array.of(3, 1, 0));
    expect(visitsOf(moved)).toEqual([visits[3], visits[1], visits[0]]);
    expect(Array.from(moved.startMinute)).toEqual([3, 1, 0].map((i) => table.startMinute[i]));
    expect(Array.from(moved.startKey)).toEqual([3, 1, 0].map((i) => table.startKey[i]));
    expect(Array.from(moved.day)).toEqual([3, 1, 0].map((i) => table.day[i]));
  });
});
