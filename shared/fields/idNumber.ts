/**
 * 身份证号, the one definition: its label, how typed text becomes one, how it is weighed, how it is shown.
 * The contract's schemas, the forms, the imports and the documents use this and nothing else, so a
 * number typed in full width, with spaces or a lower-case x, is the same number everywhere.
 * The rules themselves (GB 11643-1999) are in shared/domain/ids.ts (docs/rules.md §9).
 */
import { z } from 'zod';
import { idBornAfter, idNumberProblem, maskIdNumber } from '../domain/ids';
import type { LocalDate } from '../domain/model';
import { halfWidth } from './typed';
import { visible } from './visibleText';

export const ID_NUMBER_LABEL = '身份证号';
/** What the forms' placeholders and the templates' notes say about it. */
export const ID_NUMBER_HINT = '18位，末位X大写';

/** Typed text as the number it means: half-width, no spaces, X upper case. */
export const normalizeIdNumber = (text: string): string => halfWidth(text).replace(/\s/g, '').toUpperCase();

/**
 * How an ID number typed for a person is weighed: one that is not 18 characters of digits (and a
 * final X) cannot be anybody's and is refused, and so is one born after today (docs/rules.md §9: nobody
 * on the roll is not born yet; it is a typing error, e.g. 2099 for 1949). A birth date that is not a
 * date or a check character that fails is only a warning, because the number may be right on the
 * card and wrong in our check of it, and the record must be storable either way (docs/rules.md
 * §8.1: BAD_ID_NUMBER keeps all records).
 */
export function weighIdNumber(id: string, today?: LocalDate): { error: string | null; warning: string | null } {
  const problem = idNumberProblem(id, today);
  if (!problem) return { error: null, warning: null };
  return /^\d{17}[\dX]$/.test(id) && !idBornAfter(id, today) ? { error: null, warning: problem } : { error: problem, warning: null };
}

/** The contract's field: required, normalized; longer than 18 is let through so the services can say exactly what is wrong. */
export const idNumberInput = z
  .string()
  .transform(normalizeIdNumber)
  .pipe(visible(z.string().min(1, `请填写${ID_NUMBER_LABEL}`).max(30, `${ID_NUMBER_LABEL}应为18位`), ID_NUMBER_LABEL));

/** `110105********002X`: what screens and PDFs show (PIPL), unless the agency's form needs it whole. */
export { maskIdNumber };
