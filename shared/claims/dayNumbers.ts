/**
 * The dates a visit is judged against (stay segments, assessment periods, certificates) as day
 * numbers, made once per client and per caregiver of a claim. Judging ~100,000 visits compared
 * date strings several times each, and the string comparisons were the largest part of the rules'
 * time (`npm run bench`). For valid dates the order of the numbers is the order of the strings, so
 * the answers are the same; a record with any date that is not one keeps the string comparisons.
 */
import { validDayNumber as day } from '../domain/dates';
import type { Certificate, CertificateType } from '../domain/model';
import type { AssessmentPeriod } from './assessments';
import type { ResidentFacts } from './residentFacts';
import type { StaySegment } from './stayTimeline';

/** No end: later than any day. */
const OPEN = Number.POSITIVE_INFINITY;

export interface ResidentDays {
  /** how many of the arrays' first entries are the resident's (the arrays may be longer: reused, see residentDays) */
  segments: number;
  periods: number;
  segmentFrom: Float64Array;
  /** OPEN while the stay is open */
  segmentTo: Float64Array;
  periodStart: Float64Array;
  periodEnd: Float64Array;
  /** OPEN when no death is recorded */
  deathDay: number;
}

export interface CertificateDays {
  certificates: readonly Certificate[];
  issued: Float64Array;
  /** OPEN without expiry */
  expires: Float64Array;
}

/**
 * The resident's dates as day numbers, or null if one of them is not a valid date. Written into
 * `reuse` when its arrays are long enough: a claim makes them for each of ~3,500 clients in turn and
 * needs one at a time, and four typed arrays per client were ~2 MB of garbage a claim (`npm run bench`).
 */
export function residentDays(facts: ResidentFacts, reuse?: ResidentDays): ResidentDays | null {
  const { segments, deathOn } = facts.timeline;
  const { periods } = facts;
  const fits = reuse !== undefined && reuse.segmentFrom.length >= segments.length && reuse.periodStart.length >= periods.length;
  const out: ResidentDays = fits
    ? reuse
    : {
        segments: 0,
        periods: 0,
        segmentFrom: new Float64Array(segments.length),
        segmentTo: new Float64Array(segments.length),
        periodStart: new Float64Array(periods.length),
        periodEnd: new Float64Array(periods.length),
        deathDay: OPEN,
      };
  out.segments = segments.length;
  out.periods = periods.length;
  out.deathDay = deathOn === null ? OPEN : day(deathOn);
  let valid = out.deathDay === out.deathDay;
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k] as StaySegment;
    valid = valid && (out.segmentFrom[k] = day(s.from)) === out.segmentFrom[k];
    valid = valid && (out.segmentTo[k] = s.to === null ? OPEN : day(s.to)) === out.segmentTo[k];
  }
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k] as AssessmentPeriod;
    valid = valid && (out.periodStart[k] = day(p.start)) === out.periodStart[k];
    valid = valid && (out.periodEnd[k] = day(p.end)) === out.periodEnd[k];
  }
  return valid ? out : null;
}

/** Room for the day numbers of any resident with up to `segments` stay segments and `periods` assessment periods (residentDays' `reuse`). */
export function residentDaysRoom(segments: number, periods: number): ResidentDays {
  return {
    segments: 0,
    periods: 0,
    segmentFrom: new Float64Array(segments),
    segmentTo: new Float64Array(segments),
    periodStart: new Float64Array(periods),
    periodEnd: new Float64Array(periods),
    deathDay: OPEN,
  };
}

/** The caregiver's certificates' dates as day numbers, or null if one of them is not a valid date. */
export function certificateDays(certificates: readonly Certificate[]): CertificateDays | null {
  const out: CertificateDays = { certificates, issued: new Float64Array(certificates.length), expires: new Float64Array(certificates.length) };
  for (let k = 0; k < certificates.length; k++) {
    const c = certificates[k] as Certificate;
    const issued = day(c.issuedOn);
    // an empty expiry counts as none, as certificateValidOn reads it
    const expires = c.expiresOn ? day(c.expiresOn) : OPEN;
    if (issued !== issued || expires !== expires) return null;
    out.issued[k] = issued;
    out.expires[k] = expires;
  }
  return out;
}

/** statusOn by day number: the index of the segment holding the day, or −1. */
export function segmentOn(days: ResidentDays, d: number): number {
  const { segmentFrom: from, segmentTo: to } = days;
  for (let k = 0; k < days.segments; k++) if ((from[k] as number) <= d && d < (to[k] as number)) return k;
  return -1;
}

/** assessmentOn by day number: the index of the period in force on the day, or −1. */
export function periodOn(days: ResidentDays, d: number): number {
  const { periodStart: start, periodEnd: end } = days;
  let current = -1;
  for (let k = 0; k < days.periods; k++) {
    if ((start[k] as number) <= d) current = k;
    else break;
  }
  return current >= 0 && d <= (end[current] as number) ? current : -1;
}

/** True when one of the certificates (of the type, if given) is valid on the day (certificateValidOn). */
export function certifiedOn(days: CertificateDays, d: number, type?: CertificateType): boolean {
  const { certificates, issued, expires } = days;
  for (let k = 0; k < certificates.length; k++) {
    if ((!type || (certificates[k] as Certificate).type === type) && (issued[k] as number) <= d && d <= (expires[k] as number)) return true;
  }
  return false;
}
