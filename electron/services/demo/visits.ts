/**
 * Home visits (上门服务记录) for the demo, scheduled as an agency plans them: each client has fixed
 * weekdays, a usual time and a regular caregiver; clients needing nursing get a weekly nurse visit.
 * Days are filled in time order with a cursor per staff member, so nobody's visits overlap (the
 * deliberate overlap is added afterwards) and the work is linear in the number of visits: a
 * benchmark institution with 90,000 visits a month takes a moment, not minutes.
 */
import { dayNumber, fromDayNumber } from '../../../shared/domain/dates';
import type { GeoPoint, Level, LocalDate, Visit } from '../../../shared/domain/model';
import { dailyLifePlan, medicalPlan, someOf } from './careItems';
import { nearby } from './identity';
import type { Rng } from './prng';

export interface HomeClient {
  ref: string;
  level: Level;
  /** service period as day numbers: from the admission, up to (not including) `to` */
  from: number;
  to: number;
  /** hospital stays [hospital day, return day) as day numbers: no visits then */
  hospital: ReadonlyArray<readonly [number, number]>;
  home: GeoPoint;
}

export interface VisitSettings {
  first: LocalDate;
  last: LocalDate;
  visitsPerClientPerMonth: number;
  /** share of clients with a weekly nurse visit */
  nurseShare: number;
}

/** Usual start times in minutes after midnight, 90 minutes apart so an hour's visit and travel fit. */
const CARE_SLOTS = [450, 540, 630, 810, 900, 975];
const NURSE_SLOTS = [480, 570, 660, 840, 930];
const DAY_START = 7 * 60;
const DAY_END = 18 * 60;
/** Planned visits by level: the quota grows with the level (Ningbo 20/25/30 hours), so do visits. */
const LEVEL_FREQUENCY: Record<Level, number> = { 0: 0.8, 1: 0.8, 2: 0.85, 3: 0.85, 4: 1, 5: 1.2 };
const LEVEL_MINUTES: Record<Level, readonly number[]> = {
  0: [40, 45, 60],
  1: [40, 45, 60],
  2: [40, 45, 60],
  3: [40, 45, 50, 60, 60],
  4: [50, 60, 60, 75, 90],
  5: [60, 75, 90, 90, 110],
};

const HHMM: readonly string[] = Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** `HH:mm` of a minute of the day. */
export const clock = (minute: number): string => HHMM[minute] ?? '00:00';

interface Plan {
  client: HomeClient;
  carer: number;
  pref: number;
  /** weekday (1–7) → visits that day (0, 1 or 2) */
  perDay: number[];
  minutes: number;
  items: string[];
  nurse: number;
  nurseDay: number;
  nursePref: number;
  medical: string[];
}

export function scheduleVisits(rng: Rng, clients: readonly HomeClient[], carers: readonly string[], nurses: readonly string[], s: VisitSettings): Visit[] {
  if (carers.length === 0 || clients.length === 0) return [];
  const plans = planClients(rng, clients, carers.length, nurses.length, s);
  const byWeekday: Plan[][] = Array.from({ length: 8 }, () => []);
  const nurseByWeekday: Plan[][] = Array.from({ length: 8 }, () => []);
  for (const p of plans) {
    for (let wd = 1; wd <= 7; wd++) if ((p.perDay[wd] ?? 0) > 0) byWeekday[wd]?.push(p);
    if (p.nurse >= 0) nurseByWeekday[p.nurseDay]?.push(p);
  }

  const visits: Visit[] = [];
  const careFree = new Int32Array(carers.length);
  const nurseFree = new Int32Array(nurses.length);
  const lastDay = dayNumber(s.last);
  const unconfirmedFrom = lastDay - 2;
  for (let day = dayNumber(s.first); day <= lastDay; day++) {
    const date = fromDayNumber(day);
    const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
    careFree.fill(0);
    nurseFree.fill(0);
    const wanted: Array<{ p: Plan; nurse: boolean; pref: number }> = [];
    for (const p of byWeekday[weekday] ?? []) {
      if (!serving(p.client, day)) continue;
      wanted.push({ p, nurse: false, pref: p.pref });
      // More than seven visits a week: a second one the same day, six hours apart.
      if ((p.perDay[weekday] ?? 0) > 1) wanted.push({ p, nurse: false, pref: p.pref < 720 ? p.pref + 360 : p.pref - 360 });
    }
    for (const p of nurseByWeekday[weekday] ?? []) if (serving(p.client, day)) wanted.push({ p, nurse: true, pref: p.nursePref });
    wanted.sort((a, b) => a.pref - b.pref);

    for (const w of wanted) {
      const pool = w.nurse ? nurses : carers;
      const free = w.nurse ? nurseFree : careFree;
      const desired = Math.min(DAY_END - 45, Math.max(DAY_START, w.pref + rng.int(-10, 15)));
      let who = -1;
      let start = 0;
      // The regular caregiver if the day allows, else a colleague (as a real rota covers).
      for (let attempt = 0; attempt < 7 && who < 0; attempt++) {
        const cand = attempt === 0 ? (w.nurse ? w.p.nurse : w.p.carer) : rng.int(0, pool.length - 1);
        const busyUntil = free[cand] ?? 0;
        const at = busyUntil === 0 ? desired : Math.max(desired, busyUntil + rng.int(10, 25));
        if (at - desired <= 60 && at + 40 <= DAY_END) {
          who = cand;
          start = at;
        }
      }
      if (who < 0) continue; // no one free: the visit did not happen, as some planned visits do not
      const planned = w.nurse ? rng.int(32, 50) : w.p.minutes + rng.int(-5, 10);
      const end = start + Math.min(120, Math.max(32, planned), DAY_END - start);
      free[who] = end;
      const items = w.nurse ? nurseItems(rng, w.p.medical) : someOf(rng, w.p.items, 2, 4);
      const unconfirmed = rng.chance(day >= unconfirmedFrom ? 0.3 : 0.035);
      const visit: Visit = {
        ref: '',
        resident: w.p.client.ref,
        staff: pool[who] as string,
        start: `${date}T${clock(start)}`,
        end: `${date}T${clock(end)}`,
        items,
        confirmed: !unconfirmed,
        checkIn: nearby(rng, w.p.client.home),
        checkOut: nearby(rng, w.p.client.home),
      };
      if (unconfirmed && rng.chance(0.5)) visit.note = '家属不在，待补签确认';
      else if (!unconfirmed && rng.chance(0.015)) visit.note = '老人手抖，由家属代签';
      visits.push(visit);
    }
  }
  return visits;
}

