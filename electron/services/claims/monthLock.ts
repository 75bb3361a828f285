/**
 * Once a month's regular claim is submitted its records are read-only (DOMAIN.md section 8): a
 * change needs a correction with a reason, which goes to the audit log. Write services call
 * `assertMonthWritable` with the month their change touches.
 */
import type { LtcDatabase } from '../db/database';
import { ServiceError } from '../errors';

export function isMonthLocked(db: LtcDatabase, month: string): boolean {
  const r = db.raw.prepare("SELECT 1 FROM claims WHERE month = ? AND kind = 'regular' AND status IN ('submitted', 'settled')").get(month);
  return r !== undefined;
}

/**
 * Refuses a change to a submitted month unless it comes with a correction reason. Returns the reason
 * (to be written in the audit entry) or null for an ordinary change.
 */
export function assertMonthWritable(db: LtcDatabase, months: readonly string[], correctionReason?: string | null): string | null {
  const locked = [...new Set(months)].filter((m) => isMonthLocked(db, m));
  if (locked.length === 0) return null;
  const reason = correctionReason?.trim();
  if (!reason) {
    throw new ServiceError('LOCKED', `${locked.join('、')} 的结算已申报，该月记录只读。如确需修改，请填写更正原因（将记入审计日志），修改后的结果通过补报申报。`);
  }
  return reason;
}
