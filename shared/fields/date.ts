/**
 * 日期, the one definition of a typed date: YYYY-MM-DD in storage and on screen, and the forms people
 * type (2026/9/15, 20260915, 2026年9月15日, full-width digits) read alike by the forms' DateInput and
 * the imports' cells (shared/domain/typedDates.ts holds the patterns).
 */
import type { LocalDate, LocalDateTime } from '../domain/model';
import { dateTextShape, normalizeDateText, normalizeDateTimeText } from '../domain/typedDates';
import { halfWidth } from './typed';

export const DATE_HINT = 'YYYY-MM-DD，例如 2026-10-02';
export const DATE_TIME_HINT = 'YYYY-MM-DD HH:mm，例如 2026-10-02 09:00';

/** A typed date as YYYY-MM-DD, or null when it is no real date. */
export const readDate = (text: string): LocalDate | null => normalizeDateText(halfWidth(text));
/** The date a typed text has the shape of (2026-02-30 too), or null when it is no date at all: for messages. */
export const dateShape = (text: string): string | null => dateTextShape(halfWidth(text));
/** A typed date and time as YYYY-MM-DDTHH:mm, or null. */
export const readDateTime = (text: string): LocalDateTime | null => normalizeDateTimeText(halfWidth(text));
