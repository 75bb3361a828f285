/**
 * A care plan judged against the client's policy pack when it is saved (docs/rules.md §7, §11): a plan that
 * would go over the month's limit is refused with the rule and the numbers, so it is never scheduled.
 * - 按小时限额 (hourly quota): the most minutes any month can hold, against quotaHours[level] × 60;
 * - 按次 (per visit): visits a week against visitsPerWeek[level]; more than 7 a week would need two
 *   visits on one day, which the pack does not pay (visitsPerDay);
 * - 月度封顶 (monthly cap): the month's fee at the institution's hourly price against capFen;
 * - every visit at least the pack's minimum, and the items' own minimums (the catalogue);
 * - medical items (医疗护理类) need a nurse: a preferred caregiver without a nurse licence valid today
 *   is refused (docs/rules.md §3).
 * The month judged is the longest: 31 days hold three weekdays five times, so a plan of v visits on
 * v fixed weekdays can hold min(v, 3) × 5 + max(v − 3, 0) × 4 visits in one month.
 */
import { certificateValidOn } from '../claims/certificates';
import type { Certificate, Level, LocalDate } from '../domain/model';
import { LEVEL_NAMES } from '../domain/glossary';
import type { Catalogue } from '../policy/catalogue';
import { forLevel, type PolicyPack } from '../policy/pack';
import type { CarePlan } from './types';

export interface PlanProblem {
  field: 'visitsPerWeek' | 'minutes' | 'items' | 'preferredStaffId' | 'residentId' | 'days';
  message: string;
}

/** The most visits a calendar month can hold at v a week. */
export function visitsInLongestMonth(v: number): number {
  const perWeek = Math.min(v, 7);
  return Math.min(perWeek, 3) * 5 + Math.max(perWeek - 3, 0) * 4;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);
const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

export interface PlanContext {
  pack: PolicyPack;
  catalogue: Catalogue;
  /** the level in force today, or null without one */
  level: Level | null;
  /** the institution's price for the monthly-cap model */
  hourlyFeeFen?: number | undefined;
  /** the preferred caregiver's certificates, when one is chosen */
  preferred?: { name: string; certificates: Certificate[] } | undefined;
  today: LocalDate;
}

export function planProblems(plan: CarePlan, ctx: PlanContext): PlanProblem[] {
  const out: PlanProblem[] = [];
  const { pack, level } = ctx;
  const home = pack.home;
  if (!home) return [{ field: 'residentId', message: `政策包“${pack.title}”不支付居家护理，不能制定居家服务计划` }];
  if (level === null || !pack.eligibleLevels.includes(level)) {
    out.push({ field: 'residentId', message: `该对象今天没有在有效期内、可支付的评估等级（本政策包支付 ${pack.eligibleLevels.join('、')} 级），计划无法结算` });
    return out;
  }
  const lvl = `${level}级（${LEVEL_NAMES[level]}）`;
  if (plan.days.length > 0 && plan.days.length < Math.min(plan.visitsPerWeek, 7)) {
    out.push({ field: 'days', message: `每周 ${plan.visitsPerWeek} 次，但只选了 ${plan.days.length} 个服务日：请多选几天，或不选（任意一天）` });
  }
  const index = new Map(ctx.catalogue.items.map((i) => [i.code, i]));
  const unknown = plan.items.filter((c) => !index.has(c));
  if (unknown.length) out.push({ field: 'items', message: `服务项目 ${unknown.join('、')} 不在本政策包的目录（${ctx.catalogue.title}）中` });
  const longest = Math.max(pack.minVisitMinutes, ...plan.items.map((c) => index.get(c)?.minMinutes ?? 0));
  if (plan.minutes < longest)
    out.push({
      field: 'minutes',
      message: `每次 ${plan.minutes} 分钟短于最短时长 ${longest} 分钟（政策包最短 ${pack.minVisitMinutes} 分钟，或所选项目的最短时长），这样的服务不能结算`,
    });

  const visits = visitsInLongestMonth(plan.visitsPerWeek);
  if (home.model === 'hourly-quota') {
    const quota = (forLevel(home.quotaHours, level) ?? 0) * 60;
    const planned = visits * plan.minutes;
    if (planned > quota) {
      out.push({
        field: 'visitsPerWeek',
        message: `超出按小时限额：每周 ${plan.visitsPerWeek} 次 × 每次 ${plan.minutes} 分钟，最多的月份有 ${visits} 次，共 ${hours(planned)} 小时，超过${lvl}每月 ${hours(quota)} 小时的限额`,
      });
    }
  } else if (home.model === 'per-visit') {
    const limit = forLevel(home.visitsPerWeek, level) ?? 0;
    if (plan.visitsPerWeek > limit)
      out.push({ field: 'visitsPerWeek', message: `超出按次限额：每周 ${plan.visitsPerWeek} 次，超过${lvl}每周最多 ${limit} 次` });
    if (plan.visitsPerWeek > 7 * home.visitsPerDay)
      out.push({ field: 'visitsPerWeek', message: `每周 ${plan.visitsPerWeek} 次须有一天上门两次，但本政策包每天最多结算 ${home.visitsPerDay} 次` });
  } else {
    const fee = Math.round((visits * plan.minutes * (ctx.hourlyFeeFen ?? 0)) / 60);
    if (ctx.hourlyFeeFen && fee > home.capFen) {
      out.push({
        field: 'visitsPerWeek',
        message: `超出月度封顶：最多的月份 ${visits} 次 × ${plan.minutes} 分钟，按每小时 ${yuan(ctx.hourlyFeeFen)} 元计 ${yuan(fee)} 元，超过每月 ${yuan(home.capFen)} 元的封顶`,
      });
    }
  }

  const medical = plan.items.filter((c) => index.get(c)?.class === 'medical');
  if (medical.length && ctx.preferred && !ctx.preferred.certificates.some((c) => c.type === 'nurse-licence' && certificateValidOn(c, ctx.today))) {
    out.push({
      field: 'preferredStaffId',
      message: `${medical.join('、')} 是医疗护理项目，须由持有效护士执业证书的人员提供；指定的${ctx.preferred.name}今天没有`,
    });
  }
  return out;
}
