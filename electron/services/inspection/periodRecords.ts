/**
 * The records 检查准备 and 自查 read for a period, in one read transaction: what each month claimed
 * (the frozen claim once submitted, with its 补报) beside the claim the records give now, the visits
 * as the rules read them (no items, no notes: a big month has ~100,000), caregiver changes from the
 * audit log, and the hourly quota of every home client by month.
 */
import { assessmentPeriods } from '../../../shared/claims/assessments';
import type { Claim } from '../../../shared/claims/types';
import { addDays, addMonthsToMonth, monthEnd, monthStart } from '../../../shared/domain/dates';
import type { Resident, Staff } from '../../../shared/domain/model';
import type { AuditVisit, MonthModes, VisitMove } from '../../../shared/inspection/selfAuditTypes';
import { forLevel, type PolicyPack } from '../../../shared/policy/pack';
import { findPolicyPack } from '../../../shared/policy/registry';
import { claimsOfMonth, isSent } from '../claims/claimStore';
import { computeMonthClaim } from '../claims/monthClaim';
import { readInstitution } from '../dataset/institutionRows';
import { readResidents, readStaff } from '../dataset/readRecords';
import type { LtcDatabase } from '../db/database';
import { InputError } from '../errors';

export interface MonthClaims {
  month: string;
  /** the claim as the records stand now */
  now: Claim;
  /** what was claimed: the live regular claim once submitted or settled, else null */
  sent: Claim | null;
  /** the month's 补报 that stand */
  supplements: Claim[];
  submittedAt: string | null;
}

/** The months a period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addMonthsToMonth(m, 1)) out.push(m);
  return out;
}

export function requirePack(db: LtcDatabase): PolicyPack {
  const institution = readInstitution(db.raw);
  if (!institution) throw new InputError('请先完成机构设置（设置 › 机构设置）：检查准备需要机构信息和政策包。');
  const pack = findPolicyPack(institution.policy);
  if (!pack) throw new InputError(`机构设置的政策包“${institution.policy}”不存在，请在机构设置中重新选择政策包`);
  return pack;
}

export function monthClaims(db: LtcDatabase, month: string): MonthClaims {
  const stored = claimsOfMonth(db, month).filter((c) => isSent(c.summary));
  const regular = stored.find((c) => c.summary.kind === 'regular') ?? null;
  return {
    month,
    now: computeMonthClaim(db, month),
    sent: regular?.claim ?? null,
    supplements: stored.filter((c) => c.summary.kind === 'supplementary').map((c) => c.claim),
    submittedAt: regular?.summary.submittedAt ?? null,
  };
}

/** Each person's claimed days, minutes and visits in a month by mode: the sent claims, else the draft. */
export function monthModes(c: MonthClaims): MonthModes[] {
  const lines = c.sent ? [c.sent, ...c.supplements].flatMap((x) => x.lines) : c.now.lines;
  const byResident = new Map<string, MonthModes>();
  for (const l of lines) {
    const m = byResident.get(l.resident) ?? { month: c.month, resident: l.resident, institutionalDays: 0, homeMinutes: 0, homeVisits: 0 };
    if (l.mode === 'institutional') m.institutionalDays += l.billableDays;
    else {
      m.homeMinutes += l.coveredMinutes;
      m.homeVisits += l.visits ?? 0;
    }
    byResident.set(l.resident, m);
  }
  return [...byResident.values()];
}

type VisitRow = [string, string, string, string, string, number, number, number | null, number | null, number | null, number | null];

