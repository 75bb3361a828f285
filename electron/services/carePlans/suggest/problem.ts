/**
 * 派单建议's problem for a month, built from the plans (shared/plans/expand.ts): every visit asked for,
 * with its window, its area, and the few caregivers who may take it, cheapest first: the plan's preferred
 * caregiver, those who served the client before (continuity), then those working in the client's 街道.
 * A caregiver may take a visit only when employed that day, holding a valid certificate (a nurse licence
 * for medical items, docs/rules.md §3), not excluded by the plan, and not on leave or rest in the rota.
 * Plain data, so it crosses to the solver worker as is.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { certificateValidOn } from '../../../../shared/claims/certificates';
import { addDays, monthEnd, monthStart } from '../../../../shared/domain/dates';
import type { LocalDate, Month } from '../../../../shared/domain/model';
import { areaOf } from '../../../../shared/plans/area';
import { expandPlan } from '../../../../shared/plans/expand';
import type { PlanRules } from '../../../../shared/plans/types';
import { caregivers, homeClients, readPlanRules, readPlans, requirePolicy } from '../planFacts';

export interface Demand {
  residentId: number;
  name: string;
  date: LocalDate;
  earliest: number;
  latest: number;
  minutes: number;
  /** the 街道 key (components are solved per day and street) */
  street: string;
  estate: string;
  /** caregivers who may take it, and what each costs (0 preferred, 1 continuity, 2 the area's) */
  candidates: number[];
  costs: number[];
}

export interface SchedulingProblem {
  month: Month;
  from: LocalDate;
  rules: PlanRules;
  demands: Demand[];
  staffNames: Record<number, string>;
}

const MAX_CANDIDATES = 16;

export function buildSchedulingProblem(sql: BetterSqlite3.Database, month: Month, from: LocalDate = monthStart(month)): SchedulingProblem {
  const policy = requirePolicy(sql);
  const rules = readPlanRules(sql);
  const plans = readPlans(sql);
  const clients = new Map(homeClients(sql, policy).map((c) => [c.id, c]));
  const staff = caregivers(sql);
  const items = new Map(policy.catalogue.items.map((i) => [i.code, i]));
  const to = monthEnd(month);
  const off = new Set(
    (
      sql
        .prepare("SELECT c.staff_id, c.date FROM rota_cells c JOIN shift_types t ON t.id = c.shift_type_id WHERE t.kind <> 'work' AND c.date BETWEEN ? AND ?")
        .all(from, to) as { staff_id: number; date: string }[]
    ).map((r) => `${r.staff_id}|${r.date}`),
  );
  // continuity: who visited each client in the 60 days before the month; home street: where a caregiver went most
  const past = sql
    .prepare('SELECT v.staff_id, v.resident_id, r.address FROM visits v JOIN residents r ON r.id = v.resident_id WHERE v.start_at >= ? AND v.start_at < ?')
    .all(addDays(monthStart(month), -60), monthStart(month)) as { staff_id: number; resident_id: number; address: string | null }[];
  const served = new Map<number, Set<number>>();
  const streetCount = new Map<number, Map<string, number>>();
  for (const p of past) {
    served.set(p.resident_id, (served.get(p.resident_id) ?? new Set()).add(p.staff_id));
    const m = streetCount.get(p.staff_id) ?? new Map<string, number>();
    const st = areaOf(p.address).street;
    m.set(st, (m.get(st) ?? 0) + 1);
    streetCount.set(p.staff_id, m);
  }
  const demands: Demand[] = [];
  for (const plan of plans.values()) {
    const c = clients.get(plan.residentId);
    if (!c) continue;
    const area = areaOf(c.address);
    const eligibleLevel = (d: LocalDate) => {
      const l = c.levelOn(d);
      return l !== null && policy.pack.eligibleLevels.includes(l);
    };
    for (const d of expandPlan(plan, from, to, (date) => c.inServiceOn(date) && eligibleLevel(date))) {
      demands.push({ ...d, name: c.name, street: area.street, estate: area.estate, candidates: [], costs: [], residentId: c.id });
    }
  }
  // caregivers without a history are spread over the streets in proportion to their visits
  const demandByStreet = new Map<string, number>();
  for (const d of demands) demandByStreet.set(d.street, (demandByStreet.get(d.street) ?? 0) + 1);
  const homeStreet = new Map<number, string>();
  const carersIn = new Map<string, number>();
  for (const s of staff) {
    const m = streetCount.get(s.id);
    if (!m) continue;
    const st = [...m].sort((a, b) => b[1] - a[1])[0]![0];
    homeStreet.set(s.id, st);
    carersIn.set(st, (carersIn.get(st) ?? 0) + 1);
  }
  for (const s of staff) {
    if (homeStreet.has(s.id) || demandByStreet.size === 0) continue;
    const st = [...demandByStreet].sort((a, b) => b[1] / ((carersIn.get(b[0]) ?? 0) + 1) - a[1] / ((carersIn.get(a[0]) ?? 0) + 1))[0]![0];
    homeStreet.set(s.id, st);
    carersIn.set(st, (carersIn.get(st) ?? 0) + 1);
  }
  const inStreet = new Map<string, number[]>();
  for (const [id, st] of homeStreet) inStreet.set(st, [...(inStreet.get(st) ?? []), id]);

  const byId = new Map(staff.map((s) => [s.id, s]));
  const may = (id: number, date: LocalDate, nurse: boolean, excluded: number[]) => {
    const s = byId.get(id);
    if (!s || excluded.includes(id) || off.has(`${id}|${date}`)) return false;
    if ((s.employedFrom && date < s.employedFrom) || (s.employedTo && date > s.employedTo)) return false;
    return s.certificates.some((c) => (nurse ? c.type === 'nurse-licence' : true) && certificateValidOn(c, date));
  };
  for (const d of demands) {
    const plan = plans.get(d.residentId)!;
    const nurse = plan.items.some((code) => items.get(code)?.class === 'medical');
    const seen = new Set<number>();
    const add = (id: number, cost: number) => {
      if (seen.has(id) || d.candidates.length >= MAX_CANDIDATES || !may(id, d.date, nurse, plan.excludedStaffIds)) return;
      seen.add(id);
      d.candidates.push(id);
      d.costs.push(cost);
    };
    if (plan.preferredStaffId !== null) add(plan.preferredStaffId, 0);
    for (const id of served.get(d.residentId) ?? []) add(id, 1);
    const local = inStreet.get(d.street) ?? [];
    // start at a different place in the street's list for each client, so clients spread over caregivers
    for (let k = 0; k < local.length; k++) add(local[(k + d.residentId) % local.length]!, 2);
  }
  return { month, from, rules, demands, staffNames: Object.fromEntries(staff.map((s) => [s.id, s.name])) };
}
