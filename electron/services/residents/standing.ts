/** Where a person is on a day, from the claim engine's own timeline (shared/claims/stayTimeline.ts). */
import type { ResidentStatus } from '../../../shared/api/residents';
import { buildTimeline, sortEvents, statusOn } from '../../../shared/claims/stayTimeline';
import type { CareMode, LocalDate, StayEvent } from '../../../shared/domain/model';

export interface Standing {
  status: ResidentStatus;
  /** the date of the event that put the person in this status */
  since: LocalDate | null;
  /** of the latest admission up to the day */
  mode: CareMode | null;
  admittedOn: LocalDate | null;
  /** the bed held that day (institutional stays only) */
  bed: string | null;
}

export function standingOn(events: readonly StayEvent[], date: LocalDate): Standing {
  const timeline = buildTimeline(events);
  const upTo = sortEvents(events).filter((e) => e.date <= date);
  const lastOf = (type: StayEvent['type']) => [...upTo].reverse().find((e) => e.type === type);
  const admit = lastOf('admit');
  const mode = admit?.mode ?? null;
  const admittedOn = admit?.date ?? null;
  const seg = statusOn(timeline, date);
  if (seg) return { status: seg.status, since: seg.from, mode: seg.mode, admittedOn, bed: seg.mode === 'institutional' ? (admit?.bed ?? null) : null };
  if (timeline.deathOn && timeline.deathOn <= date) return { status: 'deceased', since: timeline.deathOn, mode, admittedOn, bed: null };
  if (admit) return { status: 'discharged', since: lastOf('discharge')?.date ?? null, mode, admittedOn, bed: null };
  return { status: 'none', since: null, mode: null, admittedOn: null, bed: null };
}
