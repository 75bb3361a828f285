/**
 * Once a month's regular claim is submitted its records are read-only (docs/rules.md §8.4): a
 * change needs a correction with a reason, which goes to the audit log. Write services call
 * `assertMonthWritable` with the month their change touches.
 *
 * While a month's submission is being prepared (its claim read, its package built: seconds for a big
 * month) its records are held as well, correction or not: a change committed then would be missing
 * from the claim being frozen. The hold is per database file and lives in this process, which owns
 * the connection every window writes through.
 */
import type { LtcDatabase } from '../db/database';
import { writingElsewhere } from '../db/writeGate';
import { ServiceError } from '../errors';

const submitting = new Map<string, Set<string>>();

/** The months of this database whose submission is being prepared now. */
export function submittingMonths(db: LtcDatabase): string[] {
  return [...(submitting.get(db.file) ?? [])].sort();
}

/** Runs a submission's preparation and storing with its month held; a second one for the month is refused meanwhile. */
export async function whileSubmitting<T>(db: LtcDatabase, month: string, work: () => Promise<T>): Promise<T> {
  // An import writing through a worker's connection (db/writeGate.ts) would not see this hold: the
  // submission waits for it instead.
  const importing = writingElsewhere(db);
  if (importing) throw new ServiceError('CONFLICT', `正在${importing}，请等导入完成后再申报，申报才包含这些记录。`);
  const months = submitting.get(db.file) ?? new Set<string>();
  if (months.has(month)) throw new ServiceError('CONFLICT', `${month} 正在申报（生成申报包），请等它完成后再看结果，不要重复申报。`);
  months.add(month);
  submitting.set(db.file, months);
  try {
    return await work();
  } finally {
    months.delete(month);
    if (months.size === 0) submitting.delete(db.file);
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
