/**
 * 花名册导入: the Excel roster template, its preview and its import (owned by the roster feature).
 * The commit sends the file again and the services check it again: the preview the renderer holds
 * is only what the user looked at, never what gets stored.
 */
import { z } from 'zod';
import { method, noInput, uploadedFile, type FileDownload } from './define';

/** The two sheets of the roster workbook: 服务对象 and 员工. */
export const ROSTER_SHEETS = ['residents', 'staff'] as const;
export type RosterSheet = (typeof ROSTER_SHEETS)[number];

export const rowRef = z.object({ sheet: z.enum(ROSTER_SHEETS), row: z.number().int().min(1).max(1_048_576) });
export type RowRef = z.infer<typeof rowRef>;

export interface RosterIssue {
  severity: 'error' | 'warning';
  /** the column's header as in the template, or null for the whole row */
  column: string | null;
  /** what is wrong and what to write instead */
  message: string;
}

/**
 * Who a row is: a person the import creates, a person already in the database (已存在: matched by
 * ID number, only new assessments/certificates are added), or a person an earlier row of the same
 * sheet already brings (同一人: this row's records join theirs).
 */
export type RosterMatch = 'new' | 'existing' | 'repeat';

export interface RosterRow {
  sheet: RosterSheet;
  /** the sheet's name in the workbook (服务对象 / 员工) */
  sheetName: string;
  /** 1-based, as Excel numbers rows */
  row: number;
  name: string;
  /** masked (PIPL) */
  idNumberMasked: string;
  match: RosterMatch;
  /** e.g. 已存在：王秀英（r12）, 同第 5 行 */
  matchNote: string | null;
  /** what importing this row would add, in words (新增员工, 护士执业证书 N123, 已有此评估结论（不重复添加）…) */
  effects: string[];
  issues: RosterIssue[];
}

export interface RosterPreview {
  fileName: string;
  rows: RosterRow[];
  /** rows with at least one error: they block the import unless excluded */
  errorRows: number;
  warningRows: number;
  /** headers present in the file that the template does not have: ignored */
  ignoredColumns: string[];
}

export const rosterCommitInput = z.object({
  file: uploadedFile,
  /** rows left out of the import (the renderer's "排除有错误的行") */
  excludeRows: z.array(rowRef).max(100_000).default([]),
});
export type RosterCommitInput = z.input<typeof rosterCommitInput>;

export interface AddedCount {
  added: number;
  /** already stored, not added again */
  skipped: number;
}

export interface RosterSummary {
  residents: { added: number; matched: number };
  assessments: AddedCount;
  admissions: AddedCount;
  staff: { added: number; matched: number };
  certificates: AddedCount;
  /** rows imported / left out at the user's request */
  importedRows: number;
  excludedRows: number;
}

export const rosterApi = {
  'roster.template': method(noInput).returns<FileDownload>(),
  'roster.preview': method(z.object({ file: uploadedFile })).returns<RosterPreview>(),
  /** all or nothing; refused while a row with an error is not excluded */
  'roster.commit': method(rosterCommitInput).returns<RosterSummary>(),
};
