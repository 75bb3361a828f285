/**
 * 检查准备 (the readiness board, sampling, the evidence pack) and 自查 (the fraud-pattern self-audit):
 * the manager's calls before an inspection (DOMAIN.md §10). The long ones run in the inspection worker;
 * the board and the evidence pack are jobs whose progress the screen polls.
 */
import { z } from 'zod';
import type { IssueCode } from '../claims/issueCodes';
import type { LocalDate } from '../domain/model';
import type { AuditHit, RuleId } from '../inspection/selfAuditTypes';
import { RULE_IDS } from '../inspection/selfAuditTypes';
import { inspectionSettingsSchema, type CheckId, type InspectionSettings } from '../inspection/settings';
import { localDate, method, monthString, noInput, recordId, type FileDownload } from './define';

export type CheckStatus = 'pass' | 'attention' | 'fail' | 'nodata';

/** One record behind a check's count: what is wrong, and the refs that lead to the record that fixes it. */
export interface CheckItem {
  text: string;
  resident?: string;
  staff?: string;
  visit?: string;
  date?: LocalDate;
  /** the claim issue it comes from, so the screen offers the same fix links as 月度结算 */
  code?: IssueCode;
}

export interface CheckRow {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** records found wanting (0 when 合格; null when 暂无数据) */
  count: number | null;
  /** what was checked and found, in Chinese */
  summary: string;
  /** the first records found (at most 200), and how many there are in all */
  items: CheckItem[];
  itemsTotal: number;
  weight: number;
}

export interface MonthPoint {
  month: string;
  /** the readiness score of that month as the records stand now; null when the month has no records */
  score: number | null;
  /** the fund share claimed by submitted claims, and what the agency paid and took off (扣款 and 拒付) */
  claimedFundFen: number;
  paidFundFen: number;
  deductedFen: number;
  /** the month's claim issues as the records stand now */
  errors: number;
  warnings: number;
}

export interface Board {
  month: string;
  today: LocalDate;
  score: number;
  checks: CheckRow[];
  /** the 12 months up to `month` (from the first month with records) */
  history: MonthPoint[];
  /** agency deductions over the 12 months, by reason */
  deductionReasons: { reason: string; count: number; deductedFen: number }[];
  links: { residents: Record<string, number>; staff: Record<string, number> };
}

export interface HitView extends AuditHit {
  mark: { note: string; by: string; at: string } | null;
}

export interface RuleView {
  rule: RuleId;
  title: string;
  description: string;
  available: boolean;
  why?: string;
  notes: string[];
  hits: HitView[];
  /** hits not yet marked 已核实（正常） */
  newHits: number;
}

export interface SelfAuditView {
  from: LocalDate;
  to: LocalDate;
  rules: RuleView[];
  totals: { hits: number; newHits: number; verified: number };
  links: { residents: Record<string, number>; staff: Record<string, number> };
}

/** One sampled person on one sampled day: in stay per the records, claimed, the visits and their evidence. */
export interface SampleRow {
  date: LocalDate;
  resident: string;
  name: string;
  /** 在院 / 住院 / 请假 / 居家服务期 / 不在服务期 … */
  status: string;
  bed: string | null;
  /** 已结算床日 / 结算 n 次上门 / 未结算 */
  claimed: string;
  visits: { ref: string; time: string; staff: string; items: string; confirmed: boolean; place: string }[];
}

export interface SampleView {
  from: LocalDate;
  to: LocalDate;
  seed: number;
  residents: string[];
  days: LocalDate[];
  rows: SampleRow[];
  /** persons claimed in the period, the pool the residents were drawn from */
  pool: number;
  links: { residents: Record<string, number>; staff: Record<string, number> };
}

export interface SettingsView {
  settings: InspectionSettings;
  defaults: InspectionSettings;
}

const period = z
  .object({ from: localDate, to: localDate })
  .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * 86_400_000, { message: '期间最长一年', path: ['to'] });

export const sampleInput = z.object({
  from: localDate,
  to: localDate,
  residents: z.number().int().min(1).max(100).default(5),
  days: z.number().int().min(1).max(31).default(3),
  seed: z.number().int().min(0).max(2_147_483_647),
});

export const inspectionApi = {
  'inspection.settings': method(noInput).returns<SettingsView>(),
  'inspection.saveSettings': method(inspectionSettingsSchema).returns<SettingsView>(),
  /** Starts the readiness board of a month (a job: the month's claim, the self-audit, 12 months of scores). */
  'inspection.board': method(z.object({ month: monthString })).returns<{ jobId: string }>(),
  'inspection.selfAudit': method(period).returns<SelfAuditView>(),
  'inspection.selfAuditWorkbook': method(period).returns<FileDownload>(),
  /** 已核实（正常）: marks a hit as checked and normal, with a note; audited. */
  'inspection.markHit': method(
    z.object({
      key: z.string().min(1).max(400),
      rule: z.enum(RULE_IDS),
      note: z.string().trim().min(1, '请填写核实说明').max(500, '核实说明最多500个字'),
      reason: z.string().max(1000).optional(),
    }),
  ).returns<{ key: string }>(),
  'inspection.unmarkHit': method(z.object({ key: z.string().min(1).max(400) })).returns<{ key: string }>(),
  'inspection.setHomePoint': method(
    z.object({ residentId: recordId, home: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullable() }),
  ).returns<{ residentId: number }>(),
  'inspection.sample': method(sampleInput).returns<SampleView>(),
  'inspection.sampleWorkbook': method(sampleInput).returns<FileDownload>(),
  /** Starts the evidence pack (检查资料包) PDF for a period and a sample (a job; its result is the file). */
  'inspection.evidencePack': method(sampleInput).returns<{ jobId: string }>(),
};
