/**
 * The demo home's beds (床位): codes floor-room-bed (2-201-1), floor 1 being reception and canteen,
 * three beds a room. The admissions take codes from the plan; the bed register (the 床位 screen's
 * records) is the whole plan, so every institutional resident lies in a registered bed and the rest
 * are free, as in a home still filling up.
 */
import type { Rng } from './prng';

export interface DemoBed {
  /** 床位号, what the admissions name */
  code: string;
  /** 2-201: the form the 床位 screen offers for a code like 2-201-1 */
  room: string;
  floor: string;
}

/** Every bed of a home of `count` beds, in walking order (floor, room, bed). */
export function bedPlan(count: number): DemoBed[] {
  const roomsPerFloor = count <= 300 ? 10 : 20;
  const out: DemoBed[] = [];
  for (let i = 0; out.length < count; i++) {
    const floor = 2 + Math.floor(i / (roomsPerFloor * 3));
    const room = `${floor}${String(1 + (Math.floor(i / 3) % roomsPerFloor)).padStart(2, '0')}`;
    out.push({ code: `${floor}-${room}-${(i % 3) + 1}`, room: `${floor}-${room}`, floor: String(floor) });
  }
  return out;
}

/** The codes in the order admissions take them (popped from the end): occupancy spreads over floors. */
export function bedLabels(rng: Rng, count: number): string[] {
  return rng.shuffle(bedPlan(count).map((b) => b.code));
}
