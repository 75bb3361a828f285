/**
 * 排班建议 solved week by week with HiGHS (the `highs` package: the University of Edinburgh's MIP solver
 * compiled to WebAssembly). A calendar week at a time keeps each program small (60 staff × 7 days × 4
 * shifts = 1,680 binaries) and gives real progress; each week sees what earlier weeks gave (hours,
 * nights and weekends carry into the fairness terms, rest and days in a row across the week's edge).
 * The weeks share one time budget. Runs in the rota worker in the built app (suggestOffThread.ts).
 */
import type { RotaSuggestion } from '../../../../shared/api/rota';
import { isoWeekday } from '../../../../shared/domain/dates';
import type { RotaCell } from '../../../../shared/rota/types';
import { loadHighs } from '../../solver/highs';
import { windowModel, type Decided } from './model';
import type { SuggestProblem } from './problem';

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
  for (const [w, [a, b]] of windows.entries()) {
    opts.onProgress?.({ done: w, total: windows.length, phase: `求解第 ${w + 1} / ${windows.length} 周（${p.dates[a]} 至 ${p.dates[b - 1]}）` });
    const model = windowModel(p, a, b, decided);
    if (model.vars.length === 0 && model.shorts.length === 0) continue;
    const left = Math.max(0.5, budget - (performance.now() - started) / 1000);
    const sol = solver.solve(model.lp, { time_limit: left / (windows.length - w), mip_rel_gap: 0.01, presolve: 'on', output_flag: false });
    if (sol.Status !== 'Optimal' && sol.Status !== 'Time limit reached') throw new Error(`HiGHS: ${sol.Status}`);
    model.vars.forEach((v, i) => {
      if ((sol.Columns[`x${i}`]?.Primal ?? 0) > 0.5) decided[v.staff]![v.day] = v.type;
    });
    model.shorts.forEach((s, u) => {
      const missing = Math.round(sol.Columns[`u${u}`]?.Primal ?? 0);
      if (missing > 0) unmetShort.push({ ...s, missing });
    });
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
    const why = able < missing + (decided.filter((r) => r[day] === t.id).length) ? `当天有资质、在职且未排班的只有 ${able} 人` : `其余可排的人受休息 ≥${p.rules.minRestHours} 小时、连续上班 ≤${p.rules.maxConsecutiveDays} 天或每周 ≤${p.rules.maxWeeklyHours} 小时的限制`;
    return `${p.dates[day]} ${t.name}仍缺 ${missing} 人：${why}`;
  });
  opts.onProgress?.({ done: windows.length, total: windows.length, phase: '完成' });
  return { from: p.dates[0]!, to: p.dates[p.dates.length - 1]!, cells, demand, met, unmet, seconds: (performance.now() - started) / 1000, solver: 'HiGHS 1.15 (WebAssembly)' };
}
