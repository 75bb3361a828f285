/**
 * One window of 排班建议 (a calendar week) as a mixed-integer program in CPLEX LP text, for HiGHS.
 * x = 1 gives a person a shift on a day (only where the cell is free and they may work it). Hard: at most
 * one shift a cell; rest between shifts on consecutive days; days in a row; the week's paid hours.
 * Soft: shortfall u against each shift's 应配 costs 1000 a person (meeting coverage comes first, and what
 * cannot be met is reported, never silently dropped); every shift given costs its hours, more for whoever
 * has had more hours, nights or weekend days this month (fairness), so nobody is put on a shift that is
 * not needed and the load spreads.
 */
import { isNight, isWeekend, restClash, type SuggestProblem } from './problem';
import { weekStart } from '../../../../shared/domain/dates';
import type { ShiftType } from '../../../../shared/rota/types';

export interface WindowModel {
  lp: string;
  /** x variables: staff index, day index, shift type id */
  vars: { staff: number; day: number; type: number }[];
  /** u variables: day index, shift index */
  shorts: { day: number; shift: number }[];
}

/** [staff][day] → shift type id the solver gave in an earlier window, or null */
export type Decided = (number | null)[][];

const term = (c: number, v: string) => `${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${v}`;
const lines = (terms: string[]) => terms.reduce((out, t, i) => out + (i % 12 === 0 ? '\n  ' : ' ') + t, '');

