/**
 * Writes made by a worker thread through its own connection (a big import), seen from the connection's
 * owner. SQLite lets one connection write at a time; while a worker holds the write lock, an owner write
 * would wait in SQLite's busy handler and freeze the thread that serves every window for as long as the
 * import takes. So while a worker writes, the owner's connection does not wait (busy_timeout 0): a save
 * made meanwhile is refused at once with a Chinese message naming the import (api/dispatch.ts), and the
 * user saves again a few seconds later, nothing lost. One worker write at a time per database file.
 */
import { ServiceError } from '../errors';
import { type LtcDatabase } from './database';
import { busyTimeoutMs } from './busyTimeout';

const writing = new Map<string, string>();

/** What a worker is writing into this database now (`导入上门服务记录`), or null. */
export function writingElsewhere(db: LtcDatabase): string | null {
  return writing.get(db.file) ?? null;
}

export async function whileWorkerWrites<T>(db: LtcDatabase, label: string, work: () => Promise<T>): Promise<T> {
  const busy = writingElsewhere(db);
  if (busy) throw new ServiceError('CONFLICT', `正在${busy}，请等它完成后再${label}。`);
  writing.set(db.file, label);
  db.raw.pragma('busy_timeout = 0');
  try {
    return await work();
  } finally {
    writing.delete(db.file);
    if (db.raw.open) db.raw.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  }
}
