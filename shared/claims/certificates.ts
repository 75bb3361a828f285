/**
 * Who may do which item (docs/rules.md §3): medical items (医疗护理类) need a nurse licence valid
 * on the service date; daily-life items (生活照护类) need any valid caregiver certificate or licence.
 */
import type { Certificate, CertificateType, LocalDate } from '../domain/model';

export function certificateValidOn(c: Certificate, date: LocalDate): boolean {
  return c.issuedOn <= date && (!c.expiresOn || date <= c.expiresOn);
}

export function hasValidCertificate(certs: readonly Certificate[], date: LocalDate, type?: CertificateType): boolean {
  return certs.some((c) => (!type || c.type === type) && certificateValidOn(c, date));
}

/** The date a certificate runs out, when it is within `days` after `from` (for reminders). */
export function expiresWithin(c: Certificate, from: LocalDate, until: LocalDate): boolean {
  return !!c.expiresOn && from <= c.expiresOn && c.expiresOn <= until;
}
