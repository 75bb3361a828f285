/**
 * A client's home-care month (居家护理, docs/rules.md §7): which valid visits are paid under the
 * pack's home model (hourly quota, per visit, monthly cap) and the split of the fee.
 */
import { monthStart, weekStart } from '../domain/dates';
import type { Level, Month, Prices } from '../domain/model';
import { forLevel, type HomeModel, type PolicyPack } from '../policy/pack';
import { makeIssue } from './issue';
import { messages } from './messages';
import { splitHourlyQuota, splitMonthlyCap, splitPerVisit, type Split } from './payment';
import type { ResidentFacts } from './residentFacts';
import type { ClaimIssue, ClaimLine, HomeEvidence } from './types';
import type { RowVerdicts } from './visitChecks';
import type { VisitTable } from './visitTable';

export interface HomeMonth {
  line: ClaimLine | null;
  issues: ClaimIssue[];
}

/**
 * A client's judged visits (computeClaim): rows from … to − 1 of `table`, in time order, from the
 * Monday of the month's first week (or the month's first day) to the month's end, and what judging
 * decided about each row (RowVerdicts, by row).
 */
export interface JudgedVisits {
  table: Pick<VisitTable, 'ref' | 'refsUnique'>;
  from: number;
  to: number;
  /** each row's date (of its start) */
  date: readonly string[];
  /** 1 where the row's date is in the month (starts with it) */
  inMonth: Uint8Array;
  verdicts: RowVerdicts;
  /** the issues of the rows dated in the month, in the rows' order: a new array per client, which homeMonth appends its own to and returns */
  issues: ClaimIssue[];
}

interface Paid extends Split {
  coveredMinutes: number;
  counted: number[];
  overQuota: number[];
  level: Level;
}

/** A client's home-care month from its judged visits; those before the month only use up a straddling week's limit. */
export function homeMonth(facts: ResidentFacts, month: Month, judged: JudgedVisits, pack: PolicyPack, prices: Prices): HomeMonth {
  const { resident } = facts;
  const { verdicts, from, to, inMonth: dated } = judged;
  const issues = judged.issues;
  const about = { idNumber: resident.idNumber, resident: resident.ref };
  // the rows dated in the month, and the valid ones among them, counted first: the lists below are
  // made at their size (grown by push, ~3,000 clients' lists were much of what the engine allocated)
  let inMonth = 0;
  let validRows = 0;
  for (let i = from; i < to; i++) {
    if (dated[i]) {
      inMonth++;
      if (verdicts.valid[i] === 1) validRows++;
    }
  }
  if (inMonth === 0) return { line: null, issues };
  const model = pack.home;
  if (!model) {
    issues.push(makeIssue('MODE_NOT_COVERED', messages.modeNotCovered(resident.name, 'home', pack.title), about));
    return { line: null, issues };
  }
  if (validRows === 0) return { line: null, issues };
  const valid: number[] = new Array(validRows);
  const excluded: string[] = new Array(inMonth - validRows);
  for (let i = from, v = 0, x = 0; i < to; i++) {
    if (!dated[i]) continue;
    if (verdicts.valid[i] === 1) valid[v++] = i;
    else excluded[x++] = judged.table.ref[i] as string;
  }
  const lastLevel = verdicts.level[valid[valid.length - 1] as number] as number;
  const level = (lastLevel < 0 ? 0 : lastLevel) as Level;

  const paid = payHome(model, valid, judged, month, level, prices, resident.name, issues, about);
  if (!paid || (paid.coveredMinutes === 0 && paid.counted.length === 0)) return { line: null, issues };
  const evidence: HomeEvidence = {
    counted: uniqueRefs(judged, paid.counted),
    overQuota: uniqueRefs(judged, paid.overQuota),
    excluded,
    validMinutes: minutesOf(verdicts, valid),
  };
  return {
    issues,
    line: {
      idNumber: resident.idNumber,
      name: resident.name,
      resident: resident.ref,
      mode: 'home',
      level: paid.level,
      billableDays: 0,
      coveredMinutes: paid.coveredMinutes,
      visits: paid.counted.length,
      feeFen: paid.feeFen,
      fundFen: paid.fundFen,
      personalFen: paid.personalFen,
      evidence,
    },
  };
}

function minutesOf(verdicts: RowVerdicts, rows: readonly number[]): number {
  let sum = 0;
  for (const i of rows) sum += verdicts.minutes[i] as number;
  return sum;
}

/**
 * The rows' refs in order, each once (as `[...new Set(refs)]`). A table's refs are unique when it
 * says so (the database's are); otherwise refs already in ascending order or a sorted copy prove
 * it without hashing every ref, and only a repeat falls back to the Set.
 */
