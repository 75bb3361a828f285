/** The institution's own calendar on the services' side (DOMAIN.md 5: local dates, never UTC). */
import type { LocalDate } from '../../../shared/domain/model';

// db/clock's today (LTC_TODAY in tests), kept under the name the residents' services import.
export { localToday } from '../db/clock';

/** Whole years from birth to the date (the birthday itself counts). */
export function ageOn(birthDate: LocalDate, date: LocalDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
