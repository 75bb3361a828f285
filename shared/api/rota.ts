/**
 * 排班: shift types (设置 › 班次), the rules, a month's grid with everything the screen needs to check it
 * as the head nurse types, the writes (cells, publish), print/export, the Excel import, and 排班建议.
 */
import { z } from 'zod';
import { isValidDate } from '../domain/dates';
import type { LocalDate, Month } from '../domain/model';
import type { DayCensus, RotaCell, RotaRules, RotaStaff, ShiftType } from '../rota/types';
import { method, monthString, noInput, recordId, uploadedFile, type FileDownload } from './define';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD')
  .refine(isValidDate, '日期不存在，请核对年月日');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:mm，例如 07:30');
const ratio = z.number().int().min(1, '配比至少为 1').max(500, '配比最大 500').nullable();

export const shiftTypeInput = z
  .object({
    id: recordId.optional(),
    key: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]$/, '快捷键应为一个字母或数字')
      .transform((s) => s.toUpperCase()),
    name: z.string().trim().min(1, '请填写班次名称').max(10, '班次名称最多10个字'),
    kind: z.enum(['work', 'rest', 'leave']),
    start: clock.nullable().default(null),
    end: clock.nullable().default(null),
    paidMinutes: z.number().int().min(0, '计薪时长不能为负').max(1440, '计薪时长最多24小时'),
    post: z.enum(['nurse', 'caregiver', 'other']).nullable().default(null),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, '颜色应为 #rrggbb'),
    perSevere: ratio.default(null),
    perOther: ratio.default(null),
    sort: z.number().int().min(0).max(1000).default(100),
  })
  .refine((t) => t.kind !== 'work' || (t.start && t.end), { path: ['start'], message: '上班的班次须填写上下班时间' })
  .refine((t) => t.kind !== 'work' || t.post, { path: ['post'], message: '上班的班次须选择岗位' })
  .refine((t) => t.kind !== 'work' || t.start !== t.end, { path: ['end'], message: '下班时间不能与上班时间相同' });
export type ShiftTypeInput = z.input<typeof shiftTypeInput>;

const certType = z.enum(['nurse-licence', 'ltc-caregiver', 'elderly-caregiver']);
export const rotaRulesInput = z.object({
  minRestHours: z.number().min(0, '不能为负').max(24, '最多24小时'),
  maxConsecutiveDays: z.number().int().min(1, '至少1天').max(31, '最多31天'),
  maxWeeklyHours: z.number().min(1, '至少1小时').max(168, '最多168小时'),
  postCertificates: z.object({ nurse: z.array(certType).max(3), caregiver: z.array(certType).max(3), other: z.array(certType).max(3) }),
});

export interface RotaRulesView {
  rules: RotaRules;
  /** the product's defaults (shown beside each setting, with where the number comes from) */
  defaults: RotaRules;
  /** true while nothing was saved: the defaults are in force */
  usingDefaults: boolean;
}

export interface RotaPublished {
  at: string;
  by: string;
}

/** A month's grid and everything the screen checks it with (shared/rota/checks.ts). */
export interface RotaMonthView {
  month: Month;
  from: LocalDate;
  to: LocalDate;
  /** cells from this day on are given: rest, days in a row and the first week look back before the month */
  lookbackFrom: LocalDate;
  today: LocalDate;
  shiftTypes: ShiftType[];
  rules: RotaRules;
  /** staff employed at some time in the month, or with cells in it; nurses first */
  staff: RotaStaff[];
  cells: RotaCell[];
  census: DayCensus[];
  published: RotaPublished | null;
}

const cellEdit = z.object({ staffId: recordId, date: day, shiftTypeId: recordId.nullable() });

export const setCellsInput = z.object({
  month: monthString,
  cells: z.array(cellEdit).min(1, '没有要修改的格子').max(20_000, '一次最多修改20000格'),
  /** 调班原因: required once the month is published */
  reason: z.string().trim().max(200, '调班原因最多200个字').optional(),
});
export type SetCellsInput = z.input<typeof setCellsInput>;

export interface SetCellsResult {
  changed: number;
  /** the month's rota was published: the change was audited with its reason */
  audited: boolean;
}

export interface RotaImportRow {
  /** 1-based, as Excel numbers rows */
  row: number;
  ref: string;
  name: string;
  staffId: number | null;
  /** shifts the row sets, by day of month (1-based); '' clears */
  cells: { day: number; shift: string }[];
  errors: string[];
}

export interface RotaImportPreview {
  fileName: string;
  month: Month;
  rows: RotaImportRow[];
  errorRows: number;
  /** cells the import would write */
  cellCount: number;
}

export interface RotaSuggestion {
  from: LocalDate;
  to: LocalDate;
  /** the cells to add (only days that were empty: what the head nurse set stays) */
  cells: RotaCell[];
  /** the shifts' demand over the period: staff-shifts required, and met with the suggestion */
  demand: number;
  met: number;
  /** what could not be met, and why, in Chinese */
  unmet: string[];
  seconds: number;
  solver: string;
}

export const rotaApi = {
  'rota.shiftTypes': method(noInput).returns<ShiftType[]>(),
  'rota.saveShiftType': method(shiftTypeInput).returns<ShiftType[]>(),
  /** refused while a cell uses it */
  'rota.deleteShiftType': method(z.object({ id: recordId })).returns<ShiftType[]>(),
  'rota.rules': method(noInput).returns<RotaRulesView>(),
  'rota.saveRules': method(rotaRulesInput).returns<RotaRulesView>(),
  'rota.month': method(z.object({ month: monthString })).returns<RotaMonthView>(),
  /** writes cells (null clears); after 发布 needs a reason and is audited cell by cell */
  'rota.setCells': method(setCellsInput).returns<SetCellsResult>(),
  'rota.publish': method(z.object({ month: monthString, by: z.string().trim().min(1, '请填写发布人').max(50, '发布人最多50个字') })).returns<RotaPublished>(),
  /** 排班表 PDF: A4 landscape, one page per week (audited as an export) */
  'rota.pdf': method(z.object({ month: monthString })).returns<FileDownload>(),
  'rota.workbook': method(z.object({ month: monthString })).returns<FileDownload>(),
  'rota.importTemplate': method(z.object({ month: monthString })).returns<FileDownload>(),
  'rota.importPreview': method(z.object({ month: monthString, file: uploadedFile })).returns<RotaImportPreview>(),
  /** all or nothing: refused while a row has an error */
  'rota.importCommit': method(
    z.object({ month: monthString, file: uploadedFile, reason: z.string().trim().max(200, '调班原因最多200个字').optional() }),
  ).returns<SetCellsResult>(),
  /** 排班建议 as a job (jobs.status gives its progress and, when done, a RotaSuggestion) */
  'rota.suggest': method(z.object({ month: monthString, from: day, to: day })).returns<{ jobId: string }>(),
};
