/**
 * Splits a per-person document into parts: one PDF of thousands of pages needs gigabytes to lay out
 * and cannot be rendered by two workers at once. The cut depends only on the data (an estimate of
 * each person's table rows), so the same claim always gives the same parts.
 */
export function splitByWeight<T>(items: readonly T[], weight: (item: T) => number, budget: number): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const w = Math.max(1, weight(item));
    if (current.length > 0 && used + w > budget) {
      parts.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += w;
  }
  if (current.length > 0 || parts.length === 0) parts.push(current);
  return parts;
}

/** 第2部分，共5部分（序号 421—840）; undefined for a document in one part. */
export function partLabel(index: number, parts: number, firstNo?: number, lastNo?: number): string | undefined {
  if (parts <= 1) return undefined;
  const range = firstNo !== undefined && lastNo !== undefined ? `（序号 ${firstNo}—${lastNo}）` : '';
  return `第${index + 1}部分，共${parts}部分${range}`;
}
