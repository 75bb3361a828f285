/**
 * What every demo dataset must satisfy, whatever its window: the checks both demo test files share.
 */
import catalogue from '../../../resources/catalogues/interim-42.json';
import { addDays, addMonths, firstOfNextMonth, minutesBetween } from '../../../shared/domain/dates';
import type { Dataset, Resident, Visit } from '../../../shared/domain/model';

export const itemClass = new Map(catalogue.items.map((i) => [i.code, i.class]));

export const admitOf = (r: Resident) => r.events[0]!;
export const homeClients = (d: Dataset) => d.residents.filter((r) => admitOf(r).mode === 'home');
export const nurseRefs = (d: Dataset) => new Set(d.staff.filter((s) => s.certificates.some((c) => c.type === 'nurse-licence')).map((s) => s.ref));
export const validUntil = (concludedOn: string) => addDays(addMonths(firstOfNextMonth(concludedOn), 24), -1);

/** The brief's grammar: admit → [hospital|leave → return]* → discharge|death, dates increasing. */
export function orderProblem(r: Resident): string | null {
  const [first, ...rest] = r.events;
  if (first?.type !== 'admit' || !first.mode) return 'does not start with an admission with a mode';
  let state: 'present' | 'away' | 'ended' = 'present';
  let prev = first.date;
  for (const e of rest) {
    if (e.date <= prev) return `${e.type} ${e.date} not after ${prev}`;
    prev = e.date;
    if (e.mode || e.bed) return `${e.type} carries mode or bed`;
    if (state === 'ended') return `${e.type} after the end of the stay`;
    if (state === 'away') {
      if (e.type !== 'return') return `${e.type} while away`;
      state = 'present';
    } else if (e.type === 'hospital' || e.type === 'leave') state = 'away';
    else if (e.type === 'discharge' || e.type === 'death') state = 'ended';
    else return `${e.type} while present`;
  }
  return state === 'away' ? 'away at the end of the window' : null;
}

/** Whether a home client is served on a date: admitted, not yet gone, not in hospital. */
export function inService(r: Resident, date: string): boolean {
  let served = false;
  for (const e of r.events) {
    if (e.date > date) break;
    served = e.type === 'admit' || e.type === 'return';
  }
  return served;
}

/** Pairs of one staff member's visits overlapping in time. */
export function overlaps(visits: readonly Visit[]): Array<[Visit, Visit]> {
  const byStaff = new Map<string, Visit[]>();
  for (const v of visits) {
    const list = byStaff.get(v.staff);
    if (list) list.push(v);
    else byStaff.set(v.staff, [v]);
  }
  const out: Array<[Visit, Visit]> = [];
  for (const list of byStaff.values()) {
    list.sort((a, b) => (a.start < b.start ? -1 : 1));
    for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.end) out.push([list[i - 1]!, list[i]!]);
  }
  return out;
}

export const isShort = (v: Visit) => minutesBetween(v.start, v.end) < 30;
export const medicalByNonNurse = (d: Dataset) => d.visits.filter((v) => !nurseRefs(d).has(v.staff) && v.items.some((c) => itemClass.get(c) === 'medical'));
