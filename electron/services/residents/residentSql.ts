/**
 * The derived facts a list needs, in SQL, so filtering, sorting and paging run in the database at
 * 10,000 residents instead of loading everyone. Each fact is one index seek per person:
 *  - status: the last event up to today (by date, then recorded order) says where the person is,
 *    which for any possible timeline (shared/domain/stayRules.ts) is what the claim engine derives;
 *  - the latest admission up to today gives the care mode and the bed;
 *  - the assessment in force: the latest conclusion whose benefits have started, if not yet ended.
 *    Benefit start never decreases as the conclusion date grows, so "latest to start" is "latest
 *    concluded" (ties: the later recorded, as shared/claims/assessments.ts orders them).
 */
import { addDays, monthStart } from '../../../shared/domain/dates';
import type { LocalDate } from '../../../shared/domain/model';
import type { PolicyPack } from '../../../shared/policy/pack';

/** Parameters every derived query binds. */
export interface DerivedParams {
  today: LocalDate;
  /** the last conclusion date whose benefits have started by today */
  concludedBy: LocalDate;
  /** an SQLite date modifier: `+24 months` */
  validity: string;
}

export function derivedParams(pack: PolicyPack, today: LocalDate): DerivedParams {
  const rule = pack.assessment;
  return {
    today,
    concludedBy: rule.benefitStart === 'next-month' ? addDays(monthStart(today.slice(0, 7)), -1) : today,
    validity: `+${rule.validityMonths} months`,
  };
}

/** Benefit start of a conclusion date column, per the pack's rule. */
export function startSql(pack: PolicyPack, col: string): string {
  return pack.assessment.benefitStart === 'next-month' ? `date(${col}, 'start of month', '+1 month')` : col;
}

/**
 * start + validity months − 1 day, with the day clamped to the target month's length as
 * shared/domain/dates.ts addMonths does (SQLite alone would roll 01-31 + 1 month into March).
 */
export function endSql(pack: PolicyPack, col: string): string {
  const s = startSql(pack, col);
  return `date(min(date(${s}, 'start of month', @validity, '+1 month', '-1 day'), date(${s}, @validity)), '-1 day')`;
}

/** One row per resident with the raw derived columns; filters and order go around it. */
export function derivedResidentsSql(pack: PolicyPack, where: string): string {
  return `SELECT r.id, r.ref, r.name, r.id_number,
      le.type AS last_type, le.date AS last_date,
      ad.mode AS mode, ad.bed AS admit_bed,
      cur.level AS cur_level, ${endSql(pack, 'cur.concluded_on')} AS cur_end,
      ${endSql(pack, 'lat.concluded_on')} AS latest_end
    FROM residents r
    LEFT JOIN stay_events le ON le.id =
      (SELECT id FROM stay_events WHERE resident_id = r.id AND date <= @today ORDER BY date DESC, seq DESC, id DESC LIMIT 1)
    LEFT JOIN stay_events ad ON ad.id =
      (SELECT id FROM stay_events WHERE resident_id = r.id AND type = 'admit' AND date <= @today ORDER BY date DESC, seq DESC, id DESC LIMIT 1)
    LEFT JOIN assessments cur ON cur.id =
      (SELECT id FROM assessments WHERE resident_id = r.id AND concluded_on <= @concludedBy ORDER BY concluded_on DESC, id DESC LIMIT 1)
    LEFT JOIN assessments lat ON lat.id =
      (SELECT id FROM assessments WHERE resident_id = r.id ORDER BY concluded_on DESC, id DESC LIMIT 1)
    WHERE ${where}`;
}

/** The status of the derived row `d`, as ResidentStatus. */
export const STATUS_SQL = `CASE d.last_type
    WHEN 'admit' THEN 'present' WHEN 'return' THEN 'present'
    WHEN 'hospital' THEN 'hospital' WHEN 'leave' THEN 'leave'
    WHEN 'discharge' THEN 'discharged' WHEN 'death' THEN 'deceased'
    ELSE 'none' END`;

/** The level in force today, or NULL. */
export const LEVEL_SQL = 'CASE WHEN d.cur_end >= @today THEN d.cur_level END';
