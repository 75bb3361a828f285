/**
 * 上门服务: the home-visit log, its validity as the claim judges it (live, while a visit is typed),
 * and the import of visit records exported by a caregiver app (CSV or xlsx). Owned by the visits feature.
 */
import { z } from 'zod';
import type { IssueCode, Severity } from '../claims/issueCodes';
import type { Fen, Level, LocalDate, Month } from '../domain/model';
import type { ItemClass } from '../policy/catalogue';
import type { ApiProblem } from './errors';
import { listQuery, localDate, localDateTime, method, noInput, recordId, uploadedFile, type FileDownload, type Page } from './define';

/** List filter: 可结算 (valid), 有错误 (any error issue), 未签字 (not confirmed; may also have errors). */
export const VISIT_STATUSES = ['valid', 'errors', 'unconfirmed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const VISIT_SORT_FIELDS = ['start', 'end', 'minutes', 'resident', 'staff'] as const;

export const visitListQuery = listQuery.extend({
  residentId: recordId.optional(),
  staffId: recordId.optional(),
  /** visits starting on or after this date */
  from: localDate.optional(),
  /** visits starting on or before this date */
  to: localDate.optional(),
  status: z.enum(VISIT_STATUSES).optional(),
  sortField: z.enum(VISIT_SORT_FIELDS).optional(),
});
export type VisitListQuery = z.input<typeof visitListQuery>;

const geoPoint = z.object({
  lat: z.number().min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
  lng: z.number().min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间'),
});
const itemCode = z.string().trim().min(1).max(20);
/** Needed to change a month whose claim is submitted (docs/rules.md §8.4); written to the audit log. */
const correctionReason = z.string().trim().max(200).optional();

export const visitInput = z.object({
  /** absent: a new visit */
  id: recordId.optional(),
  residentId: recordId,
  staffId: recordId,
  start: localDateTime,
  end: localDateTime,
  items: z.array(itemCode).min(1, '请至少选择一个服务项目').max(60),
  confirmed: z.boolean(),
  checkIn: geoPoint.nullable().optional(),
  checkOut: geoPoint.nullable().optional(),
  note: z.string().trim().max(500).optional(),
  correctionReason,
});
export type VisitInput = z.input<typeof visitInput>;

/** What the form has so far; judged as soon as client, caregiver and both times are there. */
export const visitDraft = z.object({
  id: recordId.optional(),
  residentId: recordId.optional(),
  staffId: recordId.optional(),
  start: z.string().max(20).optional(),
  end: z.string().max(20).optional(),
  items: z.array(itemCode).max(60).default([]),
  confirmed: z.boolean().default(false),
});
export type VisitDraft = z.input<typeof visitDraft>;

export interface VisitIssue {
  code: IssueCode;
  severity: Severity;
  /** the claim's Chinese message: what is wrong and how to fix it */
  message: string;
}

/** The claim's verdict on one visit; null where the institution (its policy pack) is not set up. */
export interface VisitVerdictView {
  /** no error and confirmed: the claim pays it */
  valid: boolean;
  issues: VisitIssue[];
}

export interface VisitItemView {
  code: string;
  /** null: a code no longer in the catalogue (past visits keep the codes they were logged with) */
  name: string | null;
  class: ItemClass | null;
}

export interface GeoPointView {
  lat: number;
  lng: number;
}

export interface VisitRow {
  id: number;
  ref: string;
  residentId: number;
  residentName: string;
  /** masked (PIPL): `330205********006X` */
  residentIdMasked: string;
  staffId: number;
  staffName: string;
  start: string;
  end: string;
  minutes: number;
  items: VisitItemView[];
  confirmed: boolean;
  externalRef: string | null;
  verdict: VisitVerdictView | null;
}

export interface VisitDetail extends VisitRow {
  checkIn: GeoPointView | null;
  checkOut: GeoPointView | null;
  note: string | null;
  /** the month's claim is submitted: a change needs a correction reason */
  locked: boolean;
}

/**
 * A home-care client's month against the pack's limits (docs/rules.md §7.2), as the month's claim counts it:
 * the claim engine run over the client's visits of the month entered so far (with the visit being
 * typed, when there is one). Unused quota never carries over, so it is always one month.
 */
interface QuotaUseBase {
  month: Month;
  /** the level the limits are read for (the claim line's, or the one held that day) */
  level: Level;
}

/** 每月服务时长额度 (Ningbo): valid minutes of the month against the level's quota. */
export interface HourlyQuotaUse extends QuotaUseBase {
  model: 'hourly-quota';
  quotaMinutes: number;
  /** minutes of the month's valid visits (those the claim pays, up to the quota, and those beyond) */
  usedMinutes: number;
}

/** 按次 (Shanghai, Nantong): counted visits of one calendar week (Monday–Sunday) against the limit. */
export interface PerVisitQuotaUse extends QuotaUseBase {
  model: 'per-visit';
  visitsPerDay: number;
  visitsPerWeek: number;
  /** Monday of the week shown (the visit's week; on the client's page, this week) */
  week: LocalDate;
  /** counted visits of that week, the days of it in the month before included (a straddling week) */
  weekCounted: number;
  /** counted visits of the month, and valid ones beyond a limit */
  monthCounted: number;
  monthOver: number;
}

/** 月度费用封顶 (Tianjin): the month's fee against the cap on what the fund shares. */
export interface MonthlyCapUse extends QuotaUseBase {
  model: 'monthly-cap';
  capFen: Fen;
  feeFen: Fen;
}

export type HomeQuotaUse = HourlyQuotaUse | PerVisitQuotaUse | MonthlyCapUse;

export interface VisitCheckResult {
  /** end − start, when both are real times and end is not before start */
  minutes: number | null;
  /** the shortest valid length for these items under the pack */
  minimumMinutes: number | null;
  /** what stops saving (a time that is not a time, end before start, an unknown item) */
  problems: ApiProblem[];
  /**
   * the claim's verdict; null until client, caregiver and both times are filled in, and while a
   * problem stops saving. A visit beyond the month's quota or a weekly limit (taken in time order, as
   * the claim does) carries OVER_QUOTA and is not valid.
   */
  verdict: VisitVerdictView | null;
  /** the client's month with this visit, against the pack's limits; null where no limit applies */
  quota: HomeQuotaUse | null;
  /** the visit's month is submitted: saving needs a correction reason */
  locked: boolean;
}

export interface PersonOption {
  id: number;
  name: string;
  idMasked: string;
  /** e.g. 居家护理 · 3级, or 护士 · 护士执业证书 */
  hint: string;
}

export interface VisitCatalogue {
  id: string;
  title: string;
  packTitle: string;
  minVisitMinutes: number;
  items: { code: string; name: string; class: ItemClass; category?: string; minMinutes?: number }[];
}

// --- import from a caregiver app -------------------------------------------------------------------

/**
 * `duplicate`: the 外部编号 is stored and the row says the same (skipped); `changed`: it is stored and the row
 * differs (the differences are shown; stored only when the user chooses to update, never as a second visit).
 */
export type ImportRowStatus = 'ok' | 'warning' | 'error' | 'duplicate' | 'changed';

/** One field of a stored visit that a re-imported row would change, in words as the screen shows them. */
export interface ImportRowChange {
  field: string;
  before: string;
  after: string;
}

export interface ImportRowProblem {
  /** the column's header as in the file (or the field's standard name when the column is missing) */
  column: string;
  message: string;
}

export interface ImportPreviewRow {
  /** the row number as the spreadsheet shows it (the header is row 1) */
  row: number;
  status: ImportRowStatus;
  residentName: string | null;
  staffName: string | null;
  start: string | null;
  end: string | null;
  minutes: number | null;
  items: string[];
  confirmed: boolean | null;
  externalRef: string | null;
  /** refuse the import until fixed or the row is excluded */
  errors: ImportRowProblem[];
  /** the claim's verdict: imported anyway, the claim excludes the visit until fixed */
  warnings: VisitIssue[];
  /** the month is submitted: importing needs a correction reason (goes to the supplementary claim) */
  lockedMonth: string | null;
  /** `changed`: what updating the stored visit of the same 外部编号 would change */
  changes?: ImportRowChange[];
}

export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** how a CSV's bytes were read */
  encoding: 'UTF-8' | 'GBK' | null;
  /** the file's headers that were recognised, with the field each fills */
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
  rows: ImportPreviewRow[];
  counts: Record<ImportRowStatus, number> & { total: number };
  lockedMonths: string[];
}

