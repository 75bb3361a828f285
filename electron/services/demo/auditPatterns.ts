/**
 * The fraud patterns inspectors look for (DOMAIN.md §10), planted in the demo institution's last full
 * month so 自查 has something real to find, beside a clean remainder it must not flag. `ltc demo` plants
 * them; generateDemoDataset itself stays as it was (the benchmark's fixed window is pinned byte for byte).
 * Each pattern is chosen deterministically from the generated visits, so the same today gives the same
 * demo:
 * - 签到位置远离住址: two visits of one client checked in 2.2 km from the client's home;
 * - 没有签到位置: one visit with no check-in or check-out place;
 * - 同一地点为不同对象签到: a caregiver's last visit of a day checked in at the previous client's door;
 * - 两户之间路程时间不可能: a caregiver's last visit of a day 12 km away from the one before, ≤ 12 minutes later;
 * - 服务时长过于一致: one nurse's every visit of the month exactly 30 minutes, the minimum;
 * - 达到时长上限后改挂他人: the busiest caregiver's day gets one more visit (past 8 hours), then
 *   `moveAfterCap` changes its caregiver in the program, as the audit log then shows.
 */
import { buildTimeline, statusOn } from '../../../shared/claims/stayTimeline';
import { minuteNumber } from '../../../shared/domain/dates';
import type { Dataset, GeoPoint, Month, Visit } from '../../../shared/domain/model';
import { formatRef } from '../../../shared/domain/refs';
import { distanceMeters } from '../../../shared/inspection/geo';
import { clock } from './visits';

export interface PlantedPatterns {
  far: string[];
  noCheckIn: string[];
  samePoint: [string, string] | null;
  travel: [string, string] | null;
  uniform: { staff: string; visits: string[] } | null;
  /** the visit added to the busiest day, and the colleague it is to be moved to */
  moved: { visit: string; from: string; to: string } | null;
}

const day = (v: Visit): string => v.start.slice(0, 10);
const shifted = (p: GeoPoint | undefined, dLat: number): GeoPoint | undefined => (p ? { lat: Math.round((p.lat + dLat) * 1e6) / 1e6, lng: p.lng } : undefined);

/** Each caregiver's visits of one day in time order, keyed `staff|date`. */
function days(visits: readonly Visit[]): Map<string, Visit[]> {
  const out = new Map<string, Visit[]>();
  for (const v of visits) {
    const k = `${v.staff}|${day(v)}`;
    const list = out.get(k) ?? [];
    list.push(v);
    out.set(k, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.start < b.start ? -1 : 1));
  return out;
}

export function plantAuditPatterns(d: Dataset, focus: Month): PlantedPatterns {
  const licensed = new Set(d.staff.filter((s) => s.certificates.some((c) => c.type === 'nurse-licence')).map((s) => s.ref));
  const inFocus = d.visits.filter((v) => v.start.startsWith(focus) && v.confirmed && v.checkIn);
  const used = new Set<string>();
  const take = (v: Visit) => used.add(v.ref) && used.add(v.staff);
  const out: PlantedPatterns = { far: [], noCheckIn: [], samePoint: null, travel: null, uniform: null, moved: null };

  // A nurse whose every visit of the month lasts exactly the minimum (30 minutes, Ningbo).
  const perStaff = new Map<string, Visit[]>();
  for (const v of inFocus) perStaff.set(v.staff, [...(perStaff.get(v.staff) ?? []), v]);
  const nurse = [...perStaff].filter(([s, list]) => licensed.has(s) && list.length >= 10).sort((a, b) => (a[0] < b[0] ? -1 : 1))[0];
  if (nurse) {
    const all = d.visits.filter((v) => v.staff === nurse[0] && v.start.startsWith(focus));
    for (const v of all) v.end = `${day(v)}T${clock((minuteNumber(v.start) % 1440) + 30)}`;
    out.uniform = { staff: nurse[0], visits: all.map((v) => v.ref) };
    used.add(nurse[0]);
  }

  const byDay = days(inFocus.filter((v) => !licensed.has(v.staff)));
  const lastPairs = [...byDay.entries()]
    .filter(([, list]) => list.length >= 2)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([, list]) => [list[list.length - 2] as Visit, list[list.length - 1] as Visit] as const)
    .filter(([a, b]) => a.resident !== b.resident && a.checkIn && b.checkIn && distanceMeters(a.checkIn, b.checkIn) > 1500);

  // The last visit of a day checked in at the previous client's door, within two hours.
  const same = lastPairs.find(([a, b]) => !used.has(a.staff) && minuteNumber(b.start) - minuteNumber(a.start) <= 120);
  if (same) {
    const [a, b] = same;
    b.checkIn = { ...a.checkIn! };
    b.checkOut = a.checkOut ? { ...a.checkOut } : { ...a.checkIn! };
    out.samePoint = [a.ref, b.ref];
    take(a);
    take(b);
  }
  // The last visit of a day logged 12 km (0.11°) from where the one before ended, at most 12 minutes later.
  const travel = lastPairs.find(([a, b]) => !used.has(a.staff) && minuteNumber(b.start) - minuteNumber(a.end) <= 12);
  if (travel) {
    const [a, b] = travel;
    b.checkIn = shifted(a.checkOut ?? a.checkIn, 0.11);
    b.checkOut = shifted(a.checkOut ?? a.checkIn, 0.11);
    out.travel = [a.ref, b.ref];
    take(a);
    take(b);
  }
  // Two visits of one client (served by caregivers not used above) checked in 2.2 km north of the home.
  const clients = new Map<string, Visit[]>();
  for (const v of inFocus) if (!used.has(v.staff)) clients.set(v.resident, [...(clients.get(v.resident) ?? []), v]);
  const client = [...clients].filter(([, list]) => list.length >= 6).sort((a, b) => (a[0] < b[0] ? -1 : 1))[0];
  if (client) {
    for (const v of [client[1][1], client[1][3]] as Visit[]) {
      v.checkIn = shifted(v.checkIn, 0.02);
      v.checkOut = shifted(v.checkOut, 0.02);
      out.far.push(v.ref);
      take(v);
    }
  }
  // One visit with no place at all (the app's location was off), of another client.
  const none = inFocus.find((v) => !used.has(v.ref) && !used.has(v.staff) && v.resident !== client?.[0]);
  if (none) {
    delete none.checkIn;
    delete none.checkOut;
    out.noCheckIn.push(none.ref);
    take(none);
  }
  out.moved = plantBusyDay(d, focus, inFocus, licensed, used);
  return out;
}

