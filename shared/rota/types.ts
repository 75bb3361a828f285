/**
 * 排班 (the institutional rota) as plain data: shift types (班次), the rules the rota is checked against,
 * and the cells of the grid (one shift type per staff member and day). Shared by the services (which
 * store, print and suggest) and the screen (which checks as the head nurse types).
 */
import type { Certificate, CertificateType, LocalDate, StaffRole } from '../domain/model';

/** 岗位 a shift is for: a nurse's shift needs a nurse licence, a caregiver's a caregiver certificate. */
export type Post = 'nurse' | 'caregiver' | 'other';
export const POSTS: readonly Post[] = ['nurse', 'caregiver', 'other'];

/** 上班 / 休息 / 请假: only work counts towards hours, days in a row and coverage. */
export type ShiftKind = 'work' | 'rest' | 'leave';
export const SHIFT_KINDS: readonly ShiftKind[] = ['work', 'rest', 'leave'];

/** 班次 */
export interface ShiftType {
  id: number;
  /** one letter typed in the grid (Z for 早班); also the short label */
  key: string;
  name: string;
  kind: ShiftKind;
  /** `HH:mm`; null for rest and leave. End ≤ start means the shift ends the next day (夜班). */
  start: string | null;
  end: string | null;
  /** 计薪时长, minutes (a shift's length less its unpaid break) */
  paidMinutes: number;
  /** the post it staffs; null for rest and leave */
  post: Post | null;
  /** `#rrggbb` */
  color: string;
  /**
   * 配比: how many residents one staff member of this shift may care for, by level group (重度失能 3–5,
   * other/unassessed); null: the group does not count for this shift. Both null: no coverage row.
   */
  perSevere: number | null;
  perOther: number | null;
  sort: number;
}

/** The rules a rota is checked against (设置 › 班次 › 排班规则). */
export interface RotaRules {
  /** rest between the end of one shift and the start of the next, hours */
  minRestHours: number;
  /** working days in a row, at most */
  maxConsecutiveDays: number;
  /** paid hours of work in a calendar week (Monday–Sunday), at most */
  maxWeeklyHours: number;
  /** a post is staffed only by someone holding one of these, valid that day ([]: none needed) */
  postCertificates: Record<Post, CertificateType[]>;
}

/** What the rota needs to know of a staff member. */
export interface RotaStaff {
  id: number;
  ref: string;
  name: string;
  role: StaffRole | null;
  employedFrom: LocalDate | null;
  /** the last day employed */
  employedTo: LocalDate | null;
  certificates: Certificate[];
}

/** One cell of the grid. */
export interface RotaCell {
  staffId: number;
  date: LocalDate;
  shiftTypeId: number;
}

/** Residents present in an institutional stay on a day, by level group (coverage's 应配). */
export interface DayCensus {
  date: LocalDate;
  /** levels 3–5 in force that day */
  severe: number;
  /** levels 0–2, or no assessment in force */
  other: number;
}

export type RotaIssueCode = 'NOT_EMPLOYED' | 'CERT_MISSING' | 'REST_SHORT' | 'TOO_MANY_DAYS' | 'WEEK_HOURS' | 'UNDERSTAFFED';

export interface RotaIssue {
  code: RotaIssueCode;
  severity: 'error' | 'warning';
  /** null for a coverage shortfall (the whole shift) */
  staffId: number | null;
  date: LocalDate;
  shiftTypeId: number | null;
  /** in Chinese, naming the rule and the numbers */
  message: string;
}

/** 应配 / 实配 of one shift on one day. */
export interface Coverage {
  date: LocalDate;
  shiftTypeId: number;
  required: number;
  /** staff on the shift who may work it that day (employed, certificate valid) */
  assigned: number;
}
