/**
 * Once a month's regular claim is submitted its records are read-only (docs/rules.md §8.4): a
 * change needs a correction with a reason, which goes to the audit log. Write services call
 * `assertMonthWritable` with the month their change touches.
 *
 * While a month's submission is being prepared (its claim read, its package built: seconds for a big
 * month) its records are held as well, correction or not: a change committed then would be missing
 * from the claim being frozen. The hold is a row of submission_holds (migration 014), taken in a write
 * transaction before the claim is read, so another process writing the same file (the window while
 * `ltc submit` runs) sees it in the transaction of its own write; SQLite serialises the two, and a
 * write whose transaction began before the hold was taken cannot commit after it (WAL: its snapshot is
 * stale). This process also keeps its holds in memory, for the worker threads that write through their
 * own connections (withMonthsHeld). A row left by a killed process is recognised and taken over.
 */
import { hostname } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import type { LtcDatabase } from '../db/database';
import { localTimestamp } from '../db/clock';
import { writingElsewhere } from '../db/writeGate';
import { ServiceError } from '../errors';

const submitting = new Map<string, Set<string>>();

interface HoldRow {
  month: string;
  pid: number;
  host: string;
}

/** A hold whose process is gone (killed mid-submission) holds nothing. Another machine's is trusted. */
function alive(h: HoldRow): boolean {
  if (h.host !== hostname()) return true;
  if (h.pid === process.pid) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function heldInFile(raw: BetterSqlite3.Database): string[] {
  return (raw.prepare('SELECT month, pid, host FROM submission_holds').all() as HoldRow[]).filter(alive).map((h) => h.month);
}

/** The months of this database whose submission is being prepared now, by this process or another. */
export function submittingMonths(db: LtcDatabase): string[] {
  return [...new Set([...(submitting.get(db.file) ?? []), ...heldInFile(db.raw)])].sort();
}

/** Takes the month's row, in a write transaction that first looks for a live one; false when held. */
function takeFileHold(db: LtcDatabase, month: string): boolean {
  return db.raw
    .transaction(() => {
      if (heldInFile(db.raw).includes(month)) return false;
      db.raw
        .prepare('INSERT OR REPLACE INTO submission_holds (month, pid, host, started_at) VALUES (?, ?, ?, ?)')
        .run(month, process.pid, hostname(), localTimestamp());
      return true;
    })
    .immediate();
}

function releaseFileHold(db: LtcDatabase, month: string): void {
  db.raw.prepare('DELETE FROM submission_holds WHERE month = ? AND pid = ? AND host = ?').run(month, process.pid, hostname());
}

/** Runs a submission's preparation and storing with its month held; a second one for the month is refused meanwhile. */
export async function whileSubmitting<T>(db: LtcDatabase, month: string, work: () => Promise<T>): Promise<T> {
  // An import writing through a worker's connection (db/writeGate.ts) would not see this hold: the
  // submission waits for it instead.
  const importing = writingElsewhere(db);
  if (importing) throw new ServiceError('CONFLICT', `正在${importing}，请等导入完成后再申报，申报才包含这些记录。`);
  const months = submitting.get(db.file) ?? new Set<string>();
  const busy = (): ServiceError => new ServiceError('CONFLICT', `${month} 正在申报（生成申报包），请等它完成后再看结果，不要重复申报。`);
  if (months.has(month)) throw busy();
  if (!takeFileHold(db, month)) throw busy();
  months.add(month);
  submitting.set(db.file, months);
  try {
    return await work();
  } finally {
    months.delete(month);
    if (months.size === 0) submitting.delete(db.file);
    releaseFileHold(db, month);
  }
}

/**
 * In a worker thread that writes through its own connection: the months its owner holds, for the
 * duration of one piece of work (the hold lives in the owner thread's memory, not in the database).
 * No new hold can start meanwhile: whileSubmitting refuses while a worker writes.
 */
export async function withMonthsHeld<T>(file: string, months: readonly string[], work: () => Promise<T>): Promise<T> {
  if (months.length === 0) return work();
  submitting.set(file, new Set(months));
  try {
    return await work();
  } finally {
    submitting.delete(file);
  }
}

export function isMonthLocked(db: LtcDatabase, month: string): boolean {
  const r = db.raw.prepare("SELECT 1 FROM claims WHERE month = ? AND kind = 'regular' AND status IN ('submitted', 'settled')").get(month);
  return r !== undefined;
}

/**
 * Refuses a change to a submitted month unless it comes with a correction reason. Returns the reason
 * (to be written in the audit entry) or null for an ordinary change.
 */
export function assertMonthWritable(db: LtcDatabase, months: readonly string[], correctionReason?: string | null): string | null {
  const held = submittingMonths(db).filter((m) => months.includes(m));
  if (held.length > 0)
    throw new ServiceError('LOCKED', `${held.join('、')} 正在申报（生成申报包），完成前该月记录不能修改。请稍候再保存，已填写的内容不会丢失。`);
  const locked = [...new Set(months)].filter((m) => isMonthLocked(db, m));
  if (locked.length === 0) return null;
  const reason = correctionReason?.trim();
  if (!reason) {
    throw new ServiceError(
      'LOCKED',
      `${locked.join('、')} 的结算已申报，该月记录只读。如确需修改，请填写更正原因（将记入审计日志），修改后的结果通过补报申报。`,
    );
  }
  return reason;
}
