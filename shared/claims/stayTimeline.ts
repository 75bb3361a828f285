/**
 * Day status from stay events (docs/rules.md §6), the convention 算入不算出: the day one goes in
 * counts, the day one goes out does not. admit A … discharge X covers A … X−1; hospital H … return R
 * makes H … R−1 hospital days and R present again; the same for leave. Nobody types day counts.
 */
import type { CareMode, LocalDate, StayEvent } from '../domain/model';

export type DayStatus = 'present' | 'hospital' | 'leave';

/** A run of days with one status in one stay: from … to−1 (`to` null while the stay is open). */
export interface StaySegment {
  from: LocalDate;
  to: LocalDate | null;
  mode: CareMode;
  status: DayStatus;
}

export interface StayTimeline {
  segments: StaySegment[];
  /** date of death, if recorded */
  deathOn: LocalDate | null;
}

/** Events in date order; events of one date keep their recorded order (discharge, then re-admit). */
export function sortEvents(events: readonly StayEvent[]): StayEvent[] {
  return inDateOrder(events) ? events.slice() : sortedCopy(events);
}

/** Usually recorded in date order already: then nothing to sort (a claim builds every timeline). */
function inDateOrder(events: readonly StayEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if (!((events[i - 1] as StayEvent).date <= (events[i] as StayEvent).date)) return false;
  return true;
}

function sortedCopy(events: readonly StayEvent[]): StayEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date !== b.e.date ? (a.e.date < b.e.date ? -1 : 1) : a.i - b.i))
    .map((x) => x.e);
}

export function buildTimeline(events: readonly StayEvent[]): StayTimeline {
  const segments: StaySegment[] = [];
  let open: StaySegment | null = null;
  let deathOn: LocalDate | null = null;
  const close = (date: LocalDate): void => {
    if (open) {
      open.to = date;
      if (open.from < date) segments.push(open);
      open = null;
    }
  };
  // events already in date order are read as they are, not copied (a claim builds ~3,500 timelines)
  for (const e of inDateOrder(events) ? events : sortedCopy(events)) {
    const mode: CareMode = open ? open.mode : 'institutional';
    switch (e.type) {
      case 'admit':
        close(e.date);
        open = { from: e.date, to: null, mode: e.mode ?? 'institutional', status: 'present' };
        break;
      case 'hospital':
      case 'leave':
      case 'return':
        if (open) {
          close(e.date);
          open = { from: e.date, to: null, mode, status: e.type === 'return' ? 'present' : e.type };
        }
        break;
      case 'discharge':
        close(e.date);
        break;
      case 'death':
        close(e.date);
        deathOn = deathOn ?? e.date;
        break;
    }
  }
  if (open) segments.push(open);
  return { segments, deathOn };
}

/** The stay status on a day, or null when the day is outside every stay. */
export function statusOn(timeline: StayTimeline, date: LocalDate): StaySegment | null {
  for (const s of timeline.segments) {
    if (s.from <= date && (s.to === null || date < s.to)) return s;
  }
  return null;
}
