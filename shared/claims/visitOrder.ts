/**
 * Grouping and ordering a month's visits by index, in typed arrays. The claim groups ~100,000
 * visits by caregiver (overlaps) and by client (the month of each), then orders each group by
 * time. Done with a Map of growing arrays and Array.prototype.sort, that allocated more than the
 * rules themselves (`npm run bench`, a sampling heap profile); a counting sort into one Int32Array
 * and a check that most groups are already in order (visits are entered roughly in time order)
 * allocates two arrays for all of it.
 */

/** Visits grouped: group g holds order[offsets[g]] … order[offsets[g + 1] − 1], in input order. */
export interface Groups {
  order: Int32Array;
  offsets: Int32Array;
}

/**
 * Stable counting sort of the indices 0 … group.length − 1 by their group number (0 … count − 1;
 * a negative number leaves the index out).
 */
export function groupIndices(group: Int32Array, count: number): Groups {
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < group.length; i++) {
    const g = group[i] as number;
    if (g >= 0) offsets[g + 1] = (offsets[g + 1] as number) + 1;
  }
  for (let g = 0; g < count; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const order = new Int32Array(offsets[count] as number);
  const next = offsets.slice(0, count);
  for (let i = 0; i < group.length; i++) {
    const g = group[i] as number;
    if (g >= 0) {
      const at = next[g] as number;
      order[at] = i;
      next[g] = at + 1;
    }
  }
  return { order, offsets };
}

/**
 * Sorts order[from, to) by `compare` (a total order on indices, so the result is the same as any
 * correct sort's). Already ordered, which is the common case, it only checks.
 */
export function sortRun(order: Int32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  let sorted = true;
  for (let k = from + 1; k < to; k++) {
    if (compare(order[k - 1] as number, order[k] as number) > 0) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  const run = Array.from(order.subarray(from, to)).sort(compare);
  order.set(run, from);
}
