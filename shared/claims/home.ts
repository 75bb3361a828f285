/**
 * A client's home-care month (居家护理, DOMAIN.md section 7): which valid visits are paid under the
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
import type { VisitVerdict } from './visitChecks';

export interface HomeMonth {
  line: ClaimLine | null;
  issues: ClaimIssue[];
}

interface Paid extends Split {
  coveredMinutes: number;
  counted: VisitVerdict[];
  overQuota: VisitVerdict[];
  level: Level;
}

/**
 * @param verdicts the client's judged visits from the Monday of the month's first week to the month's
 *   end, in time order; those before the month only use up a straddling week's limit.
 */
export function homeMonth(facts: ResidentFacts, month: Month, verdicts: readonly VisitVerdict[], pack: PolicyPack, prices: Prices): HomeMonth {
  const { resident } = facts;
  const inMonth = ofMonth(verdicts, month);
  // A loop, not flatMap: this runs for every client with every visit of the month.
  const issues: ClaimIssue[] = [];
  for (const v of inMonth) for (const i of v.issues) issues.push(i);
  const about = { idNumber: resident.idNumber, resident: resident.ref };
  if (inMonth.length === 0) return { line: null, issues };
  const model = pack.home;
  if (!model) {
    issues.push(makeIssue('MODE_NOT_COVERED', messages.modeNotCovered(resident.name, 'home', pack.title), about));
    return { line: null, issues };
  }
  const valid = inMonth.filter((v) => v.valid);
  if (valid.length === 0) return { line: null, issues };
  const level = (valid[valid.length - 1]?.level ?? 0) as Level;

  const paid = payHome(model, valid, verdicts, month, level, prices, resident.name, issues, about);
  if (!paid || (paid.coveredMinutes === 0 && paid.counted.length === 0)) return { line: null, issues };
  const evidence: HomeEvidence = {
    counted: uniqueRefs(paid.counted),
    overQuota: uniqueRefs(paid.overQuota),
    excluded: inMonth.filter((v) => !v.valid).map((v) => v.visit.ref),
    validMinutes: valid.reduce((s, v) => s + v.minutes, 0),
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

/** The verdicts of the month: without a copy when all are, as under every pack but a per-visit one. */
function ofMonth(verdicts: readonly VisitVerdict[], month: Month): readonly VisitVerdict[] {
  const inMonth = (v: VisitVerdict): boolean => v.date.startsWith(month);
  return verdicts.every(inMonth) ? verdicts : verdicts.filter(inMonth);
}

/**
 * The visits' refs in order, each once (as `[...new Set(refs)]`). Refs are unique in practice, so
 * refs already in ascending order (the usual case: refs given in time order) or a sorted copy
 * prove it without hashing every ref; only a repeat falls back to the Set.
 */
function uniqueRefs(verdicts: readonly VisitVerdict[]): string[] {
  const refs = verdicts.map((v) => v.visit.ref);
  if (ascending(refs)) return refs;
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

function payHome(
  model: HomeModel,
  valid: VisitVerdict[],
  all: readonly VisitVerdict[],
  month: Month,
  level: Level,
  prices: Prices,
  name: string,
  issues: ClaimIssue[],
  about: { idNumber: string; resident: string },
): Paid | null {
  const validMinutes = valid.reduce((s, v) => s + v.minutes, 0);
  if (model.model === 'hourly-quota') {
    if (prices.hourlyFeeFen === undefined) {
      issues.push(makeIssue('PRICE_MISSING', messages.priceMissing(name, level, '居家护理小时收费'), about));
      return null;
    }
    const quotaHours = forLevel(model.quotaHours, level) ?? 0;
    const split = splitHourlyQuota(validMinutes, quotaHours * 60, prices.hourlyFeeFen, model.fundRatio);
    if (validMinutes > quotaHours * 60) {
      issues.push(makeIssue('OVER_QUOTA', messages.overQuotaMinutes(name, validMinutes, quotaHours, validMinutes - quotaHours * 60), about));
    }
    return { ...split, counted: valid, overQuota: [], level };
  }
  if (model.model === 'monthly-cap') {
    if (prices.hourlyFeeFen === undefined) {
      issues.push(makeIssue('PRICE_MISSING', messages.priceMissing(name, level, '居家护理小时收费'), about));
      return null;
    }
    return { ...splitMonthlyCap(validMinutes, prices.hourlyFeeFen, model.capFen, model.fundRatio), coveredMinutes: validMinutes, counted: valid, overQuota: [], level };
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
  const counted: VisitVerdict[] = [];
  const overQuota: VisitVerdict[] = [];
  for (const v of all) {
    if (!v.valid || v.date < firstMonday) continue;
    const week = weekStart(v.date);
    const weekLimit = forLevel(model.visitsPerWeek, v.level ?? level) ?? 0;
    const dayCount = perDay.get(v.date) ?? 0;
    const weekCount = perWeek.get(week) ?? 0;
    const inThisMonth = v.date.startsWith(month);
    if (dayCount >= model.visitsPerDay || weekCount >= weekLimit) {
      if (inThisMonth) {
        overQuota.push(v);
        const why = dayCount >= model.visitsPerDay ? `每天${model.visitsPerDay}次的限额` : `每周${weekLimit}次的限额（${week}起的一周）`;
        issues.push(makeIssue('OVER_QUOTA', messages.overQuotaVisit(name, v.visit.ref, why), { ...about, visit: v.visit.ref, date: v.date }));
      }
      continue;
    }
    perDay.set(v.date, dayCount + 1);
    perWeek.set(week, weekCount + 1);
    if (inThisMonth) counted.push(v);
  }
  const split = splitPerVisit(counted.length, visitFeeFen, model);
  return { ...split, coveredMinutes: counted.reduce((s, v) => s + v.minutes, 0), counted, overQuota, level };
}