function uniqueRefs({ table }: JudgedVisits, rows: readonly number[]): string[] {
  const refs = rows.map((i) => table.ref[i] as string);
  if (table.refsUnique || ascending(refs)) return refs;
  const sorted = refs.slice().sort(byText);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return [...new Set(refs)];
  return refs;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Strictly ascending, so no two are equal. */
function ascending(refs: readonly string[]): boolean {
  for (let i = 1; i < refs.length; i++) if (!((refs[i - 1] as string) < (refs[i] as string))) return false;
  return true;
}

/**
 * weekStart, remembered: a per-visit month asks it for every valid visit, of a few dozen dates
 * (bounded, for a long-running process).
 */
const weeks = new Map<string, string>();
function weekOf(date: string): string {
  let week = weeks.get(date);
  if (week === undefined) {
    if (weeks.size >= 1000) weeks.clear();
    weeks.set(date, (week = weekStart(date)));
  }
  return week;
}

/** Written out, not spread: a spread of the split took V8's slow path on every client (`npm run bench`). */
function paidOf(split: Split, coveredMinutes: number, counted: number[], overQuota: number[], level: Level): Paid {
  return { feeFen: split.feeFen, fundFen: split.fundFen, personalFen: split.personalFen, coveredMinutes, counted, overQuota, level };
}

function payHome(
  model: HomeModel,
  valid: number[],
  judged: JudgedVisits,
  month: Month,
  level: Level,
  prices: Prices,
  name: string,
  issues: ClaimIssue[],
  about: { idNumber: string; resident: string },
): Paid | null {
  const { verdicts } = judged;
  const validMinutes = minutesOf(verdicts, valid);
  if (model.model === 'hourly-quota') {
    if (prices.hourlyFeeFen === undefined) {
      issues.push(makeIssue('PRICE_MISSING', messages.priceMissing(name, level, '居家护理小时收费'), about));
      return null;
    }
    if (prices.hourlyFeeFen === 0) {
      issues.push(makeIssue('PRICE_ZERO', messages.priceZero(name, level, '居家护理小时收费', `${validMinutes}分钟上门服务`), about));
      return null;
    }
    const quotaHours = forLevel(model.quotaHours, level) ?? 0;
    const split = splitHourlyQuota(validMinutes, quotaHours * 60, prices.hourlyFeeFen, model.fundRatio);
    if (validMinutes > quotaHours * 60) {
      issues.push(makeIssue('OVER_QUOTA', messages.overQuotaMinutes(name, validMinutes, quotaHours, validMinutes - quotaHours * 60), about));
    }
    return paidOf(split, split.coveredMinutes, valid, [], level);
  }
  if (model.model === 'monthly-cap') {
    if (prices.hourlyFeeFen === undefined) {
      issues.push(makeIssue('PRICE_MISSING', messages.priceMissing(name, level, '居家护理小时收费'), about));
      return null;
    }
    if (prices.hourlyFeeFen === 0) {
      issues.push(makeIssue('PRICE_ZERO', messages.priceZero(name, level, '居家护理小时收费', `${validMinutes}分钟上门服务`), about));
      return null;
    }
    return paidOf(splitMonthlyCap(validMinutes, prices.hourlyFeeFen, model.capFen, model.fundRatio), validMinutes, valid, [], level);
  }
  const visitFeeFen = prices.visitFeeFen ?? model.visitFeeFen;
  if (visitFeeFen === undefined) {
    issues.push(makeIssue('PRICE_MISSING', messages.priceMissing(name, level, '居家上门每次收费'), about));
    return null;
  }
  // Valid visits in time order, from the Monday of the month's first week: a week straddling two
  // months counts the earlier month's counted visits against the same weekly limit.
  const firstMonday = weekStart(monthStart(month));
  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  const counted: number[] = [];
  const overQuota: number[] = [];
  for (let i = judged.from; i < judged.to; i++) {
    const date = judged.date[i] as string;
    if (verdicts.valid[i] !== 1 || date < firstMonday) continue;
    const week = weekOf(date);
    const held = verdicts.level[i] as number;
    const weekLimit = forLevel(model.visitsPerWeek, held < 0 ? level : (held as Level)) ?? 0;
    const dayCount = perDay.get(date) ?? 0;
    const weekCount = perWeek.get(week) ?? 0;
    const inThisMonth = judged.inMonth[i] === 1;
    if (dayCount >= model.visitsPerDay || weekCount >= weekLimit) {
      if (inThisMonth) {
        overQuota.push(i);
        const ref = judged.table.ref[i] as string;
        const why = dayCount >= model.visitsPerDay ? `每天${model.visitsPerDay}次的限额` : `每周${weekLimit}次的限额（${week}起的一周）`;
        // written out, not spread (see paidOf): a per-visit month can have thousands of these
        issues.push(makeIssue('OVER_QUOTA', messages.overQuotaVisit(name, ref, why), { idNumber: about.idNumber, resident: about.resident, visit: ref, date }));
      }
      continue;
    }
    perDay.set(date, dayCount + 1);
    perWeek.set(week, weekCount + 1);
    if (inThisMonth) counted.push(i);
  }
  if (visitFeeFen === 0 && counted.length > 0) {
    issues.push(makeIssue('PRICE_ZERO', messages.priceZero(name, level, '居家上门每次收费', `${counted.length}次上门服务`), about));
    return null;
  }
  const split = splitPerVisit(counted.length, visitFeeFen, model);
  return paidOf(split, minutesOf(verdicts, counted), counted, overQuota, level);
}
