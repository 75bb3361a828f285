/** 服务计划 (a home client's care plan) and the month schedule made from it (派单), as plain data. */
import type { LocalDate } from '../domain/model';

export interface CarePlan {
  residentId: number;
  /** service item codes of the pack's catalogue */
  items: string[];
  visitsPerWeek: number;
  /** minutes a visit */
  minutes: number;
  /** preferred ISO weekdays (1 = Monday); empty: any day */
  days: number[];
  /** the visit starts and ends within this window, `HH:mm` */
  windowStart: string;
  windowEnd: string;
  preferredStaffId: number | null;
  excludedStaffIds: number[];
  note?: string | undefined;
}

/** One planned visit of the schedule: a client, a day, a start, a caregiver (null: not yet given). */
export interface PlannedVisit {
  id: number;
  residentId: number;
  staffId: number | null;
  date: LocalDate;
  /** `HH:mm` */
  start: string;
  minutes: number;
}

/** 派单's settings (设置 in the 服务计划 screen), each a default of the product. */
export interface PlanRules {
  /** travel between two visits in the same 街道/小区 (the product's default: 10 minutes) */
  travelSameAreaMinutes: number;
  /** travel otherwise, where no coordinates are known (the product's default: 30 minutes) */
  travelDefaultMinutes: number;
  /** visits a caregiver may be given a day (the product's default: 6) */
  maxVisitsPerDay: number;
  /** hours of visits a caregiver may be given a day, travel not counted (the product's default: 8) */
  maxHoursPerDay: number;
  /** a recorded visit matches a planned one starting within this many minutes (default: 60) */
  matchToleranceMinutes: number;
}

export const DEFAULT_PLAN_RULES: PlanRules = {
  travelSameAreaMinutes: 10,
  travelDefaultMinutes: 30,
  maxVisitsPerDay: 6,
  maxHoursPerDay: 8,
  matchToleranceMinutes: 60,
};
