/**
 * 自查: the fraud patterns inspectors look for (DOMAIN.md §10), as rules the institution runs on its own
 * records first. A rule produces hits; each hit names its records and says in Chinese why it was listed.
 * A hit is a question, not a verdict: marked 已核实（正常） with a note, it is not shown again as new.
 */
import type { GeoPoint, LocalDate, LocalDateTime } from '../domain/model';
import type { SelfAuditParams } from './settings';

export const RULE_IDS = [
  'CHECKIN_FAR',
  'NO_CHECKIN',
  'SAME_POINT',
  'IMPOSSIBLE_TRAVEL',
  'MOVED_AFTER_CAP',
  'CAP_EXACT',
  'CONFIRM_TIME',
  'UNIFORM_DURATION',
  'BED_NO_CARE',
  'HOSPITAL_OVERLAP',
  'BOTH_MODES',
  'TWO_INSTITUTIONS',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** One visit as the rules read it: no items, no notes (none of the rules needs them). */
export interface AuditVisit {
  ref: string;
  /** resident ref */
  resident: string;
  /** staff ref */
  staff: string;
  start: LocalDateTime;
  end: LocalDateTime;
  minutes: number;
  confirmed: boolean;
  checkIn: GeoPoint | null;
  checkOut: GeoPoint | null;
}

/** A change of a visit's caregiver, from the audit log (改挂). */
export interface VisitMove {
  /** visit ref */
  visit: string;
  /** when the change was saved (audit time, local) */
  at: string;
  /** staff refs before and after */
  from: string;
  to: string;
  /** the visit's date and minutes as it stands */
  date: LocalDate;
  minutes: number;
}

/** A person's claim lines in one month, by mode: what BOTH_MODES reads. */
export interface MonthModes {
  month: string;
  resident: string;
  institutionalDays: number;
  homeMinutes: number;
  homeVisits: number;
}

export interface SelfAuditInput {
  /** the period audited, inclusive */
  from: LocalDate;
  to: LocalDate;
  /**
   * visits sorted by start, from `homeLookbackDays` before `from` (to learn home points and earlier
   * months' totals) to `to`; hits are only reported for visits inside the period
   */
  visits: AuditVisit[];
  /** home points set on the client (住址位置), by resident ref; others are learned from check-ins */
  setHomes: ReadonlyMap<string, GeoPoint>;
  moves: VisitMove[];
  /** the hourly quota in minutes a month of each home client by month (`YYYY-MM` → ref → minutes); absent: no quota model */
  quotas: ReadonlyMap<string, ReadonlyMap<string, number>> | null;
  modes: MonthModes[];
  /**
   * BED_NO_CARE: the institutional bed-days claimed in the period (resident ref → days), and the period's
   * rota: the days it covers at all (days of months with a rota) and, of those, the days at least one
   * work shift was staffed by someone employed and certified that day. Null when no month of the period
   * has a rota: the rule cannot judge.
   */
  care?: { bedDays: ReadonlyMap<string, readonly LocalDate[]>; rotaDays: ReadonlySet<LocalDate>; staffedDays: ReadonlySet<LocalDate> } | null;
  params: SelfAuditParams;
  /** names by ref, for the reasons (a ref is shown where a name is missing) */
  names?: { residents: ReadonlyMap<string, string>; staff: ReadonlyMap<string, string> };
}

/** How a reason names a resident or a staff member: 姓名（编号）. */
export function personText(input: Pick<SelfAuditInput, 'names'>, kind: 'residents' | 'staff', ref: string): string {
  const name = input.names?.[kind].get(ref);
  return name ? `${name}（${ref}）` : ref;
}

export interface AuditHit {
  /** stable across runs while the same records hit the same rule: what a 已核实 mark is kept under */
  key: string;
  rule: RuleId;
  date: LocalDate;
  resident?: string;
  staff?: string;
  /** refs of the visits behind it */
  visits: string[];
  /** why it is listed, in Chinese, with the numbers */
  reason: string;
}

export interface RuleResult {
  rule: RuleId;
  /** false: the product does not hold the data this rule needs; `why` says which */
  available: boolean;
  why?: string;
  hits: AuditHit[];
  /** what the rule could not judge (e.g. clients with no home point yet), in Chinese */
  notes: string[];
}

/** 规则名称 and what each looks for, as the screen, the workbook and the PDF say it. */
export const RULE_TITLES: Record<RuleId, string> = {
  CHECKIN_FAR: '签到位置远离住址',
  NO_CHECKIN: '没有签到位置',
  SAME_POINT: '同一地点为不同对象签到',
  IMPOSSIBLE_TRAVEL: '两户之间路程时间不可能',
  MOVED_AFTER_CAP: '达到时长上限后改挂他人',
  CAP_EXACT: '连续多月恰好用满额度',
  CONFIRM_TIME: '签字确认时间异常',
  UNIFORM_DURATION: '服务时长过于一致',
  BED_NO_CARE: '结算床日无护理记录',
  HOSPITAL_OVERLAP: '住院期间仍在院结算',
  BOTH_MODES: '同月机构与居家均有结算',
  TWO_INSTITUTIONS: '两家机构重复结算',
};

export const RULE_DESCRIPTIONS: Record<RuleId, string> = {
  CHECKIN_FAR: '签到点与服务对象住址（在服务对象上设置，或由以往签到点的中位数学习）的距离超过设定半径：可能未上门。',
  NO_CHECKIN: '服务记录没有签到位置：稽核时无法证明上门。',
  SAME_POINT: '短时间内在几乎同一地点为不同服务对象签到：可能在一处代签。',
  IMPOSSIBLE_TRAVEL: '同一护理员相邻两次服务之间，按设定的最快速度也来不及从前一户赶到后一户。',
  MOVED_AFTER_CAP: '审计日志显示服务记录的护理员被改为他人，而原护理员当天或当月已达到时长上限：可能为规避上限挂名。',
  CAP_EXACT: '居家服务时长连续多个月恰好等于限额：常见于按额度补记录。',
  CONFIRM_TIME: '签字确认早于服务结束、在夜间，或同一签字人几分钟内签多份。',
  UNIFORM_DURATION: '护理员的服务时长绝大多数完全相同（如总是恰好为最低时长）：可能按模板填写。',
  BED_NO_CARE: '结算的床日当天没有护理记录、上门记录或排班覆盖。',
  HOSPITAL_OVERLAP: '医院住院记录与本机构在院结算的日期重叠。',
  BOTH_MODES: '同一人同月既有机构护理床日又有居家服务结算：转换护理方式属正常，请核实。',
  TWO_INSTITUTIONS: '经办机构反馈同一人同期在两家机构结算。',
};

/** Why BED_NO_CARE cannot judge a period without a rota (the product keeps no care records of its own). */
export const NO_ROTA_WHY = '所选期间没有排班记录，本软件也没有机构内护理记录，暂无法判断床日当天是否有人护理。';

/** Rules whose data the product does not hold yet, and why: shown as 暂无数据, never faked. */
export const UNAVAILABLE_RULES: Partial<Record<RuleId, string>> = {
  CONFIRM_TIME: '服务记录只保存“是否签字确认”，没有签字时间和签字人，暂无法判断。',
  HOSPITAL_OVERLAP: '尚不能导入医院住院记录，暂无法与在院日期比对（本机构登记的住院已不计床日）。',
  TWO_INSTITUTIONS: '经办机构的审核结果只有扣款原因文字，没有“跨机构重复”的结构化反馈，暂无法判断。',
};

export interface SelfAuditResult {
  from: LocalDate;
  to: LocalDate;
  rules: RuleResult[];
}
