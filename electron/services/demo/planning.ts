/**
 * The demo institution's 排班 and 服务计划 (dataset 1.1), made from its dataset as of today; pure and
 * deterministic like the rest of the demo. The head nurse finds a few problems to fix:
 * - 排班: last month published, this month a draft on a rota that works (six caregivers on 早早中中休休,
 *   two on nights, the others on 早班 on weekdays, the head nurse on 护士班 on weekdays, with the demo's own
 *   ratios: 早班/中班 1:20 severely disabled and 1:40 others, 夜班 1:40 and 1:80, 护士班 not counted),
 *   except this week: the caregiver without a certificate on two 早班, a night caregiver on 病假 with nobody
 *   on that night (a ratio shortfall), and an extra 中班 on Thursday before Friday's 早班 (8 hours of rest);
 * - 服务计划: each home client in service today with a plan read off their visits of the last four weeks
 *   (weekdays, times, minutes, items, their usual caregiver), fitted into the pack's limits, except one
 *   plan whose visits grew to 120 minutes, over its level's monthly hours; 派单 this month: the days before today as
 *   visited, except two visits nobody planned and two planned ones nobody made (missed); the days from today
 *   on repeat the last weeks (spaced for the trips between homes), with one visit not yet given and one
 *   overlapping another of its caregiver.
 */
import { addDays, datesOfMonth, isoWeekday, minutesBetween, monthEnd, monthOf, monthStart, addMonthsToMonth, weekStart } from '../../../shared/domain/dates';
import type { Dataset, DatasetCarePlan, DatasetPlannedVisit, DatasetRota, GeoPoint, LocalDate, Visit } from '../../../shared/domain/model';
import { areaOf, travelMinutes } from '../../../shared/plans/area';
import { DEFAULT_PLAN_RULES } from '../../../shared/plans/types';
import { buildTimeline, statusOn } from '../../../shared/claims/stayTimeline';
import { DEFAULT_SHIFT_TYPES } from '../../../shared/rota/defaults';
import { assessmentOn, assessmentPeriods } from '../../../shared/claims/assessments';
import { planProblems } from '../../../shared/plans/planChecks';
import { certificateValidOn } from '../../../shared/claims/certificates';
import { findCatalogue, findPolicyPack } from '../../../shared/policy/registry';

const RATIOS: Record<string, [number | null, number | null]> = { 早班: [20, 40], 中班: [20, 40], 夜班: [40, 80], 护士班: [null, null] };

export function demoPlanning(d: Dataset, today: LocalDate): Pick<Dataset, 'rota' | 'carePlans' | 'plannedVisits'> {
  return { rota: demoRota(d, today), ...demoPlans(d, today) };
}

function employedOn(s: Dataset['staff'][number], date: LocalDate): boolean {
  return (!s.employedFrom || s.employedFrom <= date) && (!s.employedTo || s.employedTo >= date);
}

