/**
 * The visits' item lists read off the joined items string (itemLists.ts): each visit gets its own
 * codes in order, however many lists there are (the table of lists grows) and however long a list is,
 * visits without items get the empty list, and items of visits not read are passed over.
 */
import { describe, expect, it } from 'vitest';
import { itemListsOf } from '../../../electron/services/dataset/itemLists';

/** The items string as SQLite joins it: `visit id` US `code`, items joined by RS, in visit order. */
const joined = (items: [number, string][]): string => items.map(([id, code]) => `${id}\u001f${code}`).join('\u001e');

function lists(ids: number[], items: [number, string][]): (readonly string[])[] {
  const out = new Int32Array(ids.length);
  const all = itemListsOf(items.length ? joined(items) : null, Int32Array.from(ids), out);
  return Array.from(out, (l) => all[l] as readonly string[]);
}

describe('the item lists of the visits read', () => {
  it('gives each visit its codes in order, the empty list to a visit without items, and skips items of other visits', () => {
    const items: [number, string][] = [
      [1, 'LC01'],
      [1, 'LC08'],
      [2, 'X'],
      [4, 'LC08'],
      [4, 'LC01'],
      [5, 'LC01'],
      [5, 'LC08'],
      [7, '护理'],
      [7, 'LONGER-CODE'],
      [7, ''],
    ];
    expect(lists([1, 3, 4, 5, 7, 9], items)).toEqual([['LC01', 'LC08'], [], ['LC08', 'LC01'], ['LC01', 'LC08'], ['护理', 'LONGER-CODE', ''], []]);
    expect(lists([], items)).toEqual([]);
    expect(lists([1, 2], [])).toEqual([[], []]);
  });

  it('keeps thousands of distinct lists apart, and lists longer than its scratch space', () => {
    const ids: number[] = [];
    const items: [number, string][] = [];
    const expected: string[][] = [];
    for (let v = 1; v <= 6000; v++) {
      // every visit a list of its own: two codes out of a few hundred, in either order
      const list = [`C${v % 97}`, `D${Math.floor(v / 97)}`];
      if (v % 2) list.reverse();
      ids.push(v);
      expected.push(list);
      for (const code of list) items.push([v, code]);
    }
    const long = Array.from({ length: 150 }, (_, k) => `L${k % 7}`);
    ids.push(7000);
    expected.push(long);
    for (const code of long) items.push([7000, code]);
    expect(lists(ids, items)).toEqual(expected);
  });

  it('refuses items that come out of visit order rather than lose some', () => {
    expect(() =>
      lists(
        [1, 2],
        [
          [2, 'LC01'],
          [1, 'LC01'],
        ],
      ),
    ).toThrow(/visit order/);
  });
});
