/**
 * What the staff services judge by besides the records: today's date on the institution's clock and
 * the reminder leads of its policy pack (60/30/7 days by default, DOMAIN.md section 3).
 */
import type { CertificateView } from '../../../shared/api/staff';
import { certificateValidOn } from '../../../shared/claims/certificates';
import { daysBetween, isValidDate } from '../../../shared/domain/dates';
import type { CertificateType, LocalDate } from '../../../shared/domain/model';
import { expiryBand } from '../../../shared/domain/reminders';
import { DEFAULT_POLICY_ID, findPolicyPack } from '../../../shared/policy/registry';
import { localTimestamp } from '../db/clock';
import type { LtcDatabase } from '../db/database';

/**
 * The local calendar date (localTimestamp is local wall-clock time, never UTC): the one "today" every
 * service judges by (certificates, ages, whether a month has ended and may be submitted).
 * `LTC_TODAY=YYYY-MM-DD` in the environment pins it, so tests (unit, `ltc`, the e2e host) see the
 * same day whatever the machine's clock says; it is never set in an installed app.
 */
export function serviceToday(): LocalDate {
  const pinned = process.env['LTC_TODAY'];
  if (pinned !== undefined && pinned !== '') {
    if (!isValidDate(pinned)) throw new Error(`LTC_TODAY 应为 YYYY-MM-DD 格式的日期（现为“${pinned}”）`);
    return pinned;
  }
  return localTimestamp().slice(0, 10);
}

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
