/**
 * Groups day issues into runs of consecutive days (10-01 … 10-31 becomes one issue, not 31), which is
 * how an administrator reads them (docs/rules.md §6.2, §8.2).
 */
import { addDays } from '../domain/dates';
import type { LocalDate } from '../domain/model';

export interface DayRun<K> {
  key: K;
  from: LocalDate;
  to: LocalDate;
  days: number;
}

export class DayRuns<K> {
  private readonly runs: DayRun<K>[] = [];
  private readonly open = new Map<K, DayRun<K>>();

  add(key: K, date: LocalDate): void {
    const cur = this.open.get(key);
    if (cur && addDays(cur.to, 1) === date) {
      cur.to = date;
      cur.days++;
      return;
    }
    const run = { key, from: date, to: date, days: 1 };
    this.runs.push(run);
    this.open.set(key, run);
  }

  list(): readonly DayRun<K>[] {
    return this.runs;
  }
}
