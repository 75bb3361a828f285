/**
 * A resident's institutional month (机构护理床日, docs/rules.md §6): every day's status from the
 * stay events, which days are billable, the fee split per day, and the issues for days not billed.
 */
import { datesOfMonth } from '../domain/dates';
import type { Level, LocalDate, Month, Prices } from '../domain/model';
import { forLevel, type PolicyPack } from '../policy/pack';
import { assessmentOn } from './assessments';
import { DayRuns } from './dayRuns';
import { makeIssue } from './issue';
import type { IssueCode } from './issueCodes';
import { messages } from './messages';
import { splitBedDay } from './payment';
import type { ResidentFacts } from './residentFacts';
import { statusOn } from './stayTimeline';
import type { ClaimIssue, ClaimLine, InstitutionalEvidence } from './types';

export interface InstitutionalMonth {
  /** the resident had at least one day in an institutional stay this month */
  inStay: boolean;
  line: ClaimLine | null;
  issues: ClaimIssue[];
}

type RunKey = `${IssueCode}:${number}`;

/** The month's dates, made once per month: every resident's month walks them (~3,500 a claim). */
let monthDates: { month: Month; dates: readonly LocalDate[] } | null = null;
function datesOf(month: Month): readonly LocalDate[] {
  if (monthDates?.month !== month) monthDates = { month, dates: datesOfMonth(month) };
  return monthDates.dates;
}

/** Whether an institutional segment of the timeline holds any day of the month. */
function institutionalIn(facts: ResidentFacts, first: LocalDate, last: LocalDate): boolean {
  for (const s of facts.timeline.segments) if (s.mode === 'institutional' && s.from <= last && (s.to === null || s.to > first)) return true;
  return false;
}

export function institutionalMonth(facts: ResidentFacts, month: Month, pack: PolicyPack, prices: Prices): InstitutionalMonth {
  const dates = datesOf(month);
  // No day of the month in an institutional stay (home clients): nothing below would be found.
  if (!institutionalIn(facts, dates[0] as LocalDate, dates[dates.length - 1] as LocalDate)) return { inStay: false, line: null, issues: [] };
  const { resident } = facts;
  const model = pack.institutional;
  const evidence: InstitutionalEvidence = { billable: [], present: [], hospital: [], leave: [] };
  const runs = new DayRuns<RunKey>();
  let inStay = false;
  let leaveDays = 0;
  let level: Level = 0;
  const sum = { feeFen: 0, fundFen: 0, personalFen: 0 };

  for (const date of dates) {
    const seg = statusOn(facts.timeline, date);
    if (!seg || seg.mode !== 'institutional') continue;
    inStay = true;
    evidence[seg.status].push(date);
    if (!model) continue;
    if (seg.status === 'hospital') {
      runs.add('HOSPITAL_DAY:0', date);
      continue;
    }
    if (seg.status === 'leave' && ++leaveDays > model.leaveDaysBillablePerMonth) {
      runs.add('LEAVE_DAY:0', date);
      continue;
    }
    const held = assessmentOn(facts.periods, date);
    if (!held) {
      runs.add('NO_ASSESSMENT:0', date);
      continue;
    }
    if (!pack.eligibleLevels.includes(held.level)) {
      runs.add(`LEVEL_NOT_ELIGIBLE:${held.level}`, date);
      continue;
    }
    const fee = forLevel(prices.dailyFeeFen ?? {}, held.level);
    if (fee === undefined) {
      runs.add(`PRICE_MISSING:${held.level}`, date);
      continue;
    }
    if (fee === 0) {
      runs.add(`PRICE_ZERO:${held.level}`, date);
      continue;
    }
    const day = splitBedDay(fee, forLevel(model.dayCapFen, held.level), model);
    sum.feeFen += day.feeFen;
    sum.fundFen += day.fundFen;
    sum.personalFen += day.personalFen;
    level = held.level;
    evidence.billable.push(date);
  }

  const issues: ClaimIssue[] = [];
  const about = (from: LocalDate, to: LocalDate) => ({
    idNumber: resident.idNumber,
    resident: resident.ref,
    date: from,
    ...(to !== from ? { dateTo: to } : {}),
  });
  if (inStay && !model) {
    issues.push(
      makeIssue('MODE_NOT_COVERED', messages.modeNotCovered(resident.name, 'institutional', pack.title), {
        idNumber: resident.idNumber,
        resident: resident.ref,
      }),
    );
  }
  for (const run of runs.list()) {
    const [code, lvl] = run.key.split(':') as [IssueCode, string];
    const n = resident.name;
    const text =
      code === 'HOSPITAL_DAY'
        ? messages.hospitalDays(n, run.from, run.to, run.days)
        : code === 'LEAVE_DAY'
          ? messages.leaveDays(n, run.from, run.to, run.days, model?.leaveDaysBillablePerMonth ?? 0)
          : code === 'NO_ASSESSMENT'
            ? messages.noAssessment(n, run.from, run.to, run.days)
            : code === 'LEVEL_NOT_ELIGIBLE'
              ? messages.levelNotEligible(n, Number(lvl) as Level, pack.eligibleLevels, run.from, run.to, run.days)
              : code === 'PRICE_ZERO'
                ? messages.priceZero(n, Number(lvl), '机构护理日护理费', `${run.days}个床日`)
                : messages.priceMissing(n, Number(lvl), '机构护理日护理费');
    issues.push(makeIssue(code, text, about(run.from, run.to)));
  }

  const line: ClaimLine | null =
    evidence.billable.length === 0
      ? null
      : {
          idNumber: resident.idNumber,
          name: resident.name,
          resident: resident.ref,
          mode: 'institutional',
          level,
          billableDays: evidence.billable.length,
          coveredMinutes: 0,
          ...sum,
          evidence,
        };
  return { inStay, line, issues };
}
