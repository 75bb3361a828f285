/**
 * The claim's issue codes (docs/rules.md §8.3). Stable: exports, tests and administrators' scripts
 * use them. Add new codes; never rename one.
 */
export type Severity = 'error' | 'warning' | 'info';

export const ISSUE_SEVERITY = {
  NO_ASSESSMENT: 'error',
  LEVEL_NOT_ELIGIBLE: 'error',
  ASSESSMENT_EXPIRING: 'warning',
  HOSPITAL_DAY: 'info',
  LEAVE_DAY: 'info',
  VISIT_IN_HOSPITAL: 'error',
  MODE_CONFLICT: 'error',
  AFTER_DEATH: 'error',
  CERT_INVALID: 'error',
  NURSE_REQUIRED: 'error',
  VISIT_OVERLAP: 'error',
  NO_SERVICE_PERIOD: 'error',
  VISIT_TOO_SHORT: 'error',
  VISIT_UNCONFIRMED: 'warning',
  OVER_QUOTA: 'warning',
  BAD_ID_NUMBER: 'error',
  MODE_NOT_COVERED: 'info',
  /** product extension: the price list has no fee for a level that has billable days */
  PRICE_MISSING: 'error',
  /** product extension: after submission the month's records now justify less than was claimed */
  CLAIM_REDUCED: 'warning',
  /**
   * product extension: the price list sets 0 for a fee that billable days, minutes or visits need.
   * Apart from PRICE_MISSING (no price entered): a 0 was typed, or a negative one became 0 before the
   * screens refused it; either way those units would be claimed at ¥0.00, so they are not claimed.
   */
  PRICE_ZERO: 'error',
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_SEVERITY;
export const ISSUE_CODES = Object.keys(ISSUE_SEVERITY) as IssueCode[];

/** 问题名称, as lists and reports title them. */
export const ISSUE_TITLES: Record<IssueCode, string> = {
  NO_ASSESSMENT: '无有效评估',
  LEVEL_NOT_ELIGIBLE: '失能等级不在支付范围',
  ASSESSMENT_EXPIRING: '评估即将到期',
  HOSPITAL_DAY: '住院天数不计费',
  LEAVE_DAY: '请假天数不计费',
  VISIT_IN_HOSPITAL: '住院期间上门服务',
  MODE_CONFLICT: '机构入住期间上门服务',
  AFTER_DEATH: '死亡后的服务',
  CERT_INVALID: '护理人员无有效证书',
  NURSE_REQUIRED: '医疗护理项目需护士执业证书',
  VISIT_OVERLAP: '服务时间重叠',
  NO_SERVICE_PERIOD: '不在居家服务期内',
  VISIT_TOO_SHORT: '服务时长不足',
  VISIT_UNCONFIRMED: '未签字确认',
  OVER_QUOTA: '超出限额',
  BAD_ID_NUMBER: '身份证号校验不通过',
  MODE_NOT_COVERED: '政策不支付该护理方式',
  PRICE_MISSING: '价格表缺少该等级收费',
  CLAIM_REDUCED: '更正后应结算金额减少',
  PRICE_ZERO: '收费标准为0',
};

export const SEVERITY_TITLES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