function demoRota(d: Dataset, today: LocalDate): DatasetRota {
  const month = monthOf(today);
  const previous = addMonthsToMonth(month, -1);
  const visiting = new Set(d.visits.map((v) => v.staff));
  const institutional = d.staff.filter((s) => s.role === 'caregiver' && !visiting.has(s.ref) && employedOn(s, today));
  const certified = institutional.filter((s) => s.certificates.length > 0);
  const uncertified = institutional.find((s) => s.certificates.length === 0);
  const day = certified.slice(0, 6);
  const night = certified.slice(6, 8);
  const spare = certified.slice(8);
  const head = d.staff.find((s) => s.role === 'head-nurse' && employedOn(s, today));
  const cells: DatasetRota['cells'] = [];
  const dates = [...datesOfMonth(previous), ...datesOfMonth(month)];
  const cycle = ['早班', '早班', '中班', '中班', '休', '休'];
  dates.forEach((date, n) => {
    day.forEach((s, i) => cells.push({ staff: s.ref, date, shift: cycle[(n + i) % 6]! }));
    const wd = isoWeekday(date);
    night.forEach((s, i) => cells.push({ staff: s.ref, date, shift: (i === 0 ? wd <= 4 : wd >= 5) ? '夜班' : '休' }));
    for (const s of spare) cells.push({ staff: s.ref, date, shift: wd <= 5 ? '早班' : '休' });
    if (head) cells.push({ staff: head.ref, date, shift: wd <= 5 ? '护士班' : '休' });
  });
  // this week's problems (the Monday of today's week, or the month's first Monday when that is earlier)
  const monday = weekStart(today) < monthStart(month) ? weekStart(addDays(monthStart(month), 7)) : weekStart(today);
  const set = (staff: string | undefined, date: LocalDate, shift: string) => {
    if (!staff) return;
    const at = cells.findIndex((c) => c.staff === staff && c.date === date);
    if (at >= 0) cells[at] = { staff, date, shift };
    else cells.push({ staff, date, shift });
  };
  if (uncertified) for (const k of [1, 2]) set(uncertified.ref, addDays(monday, k), '早班');
  // Tuesday night: the night caregiver falls ill and nobody is put on
  set(night[0]?.ref, addDays(monday, 1), '病假');
  // an extra 中班 on Thursday (to 23:00) before Friday's 早班 (from 07:00): 8 hours of rest
  set(spare[0]?.ref, addDays(monday, 3), '中班');
  return {
    shiftTypes: DEFAULT_SHIFT_TYPES.map((t) => {
      const [perSevere, perOther] = RATIOS[t.name] ?? [t.perSevere, t.perOther];
      return {
        key: t.key,
        name: t.name,
        kind: t.kind,
        ...(t.start ? { start: t.start } : {}),
        ...(t.end ? { end: t.end } : {}),
        paidMinutes: t.paidMinutes,
        ...(t.post ? { post: t.post } : {}),
        color: t.color,
        ...(perSevere ? { perSevere } : {}),
        ...(perOther ? { perOther } : {}),
      };
    }),
    cells: cells
      .filter((c) => c.date <= monthEnd(month))
      .sort((a, b) => (a.staff < b.staff ? -1 : a.staff > b.staff ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    published: [{ month: previous, at: `${addDays(monthStart(previous), -3)}T16:30`, by: head?.name ?? '护士长' }],
  };
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const minuteOf = (t: string) => Number(t.slice(11, 13)) * 60 + Number(t.slice(14, 16));
const mostCommon = <T>(xs: readonly T[]): T => {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
};

function demoPlans(d: Dataset, today: LocalDate): { carePlans: DatasetCarePlan[]; plannedVisits: DatasetPlannedVisit[] } {
  const month = monthOf(today);
  const from = addDays(today, -28);
  const recent = d.visits.filter((v) => v.start.slice(0, 10) >= from && v.start.slice(0, 10) < today);
  const byClient = new Map<string, Visit[]>();
  for (const v of recent) byClient.set(v.resident, [...(byClient.get(v.resident) ?? []), v]);
  const carePlans: DatasetCarePlan[] = [];
  const pack = findPolicyPack(d.institution.policy);
  const catalogue = pack ? findCatalogue(pack.catalogue) : undefined;
  let overPlanted = false;
  const medical = new Set(catalogue?.items.filter((i) => i.class === 'medical').map((i) => i.code) ?? []);
  const licensed = new Set(
    d.staff.filter((s) => s.certificates.some((c) => c.type === 'nurse-licence' && (!c.expiresOn || c.expiresOn >= today))).map((s) => s.ref),
  );
  for (const r of d.residents) {
    const s = statusOn(buildTimeline(r.events), today);
    const visits = byClient.get(r.ref);
    if (!s || s.mode !== 'home' || !visits || visits.length < 2) continue;
    const days = [...new Set(visits.map((v) => isoWeekday(v.start.slice(0, 10))))].sort();
    const minutes = Math.max(30, Math.round(mostCommon(visits.map((v) => minutesBetween(v.start, v.end))) / 15) * 15);
    const starts = visits.map((v) => minuteOf(v.start));
    const ends = visits.map((v) => minuteOf(v.end));
    const preferred = mostCommon(visits.map((v) => v.staff));
    const nurse = licensed.has(preferred);
    const items = [...new Set(visits.filter((v) => v.staff === preferred).flatMap((v) => v.items))].filter((c) => nurse || !medical.has(c)).slice(0, 4);
    if (items.length === 0) continue;
    const plan: DatasetCarePlan = {
      resident: r.ref,
      items,
      visitsPerWeek: Math.min(days.length, Math.max(1, Math.round(visits.length / 4))),
      minutes,
      days,
      windowStart: clock(Math.floor(Math.min(...starts) / 60) * 60),
      windowEnd: '',
      preferredStaff: preferred,
      excludedStaff: [],
    };
    const level = pack ? (assessmentOn(assessmentPeriods(r.assessments, pack.assessment), today)?.level ?? null) : null;
    const fits = () =>
      !pack ||
      !catalogue ||
      planProblems(
        { ...plan, residentId: 0, windowEnd: '23:59', preferredStaffId: null, excludedStaffIds: [] },
        { pack, catalogue, level, hourlyFeeFen: d.institution.prices.hourlyFeeFen, today },
      ).length === 0;
    // the first plan of three visits a week or more grows to 120 minutes: over its quota, a problem to find
    let over = false;
    if (!overPlanted && level !== null && pack?.eligibleLevels.includes(level)) {
      const asked = plan.minutes;
      plan.minutes = 120;
      over = overPlanted = !fits();
      if (!over) plan.minutes = asked;
    }
    if (!over) {
      while (!fits() && plan.minutes > 30) plan.minutes -= 15;
      while (!fits() && plan.visitsPerWeek > 1) plan.visitsPerWeek -= 1;
    }
    plan.windowEnd = clock(Math.min(23 * 60, Math.max(Math.ceil(Math.max(...ends) / 60) * 60, Math.floor(Math.min(...starts) / 60) * 60 + plan.minutes)));
    carePlans.push(plan);
  }
  const planned = new Set(carePlans.map((p) => p.resident));
  const asPlanned = (v: Visit, date: LocalDate = v.start.slice(0, 10)): DatasetPlannedVisit => ({
    resident: v.resident,
    staff: v.staff,
    date,
    start: v.start.slice(11, 16),
    minutes: minutesBetween(v.start, v.end),
  });
  const done = d.visits.filter((v) => planned.has(v.resident) && v.start.slice(0, 10) >= monthStart(month) && v.start.slice(0, 10) < today);
  // the days before today as visited, but two visits nobody planned (unplanned) …
  const past = done.filter((_v, i) => i !== 3 && i !== Math.floor(done.length / 2)).map((v) => asPlanned(v));
  // … and two planned the day after a visit, when the client had none that day (missed)
  const visitedOn = new Set(d.visits.map((v) => `${v.resident}|${v.start.slice(0, 10)}`));
  const candidates = done.filter((v) => {
    const next = addDays(v.start.slice(0, 10), 1);
    return next < today && !visitedOn.has(`${v.resident}|${next}`);
  });
  const thisWeek = candidates.filter((v) => addDays(v.start.slice(0, 10), 1) >= weekStart(today));
  const missed = [...thisWeek.slice(-1), ...candidates.filter((v) => !thisWeek.includes(v)).slice(0, 2 - Math.min(1, thisWeek.length))];
  for (const v of missed) past.push(asPlanned(v, addDays(v.start.slice(0, 10), 1)));

  // from today on: the same weekday of the last week before today, repeated
  const recentByDay = new Map<LocalDate, Visit[]>();
  for (const v of d.visits) if (planned.has(v.resident)) recentByDay.set(v.start.slice(0, 10), [...(recentByDay.get(v.start.slice(0, 10)) ?? []), v]);
  const future: DatasetPlannedVisit[] = [];
  const validOn = new Map(d.staff.map((s) => [s.ref, (date: LocalDate) => employedOn(s, date) && s.certificates.some((c) => certificateValidOn(c, date))]));
  for (let date = today; date <= monthEnd(month); date = addDays(date, 1)) {
    let source = addDays(date, -7);
    while (source >= today) source = addDays(source, -7);
    // a caregiver whose certificate is no longer valid that day is not planned again
    for (const v of recentByDay.get(source) ?? []) if (validOn.get(v.staff)?.(date)) future.push(asPlanned(v, date));
  }
  // the planner leaves each caregiver the trip between two homes (by their coordinates, as the conflicts judge)
  const homes = new Map<string, { area: ReturnType<typeof areaOf>; at: GeoPoint | null }>();
  const address = new Map(d.residents.map((r) => [r.ref, r.address]));
  for (const v of d.visits) homes.set(v.resident, { area: areaOf(address.get(v.resident)), at: v.checkIn ?? homes.get(v.resident)?.at ?? null });
  const byCarerDay = new Map<string, DatasetPlannedVisit[]>();
  for (const v of future) if (v.staff) byCarerDay.set(`${v.staff}|${v.date}`, [...(byCarerDay.get(`${v.staff}|${v.date}`) ?? []), v]);
  for (const list of byCarerDay.values()) {
    list.sort((a, b) => (a.start < b.start ? -1 : 1));
    for (let k = 1; k < list.length; k++) {
      const a = list[k - 1]!;
      const b = list[k]!;
      const trip = travelMinutes(homes.get(a.resident) ?? { area: areaOf(null) }, homes.get(b.resident) ?? { area: areaOf(null) }, DEFAULT_PLAN_RULES);
      const earliest = minutesOf(a.start) + a.minutes + trip;
      if (minutesOf(b.start) < earliest) b.start = clock(Math.min(earliest, 22 * 60));
    }
  }
  // one not yet given, one overlapping the same caregiver's visit before it
  if (future.length > 2) {
    const { staff: _none, ...unassigned } = future[1]!;
    future[1] = unassigned;
    const i = future.findIndex((v, k) => k > 1 && future.some((w, j) => j < k && w.staff === v.staff && w.date === v.date && w.start < v.start));
    if (i > 0) {
      const before = future.find((w, j) => j < i && w.staff === future[i]!.staff && w.date === future[i]!.date && w.start < future[i]!.start)!;
      const m = Number(before.start.slice(0, 2)) * 60 + Number(before.start.slice(3, 5)) + Math.floor(before.minutes / 2);
      future[i] = { ...future[i]!, start: clock(m) };
    }
  }
  const plannedVisits = [...past, ...future].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return { carePlans, plannedVisits };
}
