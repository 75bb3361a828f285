/**
 * Keys for people created in the app (a dataset file brings its own). `s<n>` / `r<n>` follow the
 * demo's and the sample's style; n starts past the largest id so it is free at once in the usual case,
 * and the loop only matters when an imported file already used that key.
 */
import type { LtcDatabase } from '../db/database';

export function refMaker(db: LtcDatabase, table: 'staff' | 'residents'): () => string {
  const prefix = table === 'staff' ? 's' : 'r';
  const taken = db.raw.prepare(`SELECT 1 FROM ${table} WHERE ref = ?`).pluck();
  let n = (db.raw.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number) + 1;
  return () => {
    while (taken.get(`${prefix}${n}`)) n++;
    return `${prefix}${n++}`;
  };
}