export function windowModel(p: SuggestProblem, a: number, b: number, decided: Decided): WindowModel {
  const types = new Map(p.allTypes.map((t) => [t.id, t]));
  const N = p.rules.maxConsecutiveDays;
  const vars: WindowModel['vars'] = [];
  const shorts: WindowModel['shorts'] = [];
  const cons: string[] = [];
  const obj: string[] = [];
  /** the shift a cell holds outside the variables (kept, or decided earlier) */
  const held = (s: number, d: number): ShiftType | null => {
    const st = p.staff[s]!;
    if (d < 0) return d === -1 && st.dayBefore !== null ? (types.get(st.dayBefore) ?? null) : null;
    const id = st.fixed[d] ?? decided[s]?.[d] ?? null;
    return id === null ? null : (types.get(id) ?? null);
  };
  const worksBefore = (s: number, d: number): boolean => (d < 0 ? -d <= p.staff[s]!.workedBefore : held(s, d)?.kind === 'work');
  const byCell = new Map<string, number[]>();
  let extras = 0;

  p.staff.forEach((st, s) => {
    for (let d = a; d < b && d < p.dates.length; d++) {
      for (const typeId of st.may[d] ?? []) {
        const t = types.get(typeId)!;
        const prev = held(s, d - 1);
        const next = d + 1 < p.dates.length ? held(s, d + 1) : null;
        if ((prev?.kind === 'work' && restClash(prev, t, p.rules)) || (next?.kind === 'work' && restClash(t, next, p.rules))) continue;
        const i = vars.length;
        vars.push({ staff: s, day: d, type: typeId });
        const key = `${s}|${d}`;
        byCell.set(key, [...(byCell.get(key) ?? []), i]);
      }
    }
  });

  // one shift a cell; rest between variables on consecutive days
  for (const [key, list] of byCell) {
    if (list.length > 1) cons.push(`${lines(list.map((i) => `+ x${i}`))} <= 1`);
    const [s, d] = key.split('|').map(Number) as [number, number];
    for (const j of byCell.get(`${s}|${d + 1}`) ?? []) {
      for (const i of list) if (restClash(types.get(vars[i]!.type)!, types.get(vars[j]!.type)!, p.rules)) cons.push(`  x${i} + x${j} <= 1`);
    }
  }

  // coverage
  for (let d = a; d < b && d < p.dates.length; d++) {
    p.shifts.forEach((t, k) => {
      const need = (p.required[d]?.[k] ?? 0) - (p.staffed[d]?.[k] ?? 0);
      if (need <= 0) return;
      const u = shorts.length;
      shorts.push({ day: d, shift: k });
      obj.push(term(1000, `u${u}`));
      const xs = vars.flatMap((v, i) => (v.day === d && v.type === t.id ? [`+ x${i}`] : []));
      cons.push(`${lines([...xs, `+ u${u}`])} >= ${need}`);
    });
  }

  const byStaff = new Map<number, number[]>();
  vars.forEach((v, i) => byStaff.set(v.staff, [...(byStaff.get(v.staff) ?? []), i]));
  p.staff.forEach((st, s) => {
    const mine = byStaff.get(s) ?? [];
    if (mine.length === 0) return;
    // days in a row: every N+1 consecutive days touching the window hold at most N working days
    for (let w = a - N; w < b; w++) {
      const xs = mine.filter((i) => vars[i]!.day >= w && vars[i]!.day <= w + N);
      if (xs.length === 0) continue;
      let fixedWork = 0;
      for (let d = w; d <= w + N; d++) if (!xs.some((i) => vars[i]!.day === d) && worksBefore(s, d)) fixedWork++;
      cons.push(`${lines(xs.map((i) => `+ x${i}`))} <= ${N - fixedWork}`);
    }
    // the week's paid hours (windows are calendar weeks, so one week per window)
    const week = weekStart(p.dates[a]!);
    let minutes = st.weekMinutes[week] ?? 0;
    for (let d = a; d < b; d++) if (st.fixed[d] === null && decided[s]?.[d] != null) minutes += types.get(decided[s]![d]!)?.paidMinutes ?? 0;
    cons.push(`${lines(mine.map((i) => term(types.get(vars[i]!.type)!.paidMinutes, `x${i}`)))} <= ${p.rules.maxWeeklyHours * 60 - minutes}`);
    // fairness: each shift costs more the more hours, nights and weekend days the person has had in the
    // month so far (earlier weeks and the kept cells), so the load spreads; within the window, a second
    // night or weekend day costs extra (e). Linear costs keep the program close to a flow problem, which
    // HiGHS solves in well under a second where min-max terms took seconds (measured).
    let hours = 0;
    let nights = 0;
    let weekends = 0;
    for (let d = 0; d < p.dates.length; d++) {
      const t = held(s, d);
      if (t?.kind !== 'work' || (d >= a && d < b && st.fixed[d] === null)) continue;
      hours += t.paidMinutes / 60;
      if (isNight(t)) nights++;
      if (isWeekend(p.dates[d]!)) weekends++;
    }
    for (const i of mine) {
      const v = vars[i]!;
      const t = types.get(v.type)!;
      const h = t.paidMinutes / 60;
      // the tie-breaker (under 0.02) keeps equal people from being equal to the solver (symmetry)
      const cost =
        h * (1 + hours / 80) + (isNight(t) ? 2 * (1 + nights) : 0) + (isWeekend(p.dates[v.day]!) ? 1 + weekends : 0) + 0.001 * ((s * 31 + v.day * 7) % 17);
      obj.push(term(Math.round(cost * 1000) / 1000, `x${i}`));
    }
    const nightXs = mine.filter((i) => isNight(types.get(vars[i]!.type)!));
    if (nightXs.length > 1) {
      const e = extras++;
      cons.push(`${lines([...nightXs.map((i) => `+ x${i}`), `- e${e}`])} <= 2`);
      obj.push(term(6, `e${e}`));
    }
    const weekendXs = mine.filter((i) => isWeekend(p.dates[vars[i]!.day]!));
    if (weekendXs.length > 1) {
      const e = extras++;
      cons.push(`${lines([...weekendXs.map((i) => `+ x${i}`), `- e${e}`])} <= 1`);
      obj.push(term(3, `e${e}`));
    }
  });

  const lp = [
    'Minimize',
    ` obj:${lines(obj.length ? obj : ['0 x0'])}`,
    'Subject To',
    ...cons.map((c, i) => ` c${i}: ${c.trim()}`),
    'Bounds',
    ...shorts.map((_s, u) => ` u${u} >= 0`),
    'Binary',
    lines(vars.map((_v, i) => `x${i}`)),
    'End',
  ].join('\n');
  return { lp, vars, shorts };
}