function serving(c: HomeClient, day: number): boolean {
  if (day < c.from || day >= c.to) return false;
  for (const [h, r] of c.hospital) if (day >= h && day < r) return false;
  return true;
}

function planClients(rng: Rng, clients: readonly HomeClient[], carers: number, nurses: number, s: VisitSettings): Plan[] {
  // Which weekdays each staff member's usual slots are taken: a new client gets the slot that
  // clashes least, as a head nurse fills a rota.
  const careSlots = Array.from({ length: carers }, () => new Uint8Array(CARE_SLOTS.length * 8));
  const nurseSlots = Array.from({ length: nurses }, () => new Uint8Array(NURSE_SLOTS.length * 8));
  const weekly = (s.visitsPerClientPerMonth * 12) / 52;
  const carerOrder = rng.shuffle([...Array(carers).keys()]);
  const nurseOrder = rng.shuffle([...Array(nurses).keys()]);
  let nursed = 0;
  return clients.map((client, i) => {
    const perWeek = weekly * LEVEL_FREQUENCY[client.level];
    const days = Math.min(7, Math.max(1, Math.floor(perWeek) + (rng.chance(perWeek % 1) ? 1 : 0)));
    const perDay = new Array<number>(8).fill(0);
    // Spread evenly over the week (Mon/Thu, Mon/Wed/Fri …), from a random first day.
    const offset = rng.int(0, 6);
    for (let j = 0; j < days; j++) perDay[((offset + Math.round((j * 7) / days)) % 7) + 1] = 1;
    const extra = Math.min(7, Math.max(0, Math.round(perWeek - 7)));
    for (let j = 0; j < extra; j++) perDay[j + 1] = 2;

    const carer = carerOrder[i % carers] as number;
    const pref = bestSlot(rng, careSlots[carer], CARE_SLOTS, perDay);
    let nurse = -1;
    let nurseDay = 0;
    let nursePref = 0;
    if (nurses > 0 && rng.chance(s.nurseShare)) {
      nurse = nurseOrder[nursed++ % nurses] as number;
      const free = [1, 2, 3, 4, 5, 6, 7].filter((d) => perDay[d] === 0);
      nurseDay = free.length > 0 ? rng.pick(free) : rng.int(1, 7);
      const onDay = new Array<number>(8).fill(0);
      onDay[nurseDay] = 1;
      nursePref = bestSlot(rng, nurseSlots[nurse], NURSE_SLOTS, onDay);
    }
    return {
      client,
      carer,
      pref,
      perDay,
      minutes: rng.pick(LEVEL_MINUTES[client.level]),
      items: dailyLifePlan(rng, client.level),
      nurse,
      nurseDay,
      nursePref,
      medical: nurse >= 0 ? medicalPlan(rng) : [],
    };
  });
}

/** The slot with the fewest clashes on the client's weekdays; marks it taken. Returns a start minute. */
function bestSlot(rng: Rng, taken: Uint8Array | undefined, slots: readonly number[], perDay: readonly number[]): number {
  let best = 0;
  let bestClash = Infinity;
  const first = rng.int(0, slots.length - 1);
  for (let k = 0; k < slots.length; k++) {
    const slot = (first + k) % slots.length;
    let clash = 0;
    for (let d = 1; d <= 7; d++) if ((perDay[d] ?? 0) > 0) clash += taken?.[slot * 8 + d] ?? 0;
    if (clash < bestClash) {
      bestClash = clash;
      best = slot;
    }
  }
  if (taken) for (let d = 1; d <= 7; d++) if ((perDay[d] ?? 0) > 0) taken[best * 8 + d] = (taken[best * 8 + d] ?? 0) + 1;
  return (slots[best] ?? DAY_START) + rng.int(-10, 10);
}

/** Vital signs and most of the person's nursing needs; sometimes skin care the nurse does anyway. */
function nurseItems(rng: Rng, medical: readonly string[]): string[] {
  const items = medical.filter((code) => code === 'MC05' || rng.chance(0.7));
  if (rng.chance(0.25)) items.push('LC25');
  return items.sort();
}
