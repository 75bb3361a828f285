/**
 * The Chinese message of each issue: what is wrong and how to fix it, in the administrator's words.
 * ID numbers are masked here (PIPL); the issue itself carries the whole number for the agency.
 */
import { maskIdNumber } from '../domain/ids';
import { CARE_MODE_NAMES, LEVEL_NAMES } from '../domain/glossary';
import type { CareMode, Level, LocalDate } from '../domain/model';

const range = (from: LocalDate, to: LocalDate, days: number): string => (from === to ? from : `${from}至${to}（共${days}天）`);

export const messages = {
  noAssessment: (name: string, from: LocalDate, to: LocalDate, days: number) =>
    `${name} ${range(from, to, days)}没有有效的失能评估结论，这些天不能结算。请在服务对象页录入评估结论（待遇按政策从结论次月1日起算），或为已过期的评估申请重新评估。`,
  levelNotEligible: (name: string, level: Level, eligible: readonly number[], from: LocalDate, to: LocalDate, days: number) =>
    `${name} 的评估等级为${level}级（${LEVEL_NAMES[level]}），本政策只支付${eligible.join('、')}级，${range(from, to, days)}不能结算。如已重新评估，请录入新的评估结论。`,
  levelNotEligibleVisit: (name: string, level: Level, eligible: readonly number[], visit: string) =>
    `${name} 的评估等级为${level}级（${LEVEL_NAMES[level]}），本政策只支付${eligible.join('、')}级，上门服务 ${visit} 不能结算。如已重新评估，请录入新的评估结论。`,
  noAssessmentVisit: (name: string, visit: string, date: LocalDate) =>
    `${name} 在${date}没有有效的失能评估结论，上门服务 ${visit} 不能结算。请录入评估结论，或为已过期的评估申请重新评估。`,
  assessmentExpiring: (name: string, end: LocalDate) => `${name} 的评估结论将于${end}到期，请尽快提醒其申请重新评估，以免到期后的服务无法结算。`,
  hospitalDays: (name: string, from: LocalDate, to: LocalDate, days: number) =>
    `${name} ${range(from, to, days)}住院，住院期间由医保支付，不计长护床日。如住院或返院日期有误，请在入住记录中更正。`,
  leaveDays: (name: string, from: LocalDate, to: LocalDate, days: number, allowed: number) =>
    `${name} ${range(from, to, days)}请假外出，超出本政策每月可计费的请假天数（${allowed}天），不计费。如请假或返院日期有误，请在入住记录中更正。`,
  visitInHospital: (name: string, visit: string, date: LocalDate) =>
    `上门服务 ${visit}（${date}）时 ${name} 正在住院，不能结算。请核对服务日期，或核对住院、返院记录。`,
  modeConflict: (name: string, visit: string, date: LocalDate) =>
    `上门服务 ${visit}（${date}）时 ${name} 处于机构入住期间，不能同时结算居家服务。请核对服务日期或入住、出院记录。`,
  afterDeathVisit: (name: string, visit: string, date: LocalDate, deathOn: LocalDate) =>
    `${name} 已于${deathOn}死亡，${date}的上门服务 ${visit} 不能结算。请核对死亡日期或该服务记录。`,
  noServicePeriod: (name: string, visit: string, date: LocalDate, why: string) =>
    `上门服务 ${visit}（${date}）不在 ${name} 的居家服务期内（${why}）。请核对服务日期，或补录居家服务的入住记录。`,
  certInvalid: (staffName: string, visit: string, date: LocalDate) =>
    `护理人员 ${staffName} 在${date}没有有效的护理员证书或护士执业证书，上门服务 ${visit} 不能结算。请在“员工与证书”中补录有效证书，或核对执行人。`,
  nurseRequired: (staffName: string, visit: string, items: readonly string[]) =>
    `上门服务 ${visit} 含医疗护理项目（${items.join('、')}），须由持有效护士执业证书的人员完成，${staffName} 当日没有有效的护士执业证书。请核对执行人或服务项目。`,
  visitOverlap: (staffName: string, visit: string, others: readonly string[]) =>
    `护理人员 ${staffName} 的上门服务 ${visit} 与 ${others.join('、')} 时间重叠，重叠的记录都不能结算。请核对签到、签退时间或执行人。`,
  visitTooShort: (visit: string, minutes: number, min: number) =>
    `上门服务 ${visit} 时长${minutes}分钟，少于最短服务时长${min}分钟，不能结算。请核对签到、签退时间。`,
  visitUnconfirmed: (name: string, visit: string, date: LocalDate) =>
    `上门服务 ${visit}（${date}）尚未由 ${name} 或家属签字确认，确认前不计入结算。请补充签字确认后重新计算。`,
  overQuotaMinutes: (name: string, valid: number, quotaHours: number, over: number) =>
    `${name} 本月有效服务${valid}分钟，超出每月限额${quotaHours}小时，超出的${over}分钟不予结算（限额不结转到下月）。`,
  /** the visit being entered, taken in time order after the month's other valid visits (the form's check) */
  overQuotaThisVisit: (name: string, minutes: number, over: number, quotaHours: number, monthSoFar: number) =>
    `${name} 本月有效服务连同本条共${monthSoFar}分钟，超出每月限额${quotaHours}小时：本条${minutes}分钟中有${over}分钟不予结算（限额不结转到下月）。`,
  overQuotaVisit: (name: string, visit: string, why: string) => `${name} 的上门服务 ${visit} 超出${why}，不予结算（限额不结转到下月）。`,
  badIdNumberResident: (name: string, id: string, reason: string) =>
    `服务对象 ${name} 的身份证号 ${maskIdNumber(id)} 校验不通过（${reason}），更正前不生成结算明细。请对照身份证件更正号码。`,
  badIdNumberStaff: (name: string, id: string, reason: string) =>
    `员工 ${name} 的身份证号 ${maskIdNumber(id)} 校验不通过（${reason}）。请对照身份证件更正号码。`,
  modeNotCovered: (name: string, mode: CareMode, packTitle: string) =>
    `政策“${packTitle}”不支付${CARE_MODE_NAMES[mode]}，${name} 本月的${mode === 'home' ? '上门服务' : '床日'}不生成结算明细。如机构所选政策有误，请在机构设置中更正。`,
  priceZero: (name: string, level: number, what: string, units: string) =>
    `机构价格表中的${what}（${level}级）为0元，${name} 本月的${units}将按0元结算，因此不予结算。请在机构设置的价格表中填写实际收费标准后重新计算。`,
  priceMissing: (name: string, level: number, what: string) => `机构价格表中没有${what}（${level}级），${name} 的费用无法计算。请在机构设置的价格表中填写。`,
};
