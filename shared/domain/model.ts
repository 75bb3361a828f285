/**
 * The records an institution keeps, as plain data. This is the shape of an `ltc-dataset` v1 file
 * (see tests/fixtures and the dataset schema in resources/schemas), of what the services load from
 * the database for a claim, and of what export writes back. One shape for all three keeps import,
 * claim and export from drifting apart.
 */

/** A local calendar date `YYYY-MM-DD` (China Standard Time, never converted). */
export type LocalDate = string;
/** A local date and time `YYYY-MM-DDTHH:mm`. */
export type LocalDateTime = string;
/** A month `YYYY-MM`. */
export type Month = string;
/** Money in integer fen (分); 100 fen = 1 yuan. */
export type Fen = number;

/** 失能等级 0–5 of the national assessment standard (2021). */
export type Level = 0 | 1 | 2 | 3 | 4 | 5;
export const LEVELS: readonly Level[] = [0, 1, 2, 3, 4, 5];

/** 机构护理 (per bed-day) or 居家护理 (home visits). */
export type CareMode = 'institutional' | 'home';
export const CARE_MODES: readonly CareMode[] = ['institutional', 'home'];

/** 入住 / 住院 / 请假 / 返院 / 出院 / 死亡 */
export type StayEventType = 'admit' | 'hospital' | 'leave' | 'return' | 'discharge' | 'death';
export const STAY_EVENT_TYPES: readonly StayEventType[] = ['admit', 'hospital', 'leave', 'return', 'discharge', 'death'];

/** 护士执业证书 / 长期照护师 / 养老护理员 */
export type CertificateType = 'nurse-licence' | 'ltc-caregiver' | 'elderly-caregiver';
export const CERTIFICATE_TYPES: readonly CertificateType[] = ['nurse-licence', 'ltc-caregiver', 'elderly-caregiver'];

export type StaffRole = 'nurse' | 'caregiver' | 'head-nurse' | 'admin' | 'manager' | 'other';
export const STAFF_ROLES: readonly StaffRole[] = ['nurse', 'caregiver', 'head-nurse', 'admin', 'manager', 'other'];

export type InsuranceType = 'employee' | 'resident';

/** The institution's own price list (its fees; the pack decides the fund's share). */
export interface Prices {
  /** Institutional daily care fee by level, fen a day. */
  dailyFeeFen?: Partial<Record<string, Fen>>;
  /** Home care fee per hour, fen. */
  hourlyFeeFen?: Fen;
  /** Home care fee per visit, fen (per-visit packs). */
  visitFeeFen?: Fen;
}

/** 定点护理服务机构 */
export interface Institution {
  name: string;
  /** 统一社会信用代码 (GB 32100-2015) */
  uscc: string;
  /** 定点机构编码, stored as the agency issued it */
  agencyCode: string;
  /** 统筹区 6-digit code */
  region: string;
  /** policy pack id, e.g. `ningbo-2022` */
  policy: string;
  beds?: number;
  /** 机构地址, 联系电话, 开户银行, 银行账号: printed on the claim's summary when set */
  address?: string;
  phone?: string;
  bankName?: string;
  bankAccount?: string;
  prices: Prices;
}

/** 评估结论: the agency's conclusion, recorded (never computed) by the institution. */
export interface Assessment {
  level: Level;
  concludedOn: LocalDate;
  /** 评估结论书编号 */
  number?: string;
  assessor?: string;
}

/** One dated event of a resident's stay timeline; day statuses are derived from these. */
export interface StayEvent {
  type: StayEventType;
  date: LocalDate;
  /** with `admit` only */
  mode?: CareMode;
  bed?: string;
  note?: string;
}

/** 服务对象: a resident (institutional) or a client (home care). */
export interface Resident {
  /** The record's key within a dataset or a database. */
  ref: string;
  name: string;
  /** 公民身份号码 (GB 11643-1999); kept even when its check fails. */
  idNumber: string;
  insuranceType?: InsuranceType;
  phone?: string;
  address?: string;
  assessments: Assessment[];
  events: StayEvent[];
}

export interface Certificate {
  type: CertificateType;
  number: string;
  level?: string;
  issuedOn: LocalDate;
  /** absent: no expiry (caregiver certificates usually have none) */
  expiresOn?: LocalDate;
}

export interface Staff {
  ref: string;
  name: string;
  idNumber: string;
  role?: StaffRole;
  employedFrom?: LocalDate;
  employedTo?: LocalDate;
  certificates: Certificate[];
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

/** 上门服务记录: one home visit. */
export interface Visit {
  ref: string;
  /** a resident ref */
  resident: string;
  /** a staff ref */
  staff: string;
  start: LocalDateTime;
  end: LocalDateTime;
  /** service item codes of the catalogue, as logged */
  items: string[];
  /** 签字确认 by the client or family */
  confirmed: boolean;
  checkIn?: GeoPoint;
  checkOut?: GeoPoint;
  note?: string;
}

/** 班次 in a dataset (version 1.1): the institution's shift types, named by `name`. */
export interface DatasetShiftType {
  key: string;
  name: string;
  kind: 'work' | 'rest' | 'leave';
  /** `HH:mm`; absent for rest and leave */
  start?: string;
  end?: string;
  paidMinutes: number;
  post?: 'nurse' | 'caregiver' | 'other';
  color: string;
  perSevere?: number;
  perOther?: number;
}

/** 排班 in a dataset (version 1.1): the grid's cells by staff ref and shift name, and the published months. */
export interface DatasetRota {
  shiftTypes: DatasetShiftType[];
  cells: { staff: string; date: LocalDate; shift: string }[];
  published: { month: Month; at: LocalDateTime; by: string }[];
}

/** 服务计划 in a dataset (version 1.1): one per home client, by resident ref. */
export interface DatasetCarePlan {
  resident: string;
  items: string[];
  visitsPerWeek: number;
  minutes: number;
  /** ISO weekdays, 1 = Monday; [] any day */
  days: number[];
  windowStart: string;
  windowEnd: string;
  /** a staff ref */
  preferredStaff?: string;
  excludedStaff: string[];
  note?: string;
}

/** 派单: one planned home visit (version 1.1); no `staff`: not given to anyone yet. */
export interface DatasetPlannedVisit {
  resident: string;
  staff?: string;
  date: LocalDate;
  /** `HH:mm` */
  start: string;
  minutes: number;
}

/**
 * An `ltc-dataset` document. Version 1.1 adds the optional `rota`, `carePlans` and `plannedVisits`;
 * a file without them is written as version 1, as before.
 */
export interface Dataset {
  format: 'ltc-dataset';
  version: 1 | 1.1;
  institution: Institution;
  residents: Resident[];
  staff: Staff[];
  visits: Visit[];
  rota?: DatasetRota;
  carePlans?: DatasetCarePlan[];
  plannedVisits?: DatasetPlannedVisit[];
}
