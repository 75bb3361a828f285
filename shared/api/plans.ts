/**
 * 服务计划 (home-visit plans) and 派单 (their month schedule): the plans, checked against the pack when
 * saved; the schedule suggested by the solver (a job) and stored when accepted; plan against done; each
 * caregiver's day list.
 */
import { z } from 'zod';
import { isValidDate } from '../domain/dates';
import type { Level, LocalDate, Month } from '../domain/model';
import type { CarePlan, PlannedVisit, PlanRules } from '../plans/types';
import { method, monthString, noInput, recordId, type FileDownload } from './define';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:mm，例如 08:00');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD')
  .refine(isValidDate, '日期不存在，请核对年月日');

export const planInput = z
  .object({
    residentId: recordId,
    items: z.array(z.string().trim().min(1).max(20)).min(1, '请至少选一个服务项目').max(40, '服务项目最多40个'),
    visitsPerWeek: z.number().int().min(1, '每周至少1次').max(14, '每周最多14次'),
    minutes: z.number().int().min(1, '每次至少1分钟').max(480, '每次最多480分钟'),
    days: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    windowStart: clock,
    windowEnd: clock,
    preferredStaffId: recordId.nullable().default(null),
    excludedStaffIds: z.array(recordId).max(100).default([]),
    note: z.string().trim().max(200, '备注最多200个字').optional(),
  })
  .refine((p) => p.windowEnd > p.windowStart, { path: ['windowEnd'], message: '时间窗结束应晚于开始' });
export type PlanInput = z.input<typeof planInput>;

export const planRulesInput = z.object({
  travelSameAreaMinutes: z.number().int().min(0).max(240),
  travelDefaultMinutes: z.number().int().min(0).max(240),
  maxVisitsPerDay: z.number().int().min(1).max(20),
  maxHoursPerDay: z.number().min(1).max(16),
  matchToleranceMinutes: z.number().int().min(0).max(240),
});

/** A home client in the plans list: who, the level and its limit in words, the plan if any. */
export interface PlanRow {
  residentId: number;
  ref: string;
  name: string;
  address: string | null;
  level: Level | null;
  /** the pack's limit for the level, in words (每月 25 小时 / 每周最多 5 次 / 每月封顶 2100.00 元) */
  limit: string | null;
  plan: CarePlan | null;
  /** what the stored plan breaks today (a level changed, a pack's limit, a caregiver's licence): the save's rules */
  problems: string[];
}

export interface PlansView {
  today: LocalDate;
  rows: PlanRow[];
  /** the catalogue's items, for the plan form */
  items: { code: string; name: string; medical: boolean }[];
  /** caregivers (nurses and caregivers employed today) for preferred/excluded */
  caregivers: { id: number; name: string; nurse: boolean }[];
  rules: PlanRules;
}

export type ConflictKind = 'NO_CAREGIVER' | 'OVERLAP' | 'TRAVEL' | 'DAY_LIMIT' | 'CERT_INVALID' | 'EXCLUDED';

export interface ScheduleConflict {
  kind: ConflictKind;
  /** in Chinese, naming the records */
  message: string;
  visitIds: number[];
}

export interface ScheduleView {
  month: Month;
  visits: (PlannedVisit & { residentName: string; staffName: string | null; address: string | null; items: string[]; itemNames: string[] })[];
  conflicts: ScheduleConflict[];
}

export interface ScheduleSuggestion {
  month: Month;
  /** the first day suggested (today, in the current month): accepting replaces the days from it on */
  from: LocalDate;
  visits: Omit<PlannedVisit, 'id'>[];
  /** visits the plans ask for in the month, and how many got a caregiver */
  demand: number;
  met: number;
  unmet: string[];
  seconds: number;
  solver: string;
}

export interface PlanVsDone {
  month: Month;
  /** planned visits with a recorded visit (same client and caregiver, that day, start within the tolerance) */
  matched: number;
  missed: { plannedId: number; date: LocalDate; start: string; residentName: string; staffName: string | null }[];
  unplanned: { visitRef: string; date: LocalDate; start: string; residentName: string; staffName: string }[];
  byStaff: { staffId: number; name: string; planned: number; matched: number; missed: number; unplanned: number }[];
  byClient: { residentId: number; name: string; planned: number; matched: number; missed: number; unplanned: number }[];
}

export const plansApi = {
  'plans.list': method(noInput).returns<PlansView>(),
  /** refused (BAD_INPUT) with the rule and the numbers when the plan goes over the pack's limits */
  'plans.save': method(planInput).returns<PlanRow>(),
  'plans.delete': method(z.object({ residentId: recordId })).returns<{ residentId: number }>(),
  'plans.saveRules': method(planRulesInput).returns<PlanRules>(),
  'plans.schedule': method(z.object({ month: monthString })).returns<ScheduleView>(),
  /** 派单建议 as a job (jobs.status → ScheduleSuggestion) */
  'plans.suggest': method(z.object({ month: monthString })).returns<{ jobId: string }>(),
  /** stores a month's schedule (replacing the days from `from` on), audited */
  'plans.saveSchedule': method(
    z.object({
      month: monthString,
      from: day,
      visits: z
        .array(z.object({ residentId: recordId, staffId: recordId.nullable(), date: day, start: clock, minutes: z.number().int().min(1).max(480) }))
        .max(200_000),
    }),
  ).returns<{ stored: number }>(),
  'plans.compare': method(z.object({ month: monthString })).returns<PlanVsDone>(),
  /** a caregiver's day list (client, address, time, items), .xlsx or PDF; audited as an export */
  'plans.dayList': method(z.object({ date: day, staffId: recordId.optional(), format: z.enum(['xlsx', 'pdf']) })).returns<FileDownload>(),
};
