/**
 * The days the demo covers. Two kinds of window:
 *  - relative to a today (what `ltc demo` makes): the last `months` full months, then the current
 *    month up to today, and nothing after today (a record dated in the future is refused by the
 *    services). The demo's stories and deliberate faults go into the last full month: the month an
 *    institution closes at the start of the next, so the claim a new user opens first shows them.
 *  - whole months ending with `endMonth` (the benchmark's fixed window, the tests' default): the
 *    stories and faults go into `endMonth` itself.
 */
import { addMonthsToMonth, isValidDate, isValidMonth, monthEnd, monthOf, monthStart } from '../../../shared/domain/dates';
import type { LocalDate, Month } from '../../../shared/domain/model';

export interface DemoWindow {
  /** the 1st of the first month */
  first: LocalDate;
  /** the last day with records: today, or the end of `endMonth` */
  last: LocalDate;
  /** the month of `last` */
  endMonth: Month;
  /** full months of records */
  months: number;
  /** the month whose claim shows the stories and faults: the last full month */
  focus: Month;
  /** the last day of `focus` (`last` itself in a window of whole months) */
  focusLast: LocalDate;
  /** the today the window ends on, or null for a window of whole months */
  today: LocalDate | null;
}

/** The default end of a window of whole months: the month the tests and the benchmark measure. */
export const DEFAULT_END_MONTH: Month = '2026-10';

export function demoWindow(opts: { today?: LocalDate; endMonth?: Month; months: number }): DemoWindow {
  const { today, endMonth, months } = opts;
  if (today !== undefined) {
    if (endMonth !== undefined) throw new RangeError('give the demo either today or endMonth, not both');
    if (!isValidDate(today)) throw new RangeError(`today must be a date YYYY-MM-DD, got “${today}”`);
    const current = monthOf(today);
    const focus = addMonthsToMonth(current, -1);
    return { first: monthStart(addMonthsToMonth(current, -months)), last: today, endMonth: current, months, focus, focusLast: monthEnd(focus), today };
  }
  const end = endMonth ?? DEFAULT_END_MONTH;
  if (!isValidMonth(end)) throw new RangeError(`endMonth must be a month YYYY-MM, got “${end}”`);
  const last = monthEnd(end);
  return { first: monthStart(addMonthsToMonth(end, -(months - 1))), last, endMonth: end, months, focus: end, focusLast: last, today: null };
}
