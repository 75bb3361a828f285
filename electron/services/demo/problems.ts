/**
 * The few faults a real month of service logs has, put into the demo's focus month (its last full
 * one) on purpose so the claim screen shows what it does with them: a visit cut short
 * (VISIT_TOO_SHORT), two visits of one caregiver overlapping (VISIT_OVERLAP, the "moved visit"
 * pattern inspectors look for), a medical item logged by a caregiver without a nurse licence
 * (NURSE_REQUIRED), and unconfirmed visits (VISIT_UNCONFIRMED; most come from the scheduler, this
 * makes sure there are some).
 */
import { minuteNumber } from '../../../shared/domain/dates';
import type { Visit } from '../../../shared/domain/model';
import type { Rng } from './prng';
import { clock } from './visits';

export interface InjectedProblems {
  tooShort: Visit[];
  overlapping: Array<readonly [Visit, Visit]>;
  medicalByCaregiver: Visit[];
}

/**
 * `visits` are in day order; the faults go into `visits[from]` … `visits[to - 1]`, the visits of the
 * demo's focus month. `count` of each fault (a handful for a demo, more for a big benchmark institution).
 */
export function injectProblems(rng: Rng, visits: Visit[], month: { from: number; to: number }, licensed: ReadonlySet<string>, count: number): InjectedProblems {
  const out: InjectedProblems = { tooShort: [], overlapping: [], medicalByCaregiver: [] };
  const { from, to } = month;
  const n = to - from;
  if (n <= 0 || count <= 0) return out;
  const touched = new Set<number>();
  const minute = (t: string): number => Number(t.slice(11, 13)) * 60 + Number(t.slice(14, 16));

  // Pairs of one caregiver's consecutive visits on one day (one pass: visits are in day order).
  const pairs: Array<readonly [number, number]> = [];
  const lastOf = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const v = visits[i] as Visit;
    if (licensed.has(v.staff)) continue;
    const prev = lastOf.get(v.staff);
    if (prev !== undefined && (visits[prev] as Visit).start.slice(0, 10) === v.start.slice(0, 10)) pairs.push([prev, i]);
    lastOf.set(v.staff, i);
  }
  rng.shuffle(pairs);
  for (const [a, b] of pairs) {
    if (out.overlapping.length >= count) break;
    if (touched.has(a) || touched.has(b)) continue;
    const va = visits[a] as Visit;
    const vb = visits[b] as Visit;
    const length = minuteNumber(vb.end) - minuteNumber(vb.start);
    // The second visit logged as starting before the first ended: one of them was not really there.
    const start = Math.max(minute(va.start) + 10, minute(va.end) - rng.int(15, 30));
    const day = vb.start.slice(0, 10);
    vb.start = `${day}T${clock(start)}`;
    vb.end = `${day}T${clock(start + length)}`;
    touched.add(a).add(b);
    out.overlapping.push([va, vb]);
  }

  const caregiverVisit = (): Visit | undefined => {
    for (let tries = 0; tries < 200; tries++) {
      const i = from + rng.int(0, n - 1);
      const v = visits[i] as Visit;
      if (touched.has(i) || licensed.has(v.staff) || !v.confirmed) continue;
      touched.add(i);
      return v;
    }
    return undefined;
  };

  for (let k = 0; k < count; k++) {
    const v = caregiverVisit();
    if (!v) break;
    // Left after 15–25 minutes: the client felt unwell, and the log says so.
    v.end = `${v.start.slice(0, 10)}T${clock(minute(v.start) + rng.int(15, 25))}`;
    v.note = '老人身体不适，服务提前结束';
    out.tooShort.push(v);
  }
  for (let k = 0; k < count; k++) {
    const v = caregiverVisit();
    if (!v) break;
    // A caregiver measured blood glucose at the family's request: a nurse's item (MC09).
    v.items = [...v.items, 'MC09'].sort();
    v.note = '应家属要求测血糖';
    out.medicalByCaregiver.push(v);
  }

  let unconfirmed = 0;
  for (let i = from; i < to; i++) if (!(visits[i] as Visit).confirmed) unconfirmed++;
  for (let k = unconfirmed; k < 3 * count; k++) {
    const v = caregiverVisit();
    if (!v) break;
    v.confirmed = false;
    v.note = '家属不在，待补签确认';
  }
  return out;
}