/** Visits starting from `from` to `to` (dates, inclusive), in start order, as the rules read them. */
export function readAuditVisits(db: LtcDatabase, from: string, to: string): AuditVisit[] {
  const rows = db.raw
    .prepare(
      `SELECT v.ref, r.ref, s.ref, v.start_at, v.end_at, v.minutes, v.confirmed, v.check_in_lat, v.check_in_lng, v.check_out_lat, v.check_out_lng
       FROM visits v JOIN residents r ON r.id = v.resident_id JOIN staff s ON s.id = v.staff_id
       WHERE v.start_at >= ? AND v.start_at < ? ORDER BY v.start_at, v.id`,
    )
    .raw()
    .all(from, addDays(to, 1)) as VisitRow[];
  return rows.map((r) => ({
    ref: r[0],
    resident: r[1],
    staff: r[2],
    start: r[3],
    end: r[4],
    minutes: r[5],
    confirmed: r[6] === 1,
    checkIn: r[7] === null || r[8] === null ? null : { lat: r[7], lng: r[8] },
    checkOut: r[9] === null || r[10] === null ? null : { lat: r[9], lng: r[10] },
  }));
}

/**
 * Caregiver changes of visits dated in the period, from the audit log (visitWrite.ts logs the visit with
 * the caregiver's name): names are turned back into refs; a name two staff members share is skipped,
 * since it cannot say whose hours the visit left.
 */
export function readMoves(db: LtcDatabase, staff: readonly Staff[], from: string, to: string): VisitMove[] {
  const byName = new Map<string, string | null>();
  for (const s of staff) byName.set(s.name, byName.has(s.name) ? null : s.ref);
  const rows = db.raw
    .prepare(
      `SELECT at, json_extract(before_json, '$.staff') AS b, json_extract(after_json, '$.staff') AS a, json_extract(after_json, '$.ref') AS ref,
              json_extract(after_json, '$.start') AS start, json_extract(after_json, '$.minutes') AS minutes
       FROM audit_log WHERE entity = 'visit' AND action = 'update' AND b IS NOT NULL AND a IS NOT NULL AND b <> a
         AND start >= ? AND start < ? ORDER BY id`,
    )
    .all(from, addDays(to, 1)) as { at: string; b: string; a: string; ref: string; start: string; minutes: number }[];
  const out: VisitMove[] = [];
  for (const r of rows) {
    const fromRef = byName.get(r.b);
    const toRef = byName.get(r.a);
    if (!fromRef || !toRef) continue;
    out.push({ visit: r.ref, at: r.at, from: fromRef, to: toRef, date: r.start.slice(0, 10), minutes: r.minutes });
  }
  return out;
}

/**
 * Each home client's hourly quota (minutes) by month, for an hourly-quota pack; null for other models.
 * The level is the one in force on the month's first day, else its last: a new level takes effect on a
 * month's first day (DOMAIN.md §2), so within a month it changes only when an assessment runs out.
 */
export function readQuotas(residents: readonly Resident[], pack: PolicyPack, months: readonly string[]): Map<string, Map<string, number>> | null {
  if (pack.home?.model !== 'hourly-quota') return null;
  const hours = pack.home.quotaHours;
  const out = new Map<string, Map<string, number>>();
  for (const m of months) out.set(m, new Map());
  for (const r of residents) {
    if (!r.events.some((e) => e.type === 'admit' && e.mode === 'home')) continue;
    const periods = assessmentPeriods(r.assessments, pack.assessment);
    for (const m of months) {
      const at = (d: string) => periods.filter((p) => p.start <= d && d <= p.end).at(-1);
      const period = at(monthStart(m)) ?? at(monthEnd(m));
      if (!period || !pack.eligibleLevels.includes(period.level)) continue;
      const quota = forLevel(hours, period.level);
      if (quota !== undefined && quota > 0) out.get(m)?.set(r.ref, Math.round(quota * 60));
    }
  }
  return out;
}

export interface People {
  residents: Resident[];
  staff: Staff[];
  residentNames: Map<string, string>;
  staffNames: Map<string, string>;
}

export function readPeople(db: LtcDatabase): People {
  const residents = readResidents(db.raw).list;
  const staff = readStaff(db.raw).list;
  return { residents, staff, residentNames: new Map(residents.map((r) => [r.ref, r.name])), staffNames: new Map(staff.map((s) => [s.ref, s.name])) };
}
