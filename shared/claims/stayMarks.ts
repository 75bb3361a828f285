/**
 * The days a stay begins or ends, for labelling: 入院 (admission: the first day of the stay, counted),
 * 出院 (discharge) and 死亡 (death: both the day after the stay's last day, not counted, docs/rules.md
 * §6.2). A view that shows only day statuses would print the discharge day as "outside the stay";
 * the clerk checking a register against the ward's book looks for the event itself. Labels only:
 * which days are billable stays with the claim (stayTimeline.ts, institutional.ts).
 */
import { addDays } from '../domain/dates';
import type { CareMode, LocalDate, Month, StayEvent } from '../domain/model';
import { buildTimeline, sortEvents, statusOn } from './stayTimeline';

export type StayMark = 'admit' | 'discharge' | 'death';

/** The mark of each day of the month that has one, with the care mode of the stay it begins or ends. */
export function stayMarksOfMonth(events: readonly StayEvent[], month: Month): Map<LocalDate, { mark: StayMark; mode: CareMode }> {
  const timeline = buildTimeline(events);
  const marks = new Map<LocalDate, { mark: StayMark; mode: CareMode }>();
  for (const e of sortEvents(events)) {
    if (!e.date.startsWith(`${month}-`)) continue;
    if (e.type === 'admit') {
      // a discharge and a re-admission the same day: the day is in the new stay, so it reads 入院
      marks.set(e.date, { mark: 'admit', mode: e.mode ?? 'institutional' });
    } else if ((e.type === 'discharge' || e.type === 'death') && marks.get(e.date)?.mark !== 'admit') {
      // the stay it ends is the one the day before was in; an event that ends no stay marks nothing
      const before = statusOn(timeline, addDays(e.date, -1));
      if (before) marks.set(e.date, { mark: e.type, mode: before.mode });
    }
  }
  return marks;
}
