/**
 * Dates and times as people type them (issue 14: 2026/09/15, 20260915 and 2026-9-15 were cleared
 * without a word): read into the contract's forms, YYYY-MM-DD and YYYY-MM-DDTHH:mm, or null when the
 * text is no real date. Year first always: 09/15/2026 and 15.09.2026 are ambiguous and refused.
 */
import { isValidDate } from './dates';
import type { LocalDate, LocalDateTime } from './model';

const pad = (s: string): string => s.padStart(2, '0');

/**
 * `2026-09-15`, `2026/9/15`, `2026.9.15`, `20260915`, `2026年9月15日` → `2026-09-15` by shape alone, so a
 * caller can tell text that is no date from a date that does not exist (2026-02-30); null for the former.
 */
export function dateTextShape(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : null;
}

/** A typed date as above → `2026-09-15` when it is a real date, else null. */
export function normalizeDateText(text: string): LocalDate | null {
  const date = dateTextShape(text);
  return date && isValidDate(date) ? date : null;
}

/** A date as above, then a space or T, then `9:00`, `09:00` or `0900` → `2026-09-15T09:00`. */
export function normalizeDateTimeText(text: string): LocalDateTime | null {
  const m = /^(.+?)(?:\s+|T)(\d{1,2}):?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = normalizeDateText(m[1]!);
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (!date || h > 23 || min > 59) return null;
  return `${date}T${pad(m[2]!)}:${m[3]}`;
}
