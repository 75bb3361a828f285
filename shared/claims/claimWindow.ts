/**
 * When a month may be claimed (docs/rules.md §8.4): a claim is for care given, so a month is submitted
 * (申报, and 补报) only once its last day is over. Submitting December on 12-06 froze 25 days of
 * bed-days that had not happened yet. One rule for the services (every face: window, host, `ltc`)
 * and the screen that explains why 申报 is disabled.
 */
import { monthEnd } from '../domain/dates';
import type { LocalDate, Month } from '../domain/model';

/** True once the month's last day is before `today`. */
export function monthHasEnded(month: Month, today: LocalDate): boolean {
  return monthEnd(month) < today;
}

/** Why the month cannot be submitted yet, in Chinese; null once it has ended. */
export function monthNotEndedReason(month: Month, today: LocalDate, what: '申报' | '补报' = '申报'): string | null {
  if (monthHasEnded(month, today)) return null;
  return `${month} 尚未结束（今天是 ${today}），要到月末最后一天（${monthEnd(month)}）过后才能${what}：结算只能包含已经发生的床日和服务。`;
}
