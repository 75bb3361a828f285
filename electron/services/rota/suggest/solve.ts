/**
 * 排班建议 solved week by week with HiGHS (the `highs` package: the University of Edinburgh's MIP solver
 * compiled to WebAssembly). A calendar week at a time keeps each program small (60 staff × 7 days × 4
 * shifts = 1,680 binaries) and gives real progress; each week sees what earlier weeks gave (hours,
 * nights and weekends carry into the fairness terms, rest and days in a row across the week's edge).
 * The weeks share one time budget. Each week is first filled greedily (always valid); HiGHS's answer
 * replaces the greedy week when it meets as much of the demand (npm run bench, 60 staff × 31 days: with
 * ~1.6 s a week HiGHS found no feasible week at all, so without the greedy fill nothing was suggested).
 * Runs in the solver worker in the built app (solver/solverOffThread.ts).
 */
import type { RotaSuggestion } from '../../../../shared/api/rota';
import { isoWeekday, weekStart } from '../../../../shared/domain/dates';
import type { RotaCell } from '../../../../shared/rota/types';
import { loadHighs } from '../../solver/highs';
import { windowModel, type Decided } from './model';
import { restClash, type SuggestProblem } from './problem';

export type Progress = (p: { done: number; total: number; phase: string }) => void;

/** The windows: from the first day to its Sunday, then Monday to Sunday, the last cut at the end. */
export function weekWindows(p: SuggestProblem): [number, number][] {
  const out: [number, number][] = [];
  let a = 0;
  for (let d = 0; d < p.dates.length; d++) {
    if (isoWeekday(p.dates[d]!) === 7 || d === p.dates.length - 1) {
      out.push([a, d + 1]);
      a = d + 1;
    }
  }
  return out;
}

export async function solveRota(p: SuggestProblem, opts: { seconds?: number; onProgress?: Progress } = {}): Promise<RotaSuggestion> {
  const started = performance.now();
  const budget = opts.seconds ?? 8;
  const solver = await loadHighs();
  const decided: Decided = p.staff.map(() => p.dates.map(() => null));
  const windows = weekWindows(p);
  const unmetShort: { day: number; shift: number; missing: number }[] = [];
  let exactWeeks = 0;
  for (const [w, [a, b]] of windows.entries()) {
    opts.onProgress?.({ done: w, total: windows.length, phase: `求解第 ${w + 1} / ${windows.length} 周（${p.dates[a]} 至 ${p.dates[b - 1]}）` });
    const model = windowModel(p, a, b, decided);
    if (model.vars.length === 0 && model.shorts.length === 0) continue;
    // the greedy fill first: always a valid week; HiGHS's answer replaces it when it meets as much or more
    const greedy = decided.map((row) => [...row]);
    greedyWindow(p, a, b, greedy);
    const left = Math.max(0.5, budget - (performance.now() - started) / 1000);
    const sol = solver.solve(model.lp, { time_limit: left / (windows.length - w), mip_rel_gap: 0.01, presolve: 'on', output_flag: false });
    if (sol.Status !== 'Optimal' && sol.Status !== 'Time limit reached') throw new Error(`HiGHS: ${sol.Status}`);
    const exact = decided.map((row) => [...row]);
    model.vars.forEach((v, i) => {
      if ((sol.Columns[`x${i}`]?.Primal ?? 0) > 0.5) exact[v.staff]![v.day] = v.type;
    });
    const useExact =
      windowMet(p, a, b, exact) >= windowMet(p, a, b, greedy) &&
      (sol.Status === 'Optimal' || model.vars.some((_v, i) => (sol.Columns[`x${i}`]?.Primal ?? 0) > 0.5));
    if (useExact) exactWeeks++;
    const chosen = useExact ? exact : greedy;
    for (let s = 0; s < decided.length; s++) for (let d = a; d < b; d++) decided[s]![d] = chosen[s]![d] ?? null;
    for (let d = a; d < b; d++) {
      p.shifts.forEach((t, k) => {
        const missing = (p.required[d]?.[k] ?? 0) - (p.staffed[d]?.[k] ?? 0) - decided.filter((r) => r[d] === t.id).length;
        if (missing > 0) unmetShort.push({ day: d, shift: k, missing });
      });
    }
  }
  const cells: RotaCell[] = [];
  decided.forEach((row, s) => row.forEach((type, d) => type !== null && cells.push({ staffId: p.staff[s]!.id, date: p.dates[d]!, shiftTypeId: type })));
  let demand = 0;
  let met = 0;
  p.required.forEach((row, d) =>
    row.forEach((req, k) => {
      demand += req;
      const added = cells.filter((c) => c.date === p.dates[d] && c.shiftTypeId === p.shifts[k]!.id).length;
      met += Math.min(req, (p.staffed[d]?.[k] ?? 0) + added);
    }),
  );
  const unmet = unmetShort.map(({ day, shift, missing }) => {
    const t = p.shifts[shift]!;
    const able = p.staff.filter((st) => st.fixed[day] === null && (st.may[day] ?? []).includes(t.id)).length;
    const why =
      able < missing + decided.filter((r) => r[day] === t.id).length
        ? `当天有资质、在职且未排班的只有 ${able} 人`
        : `其余可排的人受休息 ≥${p.rules.minRestHours} 小时、连续上班 ≤${p.rules.maxConsecutiveDays} 天或每周 ≤${p.rules.maxWeeklyHours} 小时的限制`;
    return `${p.dates[day]} ${t.name}仍缺 ${missing} 人：${why}`;
  });
  opts.onProgress?.({ done: windows.length, total: windows.length, phase: '完成' });
  return {
    from: p.dates[0]!,
    to: p.dates[p.dates.length - 1]!,
    cells,
    demand,
    met,
    unmet,
    seconds: (performance.now() - started) / 1000,
    solver: `HiGHS 1.15（WebAssembly）求解 ${exactWeeks} / ${windows.length} 周，其余为贪心排班`,
  };
}

