/**
 * What the plans are judged and scheduled with: the institution's pack and catalogue, the home clients
 * (in a home service period on a day, docs/rules.md §7) with the level in force, the caregivers with their
 * certificates, the stored plans, and the 派单 rules (app_settings `plans.rules`; absent: the defaults).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { assessmentOn, assessmentPeriods } from '../../../shared/claims/assessments';
import { buildTimeline, statusOn, type StayTimeline } from '../../../shared/claims/stayTimeline';
import type { Certificate, CertificateType, Level, LocalDate } from '../../../shared/domain/model';
import { DEFAULT_PLAN_RULES, type CarePlan, type PlanRules } from '../../../shared/plans/types';
import { readEngineResidents } from '../dataset/claimResidents';
import { readInstitution } from '../dataset/institutionRows';
import { InputError } from '../errors';
import { loadPolicy, type Policy } from '../visits/judge';

export const PLAN_RULES_KEY = 'plans.rules';

export function readPlanRules(sql: BetterSqlite3.Database): PlanRules {
  const stored = sql.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get(PLAN_RULES_KEY) as string | undefined;
  return stored ? { ...DEFAULT_PLAN_RULES, ...(JSON.parse(stored) as Partial<PlanRules>) } : DEFAULT_PLAN_RULES;
}

export function requirePolicy(sql: BetterSqlite3.Database): Policy {
  const p = loadPolicy(sql);
  if (!p) throw new InputError('请先在机构设置中填写机构信息并选择政策包，再制定服务计划');
  return p;
}

export interface HomeClient {
  id: number;
  ref: string;
  name: string;
  address: string | null;
  timeline: StayTimeline;
  levelOn: (date: LocalDate) => Level | null;
  /** in a home service period that day (and not in hospital) */
  inServiceOn: (date: LocalDate) => boolean;
}

export function homeClients(sql: BetterSqlite3.Database, policy: Policy): HomeClient[] {
  const residents = readEngineResidents(sql);
  const ids = new Map<string, number>();
  for (const [id, ref] of residents.refs) ids.set(ref, id);
  const addresses = new Map((sql.prepare('SELECT id, address FROM residents').all() as { id: number; address: string | null }[]).map((r) => [r.id, r.address]));
  return residents.list
    .filter((r) => r.events.some((e) => e.type === 'admit' && e.mode === 'home'))
    .map((r) => {
      const id = ids.get(r.ref)!;
      const timeline = buildTimeline(r.events);
      const periods = assessmentPeriods(r.assessments, policy.pack.assessment);
      return {
        id,
        ref: r.ref,
        name: r.name,
        address: addresses.get(id) ?? null,
        timeline,
        levelOn: (d) => assessmentOn(periods, d)?.level ?? null,
        inServiceOn: (d) => {
          const s = statusOn(timeline, d);
          return !!s && s.mode === 'home' && s.status === 'present';
        },
      };
    });
}

export interface Caregiver {
  id: number;
  ref: string;
  name: string;
  employedFrom: string | null;
  employedTo: string | null;
  certificates: Certificate[];
}

export function caregivers(sql: BetterSqlite3.Database): Caregiver[] {
  const certs = new Map<number, Certificate[]>();
  for (const c of sql.prepare('SELECT staff_id, type, number, issued_on, expires_on FROM certificates').all() as {
    staff_id: number;
    type: CertificateType;
    number: string;
    issued_on: string;
    expires_on: string | null;
  }[]) {
    certs.set(c.staff_id, [
      ...(certs.get(c.staff_id) ?? []),
      { type: c.type, number: c.number, issuedOn: c.issued_on, ...(c.expires_on ? { expiresOn: c.expires_on } : {}) },
    ]);
  }
  const rows = sql
    .prepare(
      "SELECT id, ref, name, employed_from, employed_to FROM staff WHERE role IS NULL OR role IN ('nurse', 'caregiver', 'head-nurse', 'other') ORDER BY ref",
    )
    .all() as { id: number; ref: string; name: string; employed_from: string | null; employed_to: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    name: r.name,
    employedFrom: r.employed_from,
    employedTo: r.employed_to,
    certificates: certs.get(r.id) ?? [],
  }));
}

export function readPlans(sql: BetterSqlite3.Database): Map<number, CarePlan> {
  const items = new Map<number, string[]>();
  for (const i of sql.prepare('SELECT plan_id, code FROM care_plan_items ORDER BY plan_id, position').all() as { plan_id: number; code: string }[])
    items.set(i.plan_id, [...(items.get(i.plan_id) ?? []), i.code]);
  const excluded = new Map<number, number[]>();
  for (const e of sql.prepare('SELECT plan_id, staff_id FROM care_plan_excluded ORDER BY staff_id').all() as { plan_id: number; staff_id: number }[])
    excluded.set(e.plan_id, [...(excluded.get(e.plan_id) ?? []), e.staff_id]);
  const out = new Map<number, CarePlan>();
  for (const p of sql.prepare('SELECT * FROM care_plans').all() as {
    id: number;
    resident_id: number;
    visits_per_week: number;
    minutes: number;
    days: string;
    window_start: string;
    window_end: string;
    preferred_staff_id: number | null;
    note: string | null;
  }[]) {
    out.set(p.resident_id, {
      residentId: p.resident_id,
      items: items.get(p.id) ?? [],
      visitsPerWeek: p.visits_per_week,
      minutes: p.minutes,
      days: p.days ? p.days.split(',').map(Number) : [],
      windowStart: p.window_start,
      windowEnd: p.window_end,
      preferredStaffId: p.preferred_staff_id,
      excludedStaffIds: excluded.get(p.id) ?? [],
      ...(p.note ? { note: p.note } : {}),
    });
  }
  return out;
}

export const hourlyFee = (sql: BetterSqlite3.Database): number | undefined => readInstitution(sql)?.prices.hourlyFeeFen;
