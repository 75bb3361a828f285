/**
 * What the staff services judge by besides the records: today's date on the institution's clock and
 * the reminder leads of its policy pack (60/30/7 days by default, docs/rules.md §3).
 */
import type { CertificateView } from '../../../shared/api/staff';
import { certificateValidOn } from '../../../shared/claims/certificates';
import { daysBetween } from '../../../shared/domain/dates';
import type { CertificateType, LocalDate } from '../../../shared/domain/model';
import { expiryBand } from '../../../shared/domain/reminders';
import { DEFAULT_POLICY_ID, findPolicyPack } from '../../../shared/policy/registry';
import { serviceToday } from '../db/clock';
import type { LtcDatabase } from '../db/database';

/** Today on the institution's calendar (db/clock.ts: the one source of today). */
export { serviceToday };

/** The institution's pack's reminder leads; the default pack's before the institution is set up. */
export function reminderLeadDays(db: LtcDatabase): number[] {
  const policy = db.raw.prepare('SELECT policy_id FROM institution WHERE id = 1').pluck().get() as string | undefined;
  const pack = (policy && findPolicyPack(policy)) || findPolicyPack(DEFAULT_POLICY_ID);
  return pack ? [...pack.reminderLeadDays] : [60, 30, 7];
}

export interface CertificateRow {
  id: number;
  staff_id: number;
  type: CertificateType;
  number: string;
  level: string | null;
  issued_on: string;
  expires_on: string | null;
}

export const CERTIFICATE_COLUMNS = 'id, staff_id, type, number, level, issued_on, expires_on';

export function certificateView(r: CertificateRow, date: LocalDate, leads: readonly number[]): CertificateView {
  const expiresOn = r.expires_on;
  return {
    id: r.id,
    type: r.type,
    number: r.number,
    level: r.level,
    issuedOn: r.issued_on,
    expiresOn,
    daysLeft: expiresOn ? daysBetween(date, expiresOn) : null,
    band: expiresOn ? expiryBand(expiresOn, date, leads) : null,
    validOnDate: certificateValidOn({ type: r.type, number: r.number, issuedOn: r.issued_on, ...(expiresOn ? { expiresOn } : {}) }, date),
  };
}
