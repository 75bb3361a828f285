/**
 * 自查: every rule over one period's records. Pure: the services load the records (and, for the big
 * months, run this in a worker thread); the same input always gives the same hits in the same order.
 */
import { bedNoCareHits, bothModesHits, capExactHits } from './claimRules';
import { checkInHits, homePoints, samePointHits } from './checkInRules';
import { movedHits, travelHits, uniformHits } from './caregiverRules';
import {
  NO_ROTA_WHY,
  RULE_IDS,
  UNAVAILABLE_RULES,
  type AuditHit,
  type RuleId,
  type RuleResult,
  type SelfAuditInput,
  type SelfAuditResult,
} from './selfAuditTypes';

const byDate = (a: AuditHit, b: AuditHit): number => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function runSelfAudit(input: SelfAuditInput, opts: { minVisitMinutes: number }): SelfAuditResult {
  const homes = homePoints(input);
  const checkIns = checkInHits(input, homes);
  const found: Partial<Record<RuleId, AuditHit[]>> = {
    CHECKIN_FAR: checkIns.far,
    NO_CHECKIN: checkIns.none,
    SAME_POINT: samePointHits(input),
    IMPOSSIBLE_TRAVEL: travelHits(input),
    MOVED_AFTER_CAP: movedHits(input),
    CAP_EXACT: capExactHits(input),
    UNIFORM_DURATION: uniformHits(input, opts.minVisitMinutes),
    BOTH_MODES: bothModesHits(input),
    BED_NO_CARE: bedNoCareHits(input),
  };
  const notes: Partial<Record<RuleId, string[]>> = {
    CHECKIN_FAR:
      checkIns.unknownHomes.size > 0
        ? [`${checkIns.unknownHomes.size} 名服务对象既未设置住址位置，签到次数也不足 ${input.params.homeMinCheckIns} 次，暂无法判断其签到距离。`]
        : [],
    CAP_EXACT: input.quotas ? [] : ['所选政策包的居家护理不按小时限额支付，本项不适用。'],
  };
  const rules = RULE_IDS.map((rule): RuleResult => {
    const why = UNAVAILABLE_RULES[rule] ?? (rule === 'BED_NO_CARE' && !input.care ? NO_ROTA_WHY : undefined);
    if (why) return { rule, available: false, why, hits: [], notes: [] };
    return { rule, available: true, hits: (found[rule] ?? []).sort(byDate), notes: notes[rule] ?? [] };
  });
  return { from: input.from, to: input.to, rules };
}
