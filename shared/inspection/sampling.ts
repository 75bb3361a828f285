/**
 * 抽查 as inspectors do it: N persons and M days drawn at random, the seed shown so the same draw can be
 * made again (by the screen, `ltc inspect`, or an inspector who writes the seed down). Then, for each
 * person on each day: in stay per the records, claimed or not, and the visits with their evidence.
 */
import type { HomeEvidence, InstitutionalEvidence } from '../claims/types';
import { stayMarksOfMonth } from '../claims/stayMarks';
import { buildTimeline, statusOn } from '../claims/stayTimeline';
import type { SampleRow } from '../api/inspection';
import type { Claim } from '../claims/types';
import type { LocalDate, Resident, Visit } from '../domain/model';
import { distanceText, distanceMeters } from './geo';
import type { HomePoint } from './checkInRules';

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` of `items` drawn without replacement (a partial Fisher–Yates shuffle), in the order drawn. */
export function draw<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, n);
}

/**
 * The draw: persons from `pool` (sorted, so the draw does not depend on the order records were read),
 * then days from `days`, from one generator. Days come back in date order, persons as drawn.
 */
export function drawSample(
  seed: number,
  pool: readonly string[],
  days: readonly LocalDate[],
  persons: number,
  dayCount: number,
): { residents: string[]; days: LocalDate[] } {
  const random = seededRandom(seed);
  const residents = draw([...pool].sort(), persons, random);
  return { residents, days: draw(days, dayCount, random).sort() };
}

const STATUS_TEXT = { present: '在院', hospital: '住院', leave: '请假' } as const;
const MARK_TEXT = {
  institutional: { admit: '入院', discharge: '出院', death: '死亡' },
  home: { admit: '开始居家服务', discharge: '结束居家服务', death: '死亡' },
} as const;

export interface SampleFacts {
  residents: ReadonlyMap<string, Resident>;
  staffNames: ReadonlyMap<string, string>;
  /** the claims that stand for each month (the sent one, else the draft) and their 补报 */
  claims: ReadonlyMap<string, Claim[]>;
  /** the sampled persons' visits on the sampled days */
  visits: readonly Visit[];
  homes: ReadonlyMap<string, HomePoint>;
}

function claimedText(claims: readonly Claim[], resident: string, date: LocalDate, visitRefs: readonly string[]): string {
  const parts: string[] = [];
  for (const c of claims) {
    for (const l of c.lines) {
      if (l.resident !== resident) continue;
      if (l.mode === 'institutional' && (l.evidence as InstitutionalEvidence).billable.includes(date)) parts.push('已结算床日');
      if (l.mode === 'home') {
        const counted = (l.evidence as HomeEvidence).counted.filter((ref) => visitRefs.includes(ref)).length;
        if (counted > 0) parts.push(`结算上门 ${counted} 次`);
      }
    }
  }
  return parts.length > 0 ? parts.join('，') : '未结算';
}

export function sampleRows(sample: { residents: readonly string[]; days: readonly LocalDate[] }, f: SampleFacts): SampleRow[] {
  const rows: SampleRow[] = [];
  for (const date of sample.days) {
    for (const ref of sample.residents) {
      const r = f.residents.get(ref);
      if (!r) continue;
      const seg = statusOn(buildTimeline(r.events), date);
      const day = !seg
        ? '不在服务期'
        : seg.mode === 'home'
          ? seg.status === 'present'
            ? '居家服务期'
            : `居家服务期（${STATUS_TEXT[seg.status]}）`
          : STATUS_TEXT[seg.status];
      // the admission, discharge or death day says so (a discharge day is otherwise just 不在服务期)
      const mark = stayMarksOfMonth(r.events, date.slice(0, 7)).get(date);
      const status = mark ? `${day}（${MARK_TEXT[mark.mode][mark.mark]}当日）` : day;
      const admit = [...r.events].filter((e) => e.type === 'admit' && e.date <= date).at(-1);
      const visits = f.visits.filter((v) => v.resident === ref && v.start.slice(0, 10) === date);
      const home = f.homes.get(ref)?.point;
      rows.push({
        date,
        resident: ref,
        name: r.name,
        status,
        bed: seg?.mode === 'institutional' ? (admit?.bed ?? null) : null,
        claimed: claimedText(
          f.claims.get(date.slice(0, 7)) ?? [],
          ref,
          date,
          visits.map((v) => v.ref),
        ),
        visits: visits.map((v) => ({
          ref: v.ref,
          time: `${v.start.slice(11, 16)}–${v.end.slice(11, 16)}`,
          staff: f.staffNames.get(v.staff) ?? v.staff,
          items: v.items.join('、'),
          confirmed: v.confirmed,
          place: !v.checkIn
            ? '无签到位置'
            : home
              ? `距住址${distanceText(distanceMeters(v.checkIn, home))}`
              : `${v.checkIn.lat.toFixed(5)}, ${v.checkIn.lng.toFixed(5)}`,
        })),
      });
    }
  }
  return rows;
}
