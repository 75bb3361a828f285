/**
 * The caregiver rules: travel between two clients faster than anyone could, durations that never vary,
 * and visits moved to a colleague's name once the caregiver's own hours were used up.
 */
import { distanceMeters, distanceText } from './geo';
import { hitKey, inPeriod, minuteOf, timeText } from './checkInRules';
import { personText, type AuditHit, type AuditVisit, type SelfAuditInput } from './selfAuditTypes';

function byStaff(visits: readonly AuditVisit[]): Map<string, AuditVisit[]> {
  const out = new Map<string, AuditVisit[]>();
  for (const v of visits) {
    let list = out.get(v.staff);
    if (!list) out.set(v.staff, (list = []));
    list.push(v);
  }
  return out;
}

/**
 * IMPOSSIBLE_TRAVEL: for each caregiver's consecutive visits to different clients on one day, the
 * straight-line distance from where the first ended (its check-out, else its check-in) to where the
 * second began, over the time between them. Straight lines understate real roads, so a hit is
 * impossible by any route. Overlapping visits are the claim's VISIT_OVERLAP, not this rule's.
 */
export function travelHits(input: SelfAuditInput): AuditHit[] {
  const { travelMaxSpeedKmh: speed, travelMinDistanceM: minDistance } = input.params;
  const hits: AuditHit[] = [];
  for (const [staff, list] of byStaff(input.visits.filter((v) => inPeriod(v, input)))) {
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1] as AuditVisit;
      const b = list[i] as AuditVisit;
      if (a.resident === b.resident || a.start.slice(0, 10) !== b.start.slice(0, 10)) continue;
      const from = a.checkOut ?? a.checkIn;
      if (!from || !b.checkIn) continue;
      const gap = minuteOf(b.start) - minuteOf(a.end);
      if (gap < 0) continue;
      const d = distanceMeters(from, b.checkIn);
      if (d < minDistance) continue;
      // The fastest anyone could make it, in whole minutes: under it (or at no gap at all) is impossible.
      const needed = Math.ceil(d / ((speed * 1000) / 60));
      if (gap >= needed) continue;
      hits.push({
        key: hitKey('IMPOSSIBLE_TRAVEL', a.ref, b.ref),
        rule: 'IMPOSSIBLE_TRAVEL',
        date: b.start.slice(0, 10),
        staff,
        resident: b.resident,
        visits: [a.ref, b.ref],
        reason: `${personText(input, 'staff', staff)}在 ${timeText(a.end)} 结束 ${a.ref}（${personText(input, 'residents', a.resident)}）后，${gap} 分钟后在${distanceText(d)}外开始 ${b.ref}（${personText(input, 'residents', b.resident)}）；按每小时 ${speed} 公里至少需要 ${needed} 分钟。`,
      });
    }
  }
  return hits;
}

/**
 * UNIFORM_DURATION: a caregiver with at least `uniformMinVisits` visits in the period, of which
 * `uniformSharePercent` or more last exactly the same number of minutes. Real visits vary with the
 * client's day; a log filled from a template does not. One hit per caregiver and period.
 */
export function uniformHits(input: SelfAuditInput, minVisitMinutes: number): AuditHit[] {
  const { uniformMinVisits: least, uniformSharePercent: share } = input.params;
  const hits: AuditHit[] = [];
  for (const [staff, list] of byStaff(input.visits.filter((v) => inPeriod(v, input)))) {
    if (list.length < least) continue;
    const counts = new Map<number, number>();
    for (const v of list) counts.set(v.minutes, (counts.get(v.minutes) ?? 0) + 1);
    let minutes = 0;
    let most = 0;
    for (const [m, n] of counts) if (n > most || (n === most && m < minutes)) [minutes, most] = [m, n];
    // Integer arithmetic: 8 of 10 is exactly 80 %, never 79.999…
    if (most * 100 < share * list.length) continue;
    const same = list.filter((v) => v.minutes === minutes);
    const atMinimum = minutes === minVisitMinutes ? `，恰好等于最低服务时长` : '';
    hits.push({
      key: hitKey('UNIFORM_DURATION', staff, input.from, input.to),
      rule: 'UNIFORM_DURATION',
      date: (same.at(-1) as AuditVisit).start.slice(0, 10),
      staff,
      visits: same.map((v) => v.ref),
      reason: `${personText(input, 'staff', staff)}在 ${input.from} 至 ${input.to} 的 ${list.length} 次服务中有 ${most} 次（${Math.round((most * 100) / list.length)}%）都是 ${minutes} 分钟${atMinimum}。`,
    });
  }
  return hits;
}

/**
 * MOVED_AFTER_CAP: a visit whose caregiver was changed (the audit log's before and after), when the
 * first caregiver's minutes that day, or that month, with the visit counted as theirs, exceed their
 * cap. Judged on the records as they stand: the moved visit's minutes now, the first caregiver's
 * other visits now.
 */
export function movedHits(input: SelfAuditInput): AuditHit[] {
  const { caregiverDailyCapMinutes: dayCap, caregiverMonthlyCapMinutes: monthCap } = input.params;
  const day = new Map<string, number>();
  const month = new Map<string, number>();
  for (const v of input.visits) {
    const d = v.start.slice(0, 10);
    day.set(`${v.staff}|${d}`, (day.get(`${v.staff}|${d}`) ?? 0) + v.minutes);
    month.set(`${v.staff}|${d.slice(0, 7)}`, (month.get(`${v.staff}|${d.slice(0, 7)}`) ?? 0) + v.minutes);
  }
  const current = new Map(input.visits.map((v) => [v.ref, v.staff]));
  const hits: AuditHit[] = [];
  for (const m of input.moves) {
    if (m.from === m.to || m.date < input.from || m.date > input.to) continue;
    // Moved back since: its minutes are already in the first caregiver's totals.
    if (current.get(m.visit) === m.from) continue;
    const onDay = (day.get(`${m.from}|${m.date}`) ?? 0) + m.minutes;
    const inMonth = (month.get(`${m.from}|${m.date.slice(0, 7)}`) ?? 0) + m.minutes;
    const over =
      onDay > dayCap
        ? `当天共 ${onDay} 分钟，超过每日上限 ${dayCap} 分钟`
        : inMonth > monthCap
          ? `当月共 ${inMonth} 分钟，超过每月上限 ${monthCap} 分钟`
          : null;
    if (!over) continue;
    hits.push({
      key: hitKey('MOVED_AFTER_CAP', m.visit, m.at),
      rule: 'MOVED_AFTER_CAP',
      date: m.date,
      staff: m.from,
      visits: [m.visit],
      reason: `服务记录 ${m.visit} 于 ${m.at.slice(0, 16).replace('T', ' ')} 由${personText(input, 'staff', m.from)}改为${personText(input, 'staff', m.to)}；若仍记在原护理员名下，其${over}。`,
    });
  }
  return hits;
}
