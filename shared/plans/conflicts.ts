/**
 * What is wrong with a stored schedule, each typed and naming its records (派单 conflicts): a visit nobody
 * has (NO_CAREGIVER); a caregiver's two visits overlapping (OVERLAP) or too close for the trip between
 * them (TRAVEL: shared/plans/area.ts, by the homes' coordinates where known); more visits or hours in a day than the rules allow (DAY_LIMIT); a
 * caregiver not employed that day or without the certificate the items need (CERT_INVALID, the claim's
 * rule, docs/rules.md §3); a caregiver the plan excludes (EXCLUDED).
 */
import type { ScheduleConflict } from '../api/plans';
import { certificateValidOn } from '../claims/certificates';
import type { Certificate, GeoPoint, LocalDate } from '../domain/model';
import { travelMinutes, type Area } from './area';
import type { PlannedVisit, PlanRules } from './types';

export interface ConflictFacts {
  rules: PlanRules;
  residents: Map<number, { name: string; area: Area; at?: GeoPoint | null; excluded: number[]; needsNurse: boolean }>;
  staff: Map<number, { name: string; employedFrom: LocalDate | null; employedTo: LocalDate | null; certificates: Certificate[] }>;
}

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function scheduleConflicts(visits: readonly PlannedVisit[], f: ConflictFacts): ScheduleConflict[] {
  const out: ScheduleConflict[] = [];
  const who = (v: PlannedVisit) => `${v.date} ${v.start} ${f.residents.get(v.residentId)?.name ?? v.residentId}`;
  const byStaffDay = new Map<string, PlannedVisit[]>();
  for (const v of visits) {
    if (v.staffId === null) {
      out.push({ kind: 'NO_CAREGIVER', message: `${who(v)}：还没有派护理员`, visitIds: [v.id] });
      continue;
    }
    const s = f.staff.get(v.staffId);
    const r = f.residents.get(v.residentId);
    if (s) {
      const employed = (!s.employedFrom || s.employedFrom <= v.date) && (!s.employedTo || s.employedTo >= v.date);
      const certified = s.certificates.some((c) => (r?.needsNurse ? c.type === 'nurse-licence' : true) && certificateValidOn(c, v.date));
      if (!employed || !certified) {
        out.push({
          kind: 'CERT_INVALID',
          message: `${who(v)}：${s.name}${!employed ? '当天不在职' : r?.needsNurse ? '当天没有有效的护士执业证书（计划含医疗护理项目）' : '当天没有有效证书'}`,
          visitIds: [v.id],
        });
      }
    }
    if (r?.excluded.includes(v.staffId)) out.push({ kind: 'EXCLUDED', message: `${who(v)}：服务计划写明不派${s?.name ?? v.staffId}`, visitIds: [v.id] });
    const key = `${v.staffId}|${v.date}`;
    byStaffDay.set(key, [...(byStaffDay.get(key) ?? []), v]);
  }
  for (const list of byStaffDay.values()) {
    list.sort((a, b) => clock(a.start) - clock(b.start));
    const s = f.staff.get(list[0]!.staffId!);
    const name = s?.name ?? String(list[0]!.staffId);
    const minutes = list.reduce((m, v) => m + v.minutes, 0);
    if (list.length > f.rules.maxVisitsPerDay || minutes > f.rules.maxHoursPerDay * 60) {
      out.push({
        kind: 'DAY_LIMIT',
        message: `${name} ${list[0]!.date} 派了 ${list.length} 次、共 ${Math.round((minutes / 60) * 10) / 10} 小时，超过每天 ${f.rules.maxVisitsPerDay} 次或 ${f.rules.maxHoursPerDay} 小时`,
        visitIds: list.map((v) => v.id),
      });
    }
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      const gap = clock(b.start) - (clock(a.start) + a.minutes);
      const ra = f.residents.get(a.residentId);
      const rb = f.residents.get(b.residentId);
      const trip = ra && rb ? travelMinutes(ra, rb, f.rules) : f.rules.travelDefaultMinutes;
      if (gap < 0)
        out.push({
          kind: 'OVERLAP',
          message: `${name} ${a.date}：${a.start} ${ra?.name ?? ''} 与 ${b.start} ${rb?.name ?? ''} 时间重叠`,
          visitIds: [a.id, b.id],
        });
      else if (gap < trip)
        out.push({
          kind: 'TRAVEL',
          message: `${name} ${a.date}：${ra?.name ?? ''} 结束后只有 ${gap} 分钟赶到 ${rb?.name ?? ''}，路程约需 ${trip} 分钟`,
          visitIds: [a.id, b.id],
        });
    }
  }
  return out;
}

export const CONFLICT_NAMES = {
  NO_CAREGIVER: '未派',
  OVERLAP: '时间重叠',
  TRAVEL: '路程不够',
  DAY_LIMIT: '超过每日上限',
  CERT_INVALID: '证书/在职',
  EXCLUDED: '计划排除',
} as const;
