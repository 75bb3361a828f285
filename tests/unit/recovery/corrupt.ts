/** Damages a database file the way a failing disk does: garbage over some of a table's pages. */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Writes garbage over the pages of `table` (its b-tree's pages from `dbstat`), all of them or every page
 * after the first `keep` leaves, leaving the file's header and schema intact. The file must be closed.
 */
export function garblePagesOf(file: string, table: string, keep = 0): number[] {
  const db = new BetterSqlite3(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(table) as number[];
  db.close();
  const pages = leaves.slice(keep);
  const fd = fs.openSync(file, 'r+');
  try {
    for (const p of pages) fs.writeSync(fd, Buffer.alloc(pageSize, 0xde), 0, pageSize, (p - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
  return pages;
}
