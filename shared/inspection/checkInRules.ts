/**
 * The check-in rules: a visit logged far from the client's home, with no place at all, or from the
 * same spot as a visit to someone else shortly before. Inspectors compare the place a caregiver app
 * records with the client's address: it is the first evidence that a visit really happened.
 */
import type { GeoPoint } from '../domain/model';
import { distanceMeters, distanceText, medianPoint, METERS_PER_DEGREE_LAT, metersPerDegreeLng } from './geo';
import { personText, type AuditHit, type AuditVisit, type SelfAuditInput } from './selfAuditTypes';

export const inPeriod = (v: AuditVisit, input: { from: string; to: string }): boolean => {
  const d = v.start.slice(0, 10);
  return d >= input.from && d <= input.to;
};

/** A local `YYYY-MM-DDTHH:mm` as minutes since 1970 (UTC arithmetic on local times: only differences are used). */
export const minuteOf = (t: string): number => Date.UTC(+t.slice(0, 4), +t.slice(5, 7) - 1, +t.slice(8, 10), +t.slice(11, 13), +t.slice(14, 16)) / 60_000;

export const hitKey = (rule: string, ...parts: string[]): string => `${rule}:${parts.join('+')}`;
export const timeText = (t: string): string => `${t.slice(0, 10)} ${t.slice(11, 16)}`;

export interface HomePoint {
  point: GeoPoint;
  source: 'set' | 'learned';
  /** check-ins it was learned from (0 for a point set on the client) */
  samples: number;
}

/**
 * Each client's home point: the one set on the client, else the median of the check-ins of all the
 * visits given (the period and the lookback before it), when there are at least `homeMinCheckIns`.
 */
export function homePoints(input: Pick<SelfAuditInput, 'visits' | 'setHomes' | 'params'>): Map<string, HomePoint> {
  const seen = new Map<string, GeoPoint[]>();
  for (const v of input.visits) {
    if (!v.checkIn || input.setHomes.has(v.resident)) continue;
    let list = seen.get(v.resident);
    if (!list) seen.set(v.resident, (list = []));
    list.push(v.checkIn);
  }
  const out = new Map<string, HomePoint>();
  for (const [ref, point] of input.setHomes) out.set(ref, { point, source: 'set', samples: 0 });
  for (const [ref, points] of seen) {
    if (points.length < input.params.homeMinCheckIns) continue;
    const point = medianPoint(points);
    if (point) out.set(ref, { point, source: 'learned', samples: points.length });
  }
  return out;
}

/** CHECKIN_FAR and NO_CHECKIN, and the clients the first could not judge. */
export function checkInHits(input: SelfAuditInput, homes: ReadonlyMap<string, HomePoint>): { far: AuditHit[]; none: AuditHit[]; unknownHomes: Set<string> } {
  const far: AuditHit[] = [];
  const none: AuditHit[] = [];
  const unknownHomes = new Set<string>();
  const radius = input.params.checkInRadiusM;
  for (const v of input.visits) {
    if (!inPeriod(v, input)) continue;
    const base = { date: v.start.slice(0, 10), resident: v.resident, staff: v.staff, visits: [v.ref] };
    if (!v.checkIn) {
      none.push({
        ...base,
        key: hitKey('NO_CHECKIN', v.ref),
        rule: 'NO_CHECKIN',
        reason: `服务记录 ${v.ref}（${timeText(v.start)}，${personText(input, 'residents', v.resident)}）没有签到位置，无法证明上门。`,
      });
      continue;
    }
    const home = homes.get(v.resident);
    if (!home) {
      unknownHomes.add(v.resident);
      continue;
    }
    const d = distanceMeters(v.checkIn, home.point);
    if (d <= radius) continue;
    const whose = home.source === 'set' ? '服务对象上设置的住址位置' : `住址位置（由 ${home.samples} 次签到学习）`;
    far.push({
      ...base,
      key: hitKey('CHECKIN_FAR', v.ref),
      rule: 'CHECKIN_FAR',
      reason: `${v.ref}（${timeText(v.start)}，${personText(input, 'residents', v.resident)}）的签到点距${whose}${distanceText(d)}，超过 ${radius} 米。`,
    });
  }
  return { far, none, unknownHomes };
}

/**
 * SAME_POINT: check-ins within `samePointMeters` of each other, for different clients, starting within
 * `samePointWindowMinutes`. Points go into grid cells one radius wide, so each is compared only with
 * the points of its own and the eight neighbouring cells: linear in the visits, not quadratic.
 */
export function samePointHits(input: SelfAuditInput): AuditHit[] {
  const { samePointMeters: within, samePointWindowMinutes: window } = input.params;
  const visits = input.visits.filter((v) => v.checkIn && inPeriod(v, input));
  if (visits.length === 0) return [];
  const lat0 = (visits[0] as AuditVisit).checkIn!.lat;
  const cellLat = within / METERS_PER_DEGREE_LAT;
  const cellLng = within / metersPerDegreeLng(lat0);
  const cells = new Map<string, number[]>();
  const cellOf = (p: GeoPoint): [number, number] => [Math.floor(p.lat / cellLat), Math.floor(p.lng / cellLng)];
  const starts = visits.map((v) => minuteOf(v.start));
  const hits: AuditHit[] = [];
  visits.forEach((v, i) => {
    const [cy, cx] = cellOf(v.checkIn!);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const j of cells.get(`${cy + dy},${cx + dx}`) ?? []) {
          const w = visits[j] as AuditVisit;
          if (w.resident === v.resident) continue;
          const apart = Math.abs((starts[i] as number) - (starts[j] as number));
          if (apart > window) continue;
          const d = distanceMeters(v.checkIn!, w.checkIn!);
          if (d > within) continue;
          const [a, b] = w.start <= v.start ? [w, v] : [v, w];
          hits.push({
            key: hitKey('SAME_POINT', a.ref, b.ref),
            rule: 'SAME_POINT',
            date: b.start.slice(0, 10),
            staff: b.staff,
            resident: b.resident,
            visits: [a.ref, b.ref],
            reason: `${a.ref}（${timeText(a.start)}，${personText(input, 'residents', a.resident)}）与 ${b.ref}（${timeText(b.start)}，${personText(input, 'residents', b.resident)}）的签到点相距${distanceText(d)}，相隔 ${apart} 分钟：不同服务对象不应在同一地点签到。`,
          });
        }
      }
    }
    const key = `${cy},${cx}`;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });
  return hits;
}
