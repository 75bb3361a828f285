/** The institution's own calendar on the services' side (docs/rules.md §5: local dates, never UTC). */
import type { LocalDate } from '../../../shared/domain/model';
import { serviceToday } from '../db/clock';

/** Today on the institution's calendar (db/clock.ts: the one source of today). */
export function localToday(): LocalDate {
  return serviceToday();
}

/** Whole years from birth to the date (the birthday itself counts). */
export function ageOn(birthDate: LocalDate, date: LocalDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
