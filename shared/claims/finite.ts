/**
 * A claim carries only finite numbers. JSON writes NaN and Infinity as null, so a claim computed from
 * an absurd price (1e308 fen once passed the import) was frozen with null amounts and printed as
 * "∞.NaN 元". The store checks this before anything is written (claimStore.writeClaim).
 */

/** The path of the first number in `value` that is NaN or infinite (e.g. `lines[3].fundFen`), or null. */
export function firstNonFinite(value: unknown, path = ''): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '(值)';
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonFinite(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const found = firstNonFinite(v, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}