/** People the window's shifts are short of, counting what `cells` gives. */
function windowMet(p: SuggestProblem, a: number, b: number, cells: Decided): number {
  let met = 0;
  for (let d = a; d < b; d++) {
    p.shifts.forEach((t, k) => {
      const req = p.required[d]?.[k] ?? 0;
      met += Math.min(req, (p.staffed[d]?.[k] ?? 0) + cells.filter((r) => r[d] === t.id).length);
    });
  }
  return met;
}

/**
 * The week filled day by day, shift by shift, each place to whoever may work it with the fewest hours so
 * far, keeping every hard rule of the program: one shift a cell, rest against the day before and after,
 * days in a row, the week's paid hours.
 */
function greedyWindow(p: SuggestProblem, a: number, b: number, decided: Decided): void {
  const types = new Map(p.allTypes.map((t) => [t.id, t]));
  const held = (s: number, d: number) => {
    if (d < 0) return d === -1 && p.staff[s]!.dayBefore !== null ? (types.get(p.staff[s]!.dayBefore!) ?? null) : null;
    const id = p.staff[s]!.fixed[d] ?? decided[s]?.[d] ?? null;
    return id === null ? null : (types.get(id) ?? null);
  };
  const minutes = p.staff.map((_st, s) => decided[s]!.reduce<number>((m, id) => m + (id === null ? 0 : (types.get(id)?.paidMinutes ?? 0)), 0));
  const weekOf = (d: number) => weekStart(p.dates[d]!);
  const weekAdded = new Map<string, number>();
  for (let s = 0; s < p.staff.length; s++)
    for (let d = 0; d < p.dates.length; d++) {
      const id = decided[s]![d];
      if (id !== null && id !== undefined && p.staff[s]!.fixed[d] === null)
        weekAdded.set(`${s}|${weekOf(d)}`, (weekAdded.get(`${s}|${weekOf(d)}`) ?? 0) + (types.get(id)?.paidMinutes ?? 0));
    }
  const runBefore = (s: number, d: number) => {
    let n = 0;
    for (let x = d - 1; x >= 0; x--) {
      if (held(s, x)?.kind !== 'work') return n;
      n++;
    }
    return n + p.staff[s]!.workedBefore;
  };
  const runAfter = (s: number, d: number) => {
    let n = 0;
    for (let x = d + 1; x < p.dates.length && held(s, x)?.kind === 'work'; x++) n++;
    return n;
  };
  for (let d = a; d < b; d++) {
    p.shifts.forEach((t, k) => {
      let need = (p.required[d]?.[k] ?? 0) - (p.staffed[d]?.[k] ?? 0) - decided.filter((r) => r[d] === t.id).length;
      while (need > 0) {
        let best = -1;
        for (let s = 0; s < p.staff.length; s++) {
          const st = p.staff[s]!;
          if (st.fixed[d] !== null || decided[s]![d] !== null || !(st.may[d] ?? []).includes(t.id)) continue;
          const prev = held(s, d - 1);
          const next = d + 1 < p.dates.length ? held(s, d + 1) : null;
          if ((prev?.kind === 'work' && restClash(prev, t, p.rules)) || (next?.kind === 'work' && restClash(t, next, p.rules))) continue;
          if (runBefore(s, d) + 1 + runAfter(s, d) > p.rules.maxConsecutiveDays) continue;
          const week = weekOf(d);
          if ((st.weekMinutes[week] ?? 0) + (weekAdded.get(`${s}|${week}`) ?? 0) + t.paidMinutes > p.rules.maxWeeklyHours * 60) continue;
          if (best < 0 || minutes[s]! < minutes[best]!) best = s;
        }
        if (best < 0) break;
        decided[best]![d] = t.id;
        minutes[best]! += t.paidMinutes;
        weekAdded.set(`${best}|${weekOf(d)}`, (weekAdded.get(`${best}|${weekOf(d)}`) ?? 0) + t.paidMinutes);
        need--;
      }
    });
  }
}
