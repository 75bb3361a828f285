/**
 * 员工与证书: staff, their certificates, and the certificate matrix (owned by the staff feature).
 * The rules both sides need while a form is typed (how an ID number's problems are weighed, a nurse
 * licence's default expiry) live here too, so the form and the services say the same thing.
 */
import { z } from 'zod';
import { addDays, addMonths, isValidDate } from '../domain/dates';
import type { CertificateType, LocalDate, StaffRole } from '../domain/model';
import type { ExpiryBand } from '../domain/reminders';
import { idNumberInput } from '../fields/idNumber';
import { listQuery, localDate, method, recordId, type Page } from './define';
import { visible } from '../fields/visibleText';

const ROLES = ['nurse', 'caregiver', 'head-nurse', 'admin', 'manager', 'other'] as const satisfies readonly StaffRole[];
const CERT_TYPES = ['nurse-licence', 'ltc-caregiver', 'elderly-caregiver'] as const satisfies readonly CertificateType[];

/** A date that exists (2026-02-30 does not), in the contract's YYYY-MM-DD form. */
export const realDate = localDate.refine(isValidDate, '日期不存在，请核对年月日');

/** 在职 (not left on the date) / 已离职 (left before it) */
export const EMPLOYMENT_FILTERS = ['current', 'left'] as const;
export type EmploymentFilter = (typeof EMPLOYMENT_FILTERS)[number];

/**
 * A certificate type's standing on a date, from its latest-ending certificate issued by then:
 * valid beyond the longest reminder lead, expiring within it, expired, or none held.
 */
export const CERT_STATUSES = ['valid', 'expiring', 'expired', 'none'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];

export const STAFF_SORT_FIELDS = ['name', 'role', 'employedFrom', 'employedTo', 'certificates'] as const;

const staffFilters = {
  role: z.enum(ROLES).optional(),
  employment: z.enum(EMPLOYMENT_FILTERS).optional(),
  /** the date statuses are judged on; the services' today when absent */
  date: realDate.optional(),
};

export const staffListQuery = listQuery.extend({
  ...staffFilters,
  /** the worst standing over the types held (a person with one expired type is 'expired') */
  certStatus: z.enum(CERT_STATUSES).optional(),
  sortField: z.enum(STAFF_SORT_FIELDS).optional(),
});
export type StaffListQuery = z.input<typeof staffListQuery>;

export const matrixQuery = listQuery.extend({
  ...staffFilters,
  /** with `status`: only people whose cell of this type has that status; alone: ignored */
  type: z.enum(CERT_TYPES).optional(),
  /** without `type`: the worst standing over the types held, as in the list */
  status: z.enum(CERT_STATUSES).optional(),
  sortField: z.enum(STAFF_SORT_FIELDS).optional(),
});
export type MatrixQuery = z.input<typeof matrixQuery>;

export const staffInput = z
  .object({
    /** absent: a new staff member */
    id: recordId.optional(),
    name: visible(z.string().trim().min(1, '请填写姓名').max(50, '姓名最多50个字'), '姓名'),
    idNumber: idNumberInput,
    role: z.enum(ROLES).optional(),
    employedFrom: realDate.optional(),
    employedTo: realDate.optional(),
  })
  .refine((s) => !s.employedFrom || !s.employedTo || s.employedTo >= s.employedFrom, { path: ['employedTo'], message: '离职日期不能早于入职日期' });
export type StaffInput = z.input<typeof staffInput>;

export const certificateInput = z
  .object({
    /** absent: a new certificate */
    id: recordId.optional(),
    staffId: recordId,
    type: z.enum(CERT_TYPES),
    // the inspection checks a certificate by its number: only characters one can see (visibleText.ts)
    number: visible(z.string().trim().min(1, '请填写证书编号').max(60), '证书编号'),
    level: visible(z.string().trim().max(30), '证书等级').optional(),
    issuedOn: realDate,
    /** absent: no expiry, except a nurse licence, which gets the 5-year default */
    expiresOn: realDate.optional(),
  })
  .refine((c) => !c.expiresOn || c.expiresOn >= c.issuedOn, { path: ['expiresOn'], message: '有效期至不能早于发证日期' });
export type CertificateInput = z.input<typeof certificateInput>;

export interface CertificateView {
  id: number;
  type: CertificateType;
  number: string;
  level: string | null;
  issuedOn: LocalDate;
  /** null: no expiry */
  expiresOn: LocalDate | null;
  /** days from the date asked about to the expiry (negative once expired); null without expiry */
  daysLeft: number | null;
  /** the 60/30/7 reminder band (the pack's lead days), 'expired', or null when not due */
  band: ExpiryBand;
  /** issued by the date and not expired on it */
  validOnDate: boolean;
}

export interface StaffListRow {
  id: number;
  ref: string;
  name: string;
  /** `110105********002X` (PIPL): the list never carries whole numbers */
  idNumberMasked: string;
  /** the ID number fails its check: kept, but the claim refuses it until corrected */
  idWarning: string | null;
  role: StaffRole | null;
  employedFrom: LocalDate | null;
  employedTo: LocalDate | null;
  certStatus: CertStatus;
  certificates: CertificateView[];
}

export interface StaffDetail extends Omit<StaffListRow, 'idNumberMasked'> {
  /** whole, for the edit form only */
  idNumber: string;
  /** visits logged by this person: a staff member with visits cannot be deleted */
  visitCount: number;
}

export interface MatrixCell {
  status: CertStatus;
  /** the latest-ending certificate of the type; null when it has no expiry or none is held */
  expiresOn: LocalDate | null;
  /** days left from the matrix date; null when no expiry or none held */
  daysLeft: number | null;
}

export interface MatrixRow {
  id: number;
  name: string;
  role: StaffRole | null;
  employedTo: LocalDate | null;
  cells: Record<CertificateType, MatrixCell>;
}

export interface MatrixPage extends Page<MatrixRow> {
  date: LocalDate;
  /** the longest reminder lead (days): "expiring" means within it */
  leadDays: number;
  /** how many of the people filtered (before the type/status filter) have each status, per type */
  counts: Record<CertificateType, Record<CertStatus, number>>;
}

export interface StaffListPage extends Page<StaffListRow> {
  date: LocalDate;
  leadDays: number;
}

export const staffApi = {
  'staff.list': method(staffListQuery).returns<StaffListPage>(),
  'staff.get': method(z.object({ id: recordId, date: realDate.optional() })).returns<StaffDetail>(),
  /** creates (no id) or updates; a bad check character is a warning (`idWarning`), not a refusal */
  'staff.save': method(staffInput).returns<StaffDetail>(),
  /** refused (CONFLICT) when the person has visits: set 离职日期 instead */
  'staff.delete': method(z.object({ id: recordId })).returns<{ id: number }>(),
  'staff.saveCertificate': method(certificateInput).returns<StaffDetail>(),
  'staff.deleteCertificate': method(z.object({ id: recordId })).returns<StaffDetail>(),
  'staff.matrix': method(matrixQuery).returns<MatrixPage>(),
};

/**
 * A nurse licence is registered for 5 years (docs/rules.md §3): issued 2022-07-01, it runs to
 * 2027-06-30 inclusive, as the sample licence does.
 */
export function nurseLicenceDefaultExpiry(issuedOn: LocalDate): LocalDate {
  return addDays(addMonths(issuedOn, 60), -1);
}