export interface ImportResult {
  added: number;
  skippedDuplicates: number;
  excluded: number;
  /** stored visits updated from rows of the same 外部编号 (only with `updateChanged`) */
  updated: number;
  /** rows of a stored 外部编号 that differ from it, left as stored (without `updateChanged`) */
  skippedChanged: number;
}

export const importCommitInput = z.object({
  file: uploadedFile,
  /** row numbers (as in the preview) the user chose to leave out */
  exclude: z.array(z.number().int().min(2)).max(200_000).default([]),
  /** update the stored visits whose rows the preview showed as `changed` (not excluded) */
  updateChanged: z.boolean().optional(),
  correctionReason,
});

export const visitsApi = {
  'visits.list': method(visitListQuery).returns<Page<VisitRow>>(),
  'visits.get': method(z.object({ id: recordId })).returns<VisitDetail>(),
  'visits.save': method(visitInput).returns<VisitDetail>(),
  'visits.delete': method(z.object({ id: recordId, correctionReason })).returns<{ deleted: true }>(),
  /** The claim's rules on a visit being typed (debounced by the form); never writes. */
  'visits.check': method(visitDraft).returns<VisitCheckResult>(),
  /** Clients or caregivers for a searchable select: up to 30 matches, plus `ids` (the current choices). */
  'visits.people': method(
    z.object({ kind: z.enum(['resident', 'staff']), search: z.string().max(50).optional(), ids: z.array(recordId).max(20).optional() }),
  ).returns<PersonOption[]>(),
  /** The items of the institution's catalogue; null until the institution is set up. */
  'visits.catalogue': method(noInput).returns<VisitCatalogue | null>(),
  'visits.importPreview': method(z.object({ file: uploadedFile })).returns<ImportPreview>(),
  /** Re-reads and re-checks the file, then stores the rows not excluded in one transaction. */
  'visits.importCommit': method(importCommitInput).returns<ImportResult>(),
  'visits.importTemplate': method(noInput).returns<FileDownload>(),
};