/** The busiest caregiver-day gets one more visit, to one of the caregiver's own clients, that takes it past 8 hours. */
function plantBusyDay(d: Dataset, focus: Month, inFocus: readonly Visit[], licensed: ReadonlySet<string>, used: ReadonlySet<string>): PlantedPatterns['moved'] {
  const residents = new Map(d.residents.map((r) => [r.ref, r]));
  const byDay = days(d.visits.filter((v) => v.start.startsWith(focus)));
  const minutes = (list: readonly Visit[]) => list.reduce((n, v) => n + minuteNumber(v.end) - minuteNumber(v.start), 0);
  const busiest = [...byDay.entries()]
    .filter(([k]) => !licensed.has(k.split('|')[0]!) && !used.has(k.split('|')[0]!))
    .sort((a, b) => minutes(b[1]) - minutes(a[1]) || (a[0] < b[0] ? -1 : 1))[0];
  if (!busiest) return null;
  const [key, list] = busiest;
  const [staff, date] = key.split('|') as [string, string];
  const last = list[list.length - 1] as Visit;
  const start = (minuteNumber(last.end) % 1440) + 20;
  // Long enough to take the day past eight hours (480 minutes), as the overtime visit did.
  const length = Math.min(120, Math.max(60, 500 - minutes(list)));
  const served = new Set(list.map((v) => v.resident));
  // One of the caregiver's own clients of the month, not seen that day, at home (not in hospital) that day.
  const mine = inFocus.filter((v) => v.staff === staff && !served.has(v.resident) && v.checkIn);
  const client = mine.find((v) => {
    const seg = statusOn(buildTimeline(residents.get(v.resident)?.events ?? []), date);
    return seg?.mode === 'home' && seg.status === 'present';
  });
  if (!client) return null;
  // A colleague free an hour either side of it: moved to them, the visit overlaps nothing and leaves an hour's travel.
  const colleague = [...new Set(inFocus.map((v) => v.staff))]
    .filter((s) => s !== staff && !licensed.has(s) && !used.has(s))
    .sort()
    .find((s) =>
      (byDay.get(`${s}|${date}`) ?? []).every((v) => minuteNumber(v.end) % 1440 <= start - 60 || minuteNumber(v.start) % 1440 >= start + length + 60),
    );
  if (!colleague) return null;
  const visit: Visit = {
    ref: formatRef('visit', d.visits.length + 1),
    resident: client.resident,
    staff,
    start: `${date}T${clock(start)}`,
    end: `${date}T${clock(start + length)}`,
    items: [...client.items],
    confirmed: true,
    checkIn: { ...client.checkIn! },
    checkOut: client.checkOut ? { ...client.checkOut } : { ...client.checkIn! },
    note: '加班服务',
  };
  d.visits.push(visit);
  return { visit: visit.ref, from: staff, to: colleague };
}
