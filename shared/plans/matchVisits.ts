/**
 * Plan against done: a recorded visit matches a planned one of the same client and caregiver on the same
 * day whose start is within the tolerance (PlanRules.matchToleranceMinutes); each is matched at most once,
 * nearest start first. What is left is missed (planned, not done) and unplanned (done, not planned).
 */
import type { LocalDate } from '../domain/model';

export interface Done {
  ref: string;
  residentId: number;
  staffId: number;
  date: LocalDate;
  /** `HH:mm` */
  start: string;
}

export interface Planned {
  id: number;
  residentId: number;
  staffId: number | null;
  date: LocalDate;
  start: string;
}

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function matchVisits(
  planned: readonly Planned[],
  done: readonly Done[],
  tolerance: number,
): { pairs: [Planned, Done][]; missed: Planned[]; unplanned: Done[] } {
  const candidates: { p: Planned; d: Done; gap: number }[] = [];
  const byKey = new Map<string, Done[]>();
  for (const d of done) byKey.set(`${d.residentId}|${d.staffId}|${d.date}`, [...(byKey.get(`${d.residentId}|${d.staffId}|${d.date}`) ?? []), d]);
  for (const p of planned) {
    if (p.staffId === null) continue;
    for (const d of byKey.get(`${p.residentId}|${p.staffId}|${p.date}`) ?? []) {
      const gap = Math.abs(clock(d.start) - clock(p.start));
      if (gap <= tolerance) candidates.push({ p, d, gap });
    }
  }
  candidates.sort((a, b) => a.gap - b.gap);
  const usedP = new Set<number>();
  const usedD = new Set<string>();
  const pairs: [Planned, Done][] = [];
  for (const c of candidates) {
    if (usedP.has(c.p.id) || usedD.has(c.d.ref)) continue;
    usedP.add(c.p.id);
    usedD.add(c.d.ref);
    pairs.push([c.p, c.d]);
  }
  return { pairs, missed: planned.filter((p) => !usedP.has(p.id)), unplanned: done.filter((d) => !usedD.has(d.ref)) };
}
