/**
 * 服务对象: residents and clients, their assessments (评估结论) and stay timelines (入住记录), and the
 * day-status calendar the claim engine derives from them. Owned by the residents feature.
 */
import { z } from 'zod';
import type { StayMark } from '../claims/stayMarks';
import type { DayStatus } from '../claims/stayTimeline';
import type { IssueCode } from '../claims/issueCodes';
import type { CareMode, Fen, InsuranceType, Level, LocalDate, Month, StayEventType } from '../domain/model';
import { idNumberInput } from '../fields/idNumber';
import { phoneInput } from '../fields/phone';
import { listQuery, method, monthString, recordId, type Page } from './define';
import { realDate } from './staff';
import type { HomeQuotaUse } from './visits';
import { visible } from '../fields/visibleText';

/**
 * Where a person stands on a day: in a stay (present, in hospital, on leave), discharged (出院),
 * deceased (已故) or never admitted (未入住). Derived from the events, never typed.
 */
export const RESIDENT_STATUSES = ['present', 'hospital', 'leave', 'discharged', 'deceased', 'none'] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

/** List filter: `in-stay` is any of present / hospital / leave. */
export const STATUS_FILTERS = ['in-stay', ...RESIDENT_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The level in force today, or `none` (no assessment in force). Strings, so they travel in an address. */
export const LEVEL_FILTERS = ['0', '1', '2', '3', '4', '5', 'none'] as const;
export type LevelFilter = (typeof LEVEL_FILTERS)[number];

export const RESIDENT_SORT_FIELDS = ['name', 'ref', 'age', 'level', 'assessmentEnds', 'status', 'mode', 'bed'] as const;
export type ResidentSortField = (typeof RESIDENT_SORT_FIELDS)[number];

const CARE_MODES = ['institutional', 'home'] as const satisfies readonly CareMode[];
const EVENT_TYPES = ['admit', 'hospital', 'leave', 'return', 'discharge', 'death'] as const satisfies readonly StayEventType[];
const INSURANCE_TYPES = ['employee', 'resident'] as const satisfies readonly InsuranceType[];

export const residentListQuery = listQuery.extend({
  mode: z.enum(CARE_MODES).optional(),
  status: z.enum(STATUS_FILTERS).optional(),
  level: z.enum(LEVEL_FILTERS).optional(),
  sortField: z.enum(RESIDENT_SORT_FIELDS).optional(),
  /** the day statuses and levels are judged on; the services' today when absent */
  today: realDate.optional(),
});
export type ResidentListQuery = z.input<typeof residentListQuery>;

// printed on the inspection's papers and the claim's documents: only characters one can see (visibleText.ts)
const optionalText = (max: number, tooLong: string, label: string) => visible(z.string().trim().max(max, tooLong), label).optional();
/** Needed to change a month whose claim is submitted (docs/rules.md §8.4); written to the audit log. */
const correctionReason = z.string().trim().max(200, '更正原因最多200个字').optional();

export const residentInput = z.object({
  /** absent: a new resident */
  id: recordId.optional(),
  name: visible(z.string().trim().min(1, '请填写姓名').max(50, '姓名最多50个字'), '姓名'),
  idNumber: idNumberInput,
  insuranceType: z.enum(INSURANCE_TYPES).optional(),
  phone: phoneInput,
  address: optionalText(200, '地址最多200个字', '地址'),
});
export type ResidentInput = z.input<typeof residentInput>;

export const assessmentInput = z.object({
  residentId: recordId,
  level: z.number().int().min(0, '失能等级应为0–5').max(5, '失能等级应为0–5'),
  concludedOn: realDate,
  number: optionalText(60, '结论书编号最多60位', '结论书编号'),
  assessor: optionalText(100, '评估机构最多100个字', '评估机构'),
  correctionReason,
});
export type AssessmentInput = z.input<typeof assessmentInput>;

export const stayEventInput = z.object({
  residentId: recordId,
  type: z.enum(EVENT_TYPES),
  date: realDate,
  /** with `admit` only */
  mode: z.enum(CARE_MODES).optional(),
  /** with an institutional `admit` only: a registered bed free on the date */
  bed: optionalText(30, '床位号最多30位', '床位号'),
  note: optionalText(200, '备注最多200个字', '备注'),
  correctionReason,
});
export type StayEventInput = z.input<typeof stayEventInput>;

const byId = z.object({ id: recordId, correctionReason });

export interface ResidentRow {
  id: number;
  ref: string;
  name: string;
  /** `110105********002X` (PIPL): lists never carry whole numbers */
  idNumberMasked: string;
  /** the ID number fails its check: kept, but the claim gives no line until corrected */
  idWarning: string | null;
  /** from the ID number; null when it carries none */
  sex: 'male' | 'female' | null;
  age: number | null;
  /** the level of the assessment in force today */
  level: Level | null;
  /** the end of the latest assessment's validity (a newer conclusion extends it) */
  assessmentEndsOn: LocalDate | null;
  /** days from today to assessmentEndsOn (negative once ended) */
  assessmentDaysLeft: number | null;
  /** of the latest admission up to today */
  mode: CareMode | null;
  status: ResidentStatus;
  /** the date of the event that put the person in that status */
  statusSince: LocalDate | null;
  /** the bed of the current institutional stay */
  bed: string | null;
}

export interface ResidentListPage extends Page<ResidentRow> {
  today: LocalDate;
}

/** How one assessment stands today (docs/rules.md §2: a newer conclusion replaces the older from its start). */
export type AssessmentState = 'in-force' | 'pending' | 'replaced' | 'expired';

export interface AssessmentView {
  id: number;
  level: Level;
  concludedOn: LocalDate;
  number: string | null;
  assessor: string | null;
  /** benefits start (the pack's rule: the 1st of the next month by default) */
  start: LocalDate;
  /** last day of validity (start + validity months − 1 day) */
  end: LocalDate;
  state: AssessmentState;
  daysLeft: number;
  /** the pack pays this level */
  eligible: boolean;
}

export interface StayEventView {
  id: number;
  type: StayEventType;
  date: LocalDate;
  mode: CareMode | null;
  bed: string | null;
  note: string | null;
}

/** The rules the screens explain (from the institution's pack, or the default pack before setup). */
export interface ResidentPolicyView {
  id: string;
  title: string;
  eligibleLevels: number[];
  benefitStart: 'next-month' | 'conclusion-date';
  validityMonths: number;
  /** the institution is not set up yet: the default pack is used */
  fallback: boolean;
}

export interface ResidentDetail extends Omit<ResidentRow, 'idNumberMasked'> {
  /** whole: the person's own page is where the number is checked against the card */
  idNumber: string;
  birthDate: LocalDate | null;
  insuranceType: InsuranceType | null;
  phone: string | null;
  address: string | null;
  assessments: AssessmentView[];
  /** in date order (events of one date in the order recorded) */
  events: StayEventView[];
  /** what no real stay can have (possible only in imported data): shown so it gets fixed */
  timelineProblems: string[];
  visitCount: number;
  /** why this person cannot be deleted (visits, a submitted claim); null when they can */
  deleteBlocker: string | null;
  policy: ResidentPolicyView;
  /** a home-care client's use of this month's limits (hours, visits a week, the fee cap), as the claim counts it */
  homeQuota: HomeQuotaUse | null;
  today: LocalDate;
}

export interface CalendarDay {
  date: LocalDate;
  /** null: outside every stay */
  status: DayStatus | null;
  mode: CareMode | null;
  /** the level in force that day */
  level: Level | null;
  /** institutional days: billed or not; null for home-care days (paid by visit) and days outside a stay */
  billable: boolean | null;
  /** why an institutional day is not billed, as the claim says it */
  reason: { code: IssueCode; message: string } | null;
  /**
   * The day a stay begins or ends (入院, or 开始居家服务), ends by discharge (出院) or by death (死亡), and
   * the mode of that stay: a label only (the discharge and death days are outside the stay, docs/rules.md §6.2)
   */
  mark: { mark: StayMark; mode: CareMode } | null;
}

export interface ResidentCalendar {
  month: Month;
  days: CalendarDay[];
  /**
   * The month's days by care mode: an institutional resident is 在院 (present) and billed per bed-day; a
   * home client's days are the 居家服务期 (present: served at home), paid by visit, never 在院.
   */
  counts: {
    institutional: { present: number; hospital: number; leave: number; billable: number };
    home: { present: number; hospital: number; leave: number };
  };
  /** the month's institutional claim line, as the claim computes it; null when nothing is billed */
  line: { level: Level; billableDays: number; feeFen: Fen; fundFen: Fen; personalFen: Fen } | null;
  /** month-wide reasons (a failing ID number, a mode the pack does not pay, home care paid by visit) */
  notes: string[];
  policy: ResidentPolicyView;
}

export const residentsApi = {
  'residents.list': method(residentListQuery).returns<ResidentListPage>(),
  'residents.get': method(z.object({ id: recordId, today: realDate.optional() })).returns<ResidentDetail>(),
  /** creates (no id) or updates; a failing check character is a warning (`idWarning`), not a refusal */
  'residents.save': method(residentInput).returns<ResidentDetail>(),
  /** refused (CONFLICT) for a person with visits or in a submitted claim: record 出院 instead */
  'residents.delete': method(z.object({ id: recordId })).returns<{ id: number }>(),
  'residents.addAssessment': method(assessmentInput).returns<ResidentDetail>(),
  'residents.deleteAssessment': method(byId).returns<ResidentDetail>(),
  /** refused (CONFLICT) when the timeline would become impossible (a return with no hospital stay…) */
  'residents.addEvent': method(stayEventInput).returns<ResidentDetail>(),
  'residents.deleteEvent': method(byId).returns<ResidentDetail>(),
  'residents.calendar': method(z.object({ id: recordId, month: monthString })).returns<ResidentCalendar>(),
};
