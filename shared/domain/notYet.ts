/**
 * Records of things that have not happened yet are refused (issue 14): a visit, a stay event or an
 * assessment conclusion dated after today. A record ON today is fine (a visit this afternoon, an
 * admission this morning); a benefit start in the future is fine too (it follows from a conclusion
 * already made, docs/rules.md §2). Every face and every generator judges by these functions, with the
 * services' today (electron/services/db/clock.ts), so the window, the host, `ltc import` and the
 * demo agree on the rule.
 */
import { dateOf } from './dates';
import { STAY_EVENT_NAMES } from './glossary';
import type { LocalDate, LocalDateTime, StayEventType } from './model';

/** A visit belongs to the day it starts (docs/rules.md §5.2); one that starts today may end after midnight. */
export function visitNotYet(start: LocalDateTime, today: LocalDate): string | null {
  const date = dateOf(start);
  return date > today ? `开始时间 ${start.replace('T', ' ')} 晚于今天（${today}）：不能录入尚未发生的服务，请核对日期` : null;
}

export function stayEventNotYet(type: StayEventType, date: LocalDate, today: LocalDate): string | null {
  const name = STAY_EVENT_NAMES[type];
  return date > today ? `${name}日期 ${date} 晚于今天（${today}）：入住记录只登记已经发生的${name}，请核对日期，到当天再登记` : null;
}

export function assessmentNotYet(concludedOn: LocalDate, today: LocalDate): string | null {
  return concludedOn > today
    ? `评估结论日期 ${concludedOn} 晚于今天（${today}）：请按结论书上已作出结论的日期录入（待遇开始日可以在将来，结论日期不能）`
    : null;
}
