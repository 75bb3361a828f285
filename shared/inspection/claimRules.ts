/**
 * The rules over what was claimed month by month: a home quota used up to the minute month after month,
 * and one person claimed in both care modes in one month.
 */
import { addMonthsToMonth } from '../domain/dates';
import { hitKey } from './checkInRules';
import { personText, type AuditHit, type SelfAuditInput } from './selfAuditTypes';

const hoursText = (minutes: number): string => (minutes % 60 === 0 ? `${minutes / 60} 小时` : `${(minutes / 60).toFixed(1)} 小时`);

/**
 * CAP_EXACT: a home client whose confirmed visit minutes equal the month's quota exactly, for
 * `capExactMonths` months in a row, the last of them in the period. Real care lands a little under or
 * over a quota; landing on it exactly, again and again, is how a log topped up to the quota looks.
 * Only for a pack with an hourly quota (`quotas` null otherwise).
 */
export function capExactHits(input: SelfAuditInput): AuditHit[] {
  if (!input.quotas) return [];
  const minutes = new Map<string, number>();
  const refs = new Map<string, string[]>();
  for (const v of input.visits) {
    if (!v.confirmed) continue;
    const key = `${v.resident}|${v.start.slice(0, 7)}`;
    minutes.set(key, (minutes.get(key) ?? 0) + v.minutes);
    let list = refs.get(key);
    if (!list) refs.set(key, (list = []));
    list.push(v.ref);
  }
  const exact = (resident: string, month: string): boolean => {
    const quota = input.quotas?.get(month)?.get(resident);
    return quota !== undefined && quota > 0 && minutes.get(`${resident}|${month}`) === quota;
  };
  const months = input.params.capExactMonths;
  const hits: AuditHit[] = [];
  const periodMonths: string[] = [];
  for (let m = input.from.slice(0, 7); m <= input.to.slice(0, 7); m = addMonthsToMonth(m, 1)) periodMonths.push(m);
  for (const last of periodMonths) {
    for (const [resident] of input.quotas.get(last) ?? new Map<string, number>()) {
      const run = Array.from({ length: months }, (_, i) => addMonthsToMonth(last, i - months + 1));
      if (!run.every((m) => exact(resident, m))) continue;
      const quota = input.quotas.get(last)?.get(resident) ?? 0;
      hits.push({
        key: hitKey('CAP_EXACT', resident, last),
        rule: 'CAP_EXACT',
        date: `${last}-01`,
        resident,
        visits: refs.get(`${resident}|${last}`) ?? [],
        reason: `${personText(input, 'residents', resident)}在 ${run[0]} 至 ${last} 连续 ${months} 个月，已签字确认的服务时长都恰好等于当月限额（${last} 为 ${hoursText(quota)}）。`,
      });
    }
  }
  return hits;
}

/** BOTH_MODES: one person with institutional bed-days and home care claimed in the same month. */
export function bothModesHits(input: SelfAuditInput): AuditHit[] {
  const hits: AuditHit[] = [];
  for (const m of input.modes) {
    if (m.month < input.from.slice(0, 7) || m.month > input.to.slice(0, 7)) continue;
    if (m.institutionalDays <= 0 || (m.homeMinutes <= 0 && m.homeVisits <= 0)) continue;
    const home = m.homeMinutes > 0 ? `居家服务 ${m.homeMinutes} 分钟` : `居家服务 ${m.homeVisits} 次`;
    hits.push({
      key: hitKey('BOTH_MODES', m.resident, m.month),
      rule: 'BOTH_MODES',
      date: `${m.month}-01`,
      resident: m.resident,
      visits: [],
      reason: `${personText(input, 'residents', m.resident)}在 ${m.month} 既结算机构护理床日 ${m.institutionalDays} 天，又结算${home}。当月转换护理方式属正常，否则为重复结算。`,
    });
  }
  return hits;
}

/**
 * BED_NO_CARE: a day of the period on which bed-days were claimed while the rota, for a month that has
 * one, staffed no work shift with anyone employed and certified that day: nobody was there to care. One
 * hit per day, naming how many residents were claimed. Days of months without a rota are not judged.
 */
export function bedNoCareHits(input: SelfAuditInput): AuditHit[] {
  const care = input.care;
  if (!care) return [];
  const claimed = new Map<string, string[]>();
  for (const [resident, days] of care.bedDays) {
    for (const d of days) {
      if (d < input.from || d > input.to || !care.rotaDays.has(d) || care.staffedDays.has(d)) continue;
      let list = claimed.get(d);
      if (!list) claimed.set(d, (list = []));
      list.push(resident);
    }
  }
  return [...claimed].map(([date, residents]): AuditHit => {
    const sorted = [...residents].sort();
    const named = sorted
      .slice(0, 3)
      .map((r) => personText(input, 'residents', r))
      .join('、');
    return {
      key: hitKey('BED_NO_CARE', date),
      rule: 'BED_NO_CARE',
      date,
      ...(sorted.length === 1 ? { resident: sorted[0]! } : {}),
      visits: [],
      reason: `${date} 结算了 ${sorted.length} 个床日（${named}${sorted.length > 3 ? ' 等' : ''}），但当天排班中没有任何在职且持证的护理人员上班`,
    };
  });
}
