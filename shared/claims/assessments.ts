/**
 * Which assessment holds on a day (docs/rules.md §2). Benefits start from the pack's start rule,
 * last `validityMonths`, and a newer conclusion replaces the older one from its own start date, so a
 * level change never takes effect mid-month under the next-month rule.
 */
import { addDays, addMonths, firstOfNextMonth } from '../domain/dates';
import type { Assessment, Level, LocalDate } from '../domain/model';
import type { PolicyPack } from '../policy/pack';

/** An assessment with the days it is in force: start … end, both inclusive. */
export interface AssessmentPeriod {
  assessment: Assessment;
  level: Level;
  start: LocalDate;
  end: LocalDate;
}

export function benefitStart(concludedOn: LocalDate, rule: PolicyPack['assessment']['benefitStart']): LocalDate {
  return rule === 'next-month' ? firstOfNextMonth(concludedOn) : concludedOn;
}

/**
 * Start and end of the benefits of a conclusion on a date, remembered per rule: a claim derives the
 * periods of every resident's every assessment (~8,000), on a few hundred distinct dates, and the
 * date arithmetic made strings each time (`npm run bench`). Bounded, so a long-running process
 * does not grow it without end.
 */
type Spans = Map<LocalDate, { start: LocalDate; end: LocalDate }>;
const spans = new Map<string, Spans>();

/** The remembered spans of one pack's rule, found once per resident, not per assessment (a key string each time). */
function spansOf(rules: PolicyPack['assessment']): Spans {
  const rule = `${rules.benefitStart}/${rules.validityMonths}`;
  let byDate = spans.get(rule);
  if (!byDate) spans.set(rule, (byDate = new Map()));
  return byDate;
}

function spanOf(concludedOn: LocalDate, rules: PolicyPack['assessment'], byDate: Spans): { start: LocalDate; end: LocalDate } {
  let span = byDate.get(concludedOn);
  if (!span) {
    if (byDate.size >= 10_000) byDate.clear();
    const start = benefitStart(concludedOn, rules.benefitStart);
    byDate.set(concludedOn, (span = { start, end: addDays(addMonths(start, rules.validityMonths), -1) }));
  }
  return span;
}

/** The periods in the order they take effect (later start wins; same start: later conclusion). */
export function assessmentPeriods(assessments: readonly Assessment[], rules: PolicyPack['assessment']): AssessmentPeriod[] {
  if (assessments.length === 0) return [];
  const byDate = spansOf(rules);
  const periods = assessments.map((a): AssessmentPeriod => {
    const { start, end } = spanOf(a.concludedOn, rules, byDate);
    return { assessment: a, level: a.level, start, end };
  });
  // Usually concluded in order already: then nothing to sort (a claim builds every resident's).
  let sorted = true;
  for (let i = 1; i < periods.length && sorted; i++) {
    const x = periods[i - 1] as AssessmentPeriod;
    const y = periods[i] as AssessmentPeriod;
    sorted = x.start < y.start || (x.start === y.start && x.assessment.concludedOn <= y.assessment.concludedOn);
  }
  if (sorted) return periods;
  return periods
    .map((period, i) => ({ i, period }))
    .sort((x, y) =>
      x.period.start !== y.period.start
        ? x.period.start < y.period.start
          ? -1
          : 1
        : x.period.assessment.concludedOn !== y.period.assessment.concludedOn
          ? x.period.assessment.concludedOn < y.period.assessment.concludedOn
            ? -1
            : 1
          : x.i - y.i,
    )
    .map((x) => x.period);
}

/**
 * The assessment in force on `date`, or null: none has started yet, or the latest one to start has
 * expired (an older one it replaced does not come back).
 */
export function assessmentOn(periods: readonly AssessmentPeriod[], date: LocalDate): AssessmentPeriod | null {
  let current: AssessmentPeriod | null = null;
  for (const p of periods) {
    if (p.start <= date) current = p;
    else break;
  }
  return current && date <= current.end ? current : null;
}
