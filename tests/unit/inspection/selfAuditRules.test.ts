/**
 * Each self-audit rule on hand-made records: ones that must hit and ones that must not. Distances are
 * worked out by hand: on the haversine sphere (R = 6,371,008.8 m) 0.001° of latitude is 111.195 m, so
 * 0.004° is 444.8 m, 0.005° is 556.0 m, 0.1° is 11,119.5 m (12 minutes at 60 km/h, i.e. 1,000 m a minute).
 */
import { describe, expect, it } from 'vitest';
import { runSelfAudit } from '../../../shared/inspection/selfAudit';
import type { AuditVisit, MonthModes, RuleId, SelfAuditInput, VisitMove } from '../../../shared/inspection/selfAuditTypes';
import { DEFAULT_SELF_AUDIT_PARAMS, type SelfAuditParams } from '../../../shared/inspection/settings';
import type { GeoPoint } from '../../../shared/domain/model';

const HOME: GeoPoint = { lat: 29.87, lng: 121.55 };
const north = (deg: number, from: GeoPoint = HOME): GeoPoint => ({ lat: Math.round((from.lat + deg) * 1e6) / 1e6, lng: from.lng });

let n = 0;
function visit(resident: string, staff: string, start: string, end: string, checkIn: GeoPoint | null = HOME, extra: Partial<AuditVisit> = {}): AuditVisit {
  const minutes = (Date.parse(`${end}:00Z`) - Date.parse(`${start}:00Z`)) / 60_000;
  return { ref: extra.ref ?? `v${++n}`, resident, staff, start, end, minutes, confirmed: true, checkIn, checkOut: null, ...extra };
}

function audit(
  visits: AuditVisit[],
  o: {
    params?: Partial<SelfAuditParams>;
    setHomes?: Map<string, GeoPoint>;
    moves?: VisitMove[];
    quotas?: Map<string, Map<string, number>>;
    modes?: MonthModes[];
    care?: SelfAuditInput['care'];
    from?: string;
    to?: string;
  } = {},
) {
  const input: SelfAuditInput = {
    from: o.from ?? '2026-10-01',
    to: o.to ?? '2026-10-31',
    visits: [...visits].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)),
    setHomes: o.setHomes ?? new Map(),
    moves: o.moves ?? [],
    quotas: o.quotas ?? null,
    modes: o.modes ?? [],
    care: o.care ?? null,
    params: { ...DEFAULT_SELF_AUDIT_PARAMS, ...o.params },
    names: { residents: new Map([['r1', '王秀英']]), staff: new Map([['s1', '李娟']]) },
  };
  return runSelfAudit(input, { minVisitMinutes: 30 });
}

const hitsOf = (result: ReturnType<typeof audit>, rule: RuleId) => result.rules.find((r) => r.rule === rule)!.hits;
/** five ordinary visits at the door, on five days of September (the lookback), to learn r's home */
const usual = (r: string, staff = 's9', home = HOME) => [1, 2, 3, 4, 5].map((d) => visit(r, staff, `2026-09-0${d}T09:00`, `2026-09-0${d}T10:00`, home));

describe('CHECKIN_FAR and NO_CHECKIN', () => {
  it('lists a check-in 556 m from the learned home, not one 445 m away, and a visit with no place', () => {
    const far = visit('r1', 's1', '2026-10-06T09:00', '2026-10-06T10:00', north(0.005), { ref: 'far' });
    const near = visit('r1', 's1', '2026-10-07T09:00', '2026-10-07T10:00', north(0.004), { ref: 'near' });
    const none = visit('r1', 's1', '2026-10-08T09:00', '2026-10-08T10:00', null, { ref: 'none' });
    const r = audit([...usual('r1'), far, near, none]);
    expect(hitsOf(r, 'CHECKIN_FAR').map((h) => h.visits)).toEqual([['far']]);
    expect(hitsOf(r, 'CHECKIN_FAR')[0]!.reason).toBe('far（2026-10-06 09:00，王秀英（r1））的签到点距住址位置（由 7 次签到学习）约 556 米，超过 500 米。');
    expect(hitsOf(r, 'NO_CHECKIN').map((h) => h.visits)).toEqual([['none']]);
  });

  it('learns the home as the median, so a few far check-ins do not move it', () => {
    // 5 at home + 2 at 0.02° north: the median latitude is still the home's
    const moved = [6, 7].map((d) => visit('r1', 's1', `2026-10-0${d}T09:00`, `2026-10-0${d}T10:00`, north(0.02), { ref: `m${d}` }));
    expect(hitsOf(audit([...usual('r1'), ...moved]), 'CHECKIN_FAR').map((h) => h.visits[0])).toEqual(['m6', 'm7']);
  });

  it('judges against a home set on the client, and says it cannot judge a client with too few check-ins', () => {
    const v = visit('r2', 's1', '2026-10-06T09:00', '2026-10-06T10:00', HOME, { ref: 'set' });
    const set = audit([v], { setHomes: new Map([['r2', north(0.01)]]) });
    expect(hitsOf(set, 'CHECKIN_FAR')[0]!.reason).toBe('set（2026-10-06 09:00，r2）的签到点距服务对象上设置的住址位置约 1.1 公里，超过 500 米。');
    const unknown = audit([visit('r3', 's1', '2026-10-06T09:00', '2026-10-06T10:00', north(0.05))]);
    expect(hitsOf(unknown, 'CHECKIN_FAR')).toEqual([]);
    expect(unknown.rules.find((x) => x.rule === 'CHECKIN_FAR')!.notes[0]).toMatch(/^1 名服务对象/);
  });

  it('reports only visits inside the period (the lookback only teaches the home)', () => {
    const before = visit('r1', 's1', '2026-09-20T09:00', '2026-09-20T10:00', north(0.01));
    expect(hitsOf(audit([...usual('r1'), before]), 'CHECKIN_FAR')).toEqual([]);
  });
});

describe('SAME_POINT', () => {
  const a = () => visit('r1', 's1', '2026-10-06T09:00', '2026-10-06T10:00', HOME, { ref: 'a' });
  it('lists check-ins for two clients at the same spot an hour apart', () => {
    const hits = hitsOf(audit([a(), visit('r2', 's1', '2026-10-06T10:00', '2026-10-06T11:00', HOME, { ref: 'b' })]), 'SAME_POINT');
    expect(hits.map((h) => [h.key, h.visits])).toEqual([['SAME_POINT:a+b', ['a', 'b']]]);
    expect(hits[0]!.reason).toContain('王秀英（r1）');
  });
  it('does not list 22 m apart, three hours apart, or the same client twice', () => {
    expect(hitsOf(audit([a(), visit('r2', 's1', '2026-10-06T10:00', '2026-10-06T11:00', north(0.0002))]), 'SAME_POINT')).toEqual([]);
    expect(hitsOf(audit([a(), visit('r2', 's1', '2026-10-06T12:01', '2026-10-06T13:00')]), 'SAME_POINT')).toEqual([]);
    expect(hitsOf(audit([a(), visit('r1', 's2', '2026-10-06T10:00', '2026-10-06T11:00')]), 'SAME_POINT')).toEqual([]);
  });
});

describe('IMPOSSIBLE_TRAVEL', () => {
  const a = () => visit('r1', 's1', '2026-10-06T09:00', '2026-10-06T10:00', HOME, { ref: 'a' });
  it('lists 11.1 km in 10 minutes (12 needed at 60 km/h)', () => {
    const hits = hitsOf(audit([a(), visit('r2', 's1', '2026-10-06T10:10', '2026-10-06T11:00', north(0.1), { ref: 'b' })]), 'IMPOSSIBLE_TRAVEL');
    expect(hits.map((h) => h.visits)).toEqual([['a', 'b']]);
    expect(hits[0]!.reason).toContain('10 分钟后在约 11.1 公里外开始 b');
    expect(hits[0]!.reason).toContain('至少需要 12 分钟');
  });
  it('does not list 15 minutes for it, two caregivers, two days, or 800 m with no gap', () => {
    expect(hitsOf(audit([a(), visit('r2', 's1', '2026-10-06T10:15', '2026-10-06T11:00', north(0.1))]), 'IMPOSSIBLE_TRAVEL')).toEqual([]);
    expect(hitsOf(audit([a(), visit('r2', 's2', '2026-10-06T10:05', '2026-10-06T11:00', north(0.1))]), 'IMPOSSIBLE_TRAVEL')).toEqual([]);
    expect(hitsOf(audit([a(), visit('r2', 's1', '2026-10-07T08:00', '2026-10-07T09:00', north(0.1))]), 'IMPOSSIBLE_TRAVEL')).toEqual([]);
    expect(hitsOf(audit([a(), visit('r2', 's1', '2026-10-06T10:00', '2026-10-06T11:00', north(0.0072))]), 'IMPOSSIBLE_TRAVEL')).toEqual([]);
  });
  it('measures from the first visit’s check-out when it has one', () => {
    const first = visit('r1', 's1', '2026-10-06T09:00', '2026-10-06T10:00', HOME, { ref: 'a', checkOut: north(0.1) });
    expect(hitsOf(audit([first, visit('r2', 's1', '2026-10-06T10:05', '2026-10-06T11:00', north(0.1))]), 'IMPOSSIBLE_TRAVEL')).toEqual([]);
  });
});

describe('UNIFORM_DURATION', () => {
  const day = (d: number, minutes: number) =>
    visit(`r${d}`, 's1', `2026-10-${String(d).padStart(2, '0')}T09:00`, `2026-10-${String(d).padStart(2, '0')}T${minutes === 60 ? '10:00' : `09:${minutes}`}`);
  it('lists a caregiver whose visits are 8 of 10 exactly 30 minutes, the minimum', () => {
    const hits = hitsOf(audit([...[1, 2, 3, 4, 5, 6, 7, 8].map((d) => day(d, 30)), day(9, 45), day(10, 60)]), 'UNIFORM_DURATION');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.visits).toHaveLength(8);
    expect(hits[0]!.reason).toBe('李娟（s1）在 2026-10-01 至 2026-10-31 的 10 次服务中有 8 次（80%）都是 30 分钟，恰好等于最低服务时长。');
  });
  it('does not list 7 of 10, nor 9 of 9 (too few visits to tell)', () => {
    expect(hitsOf(audit([...[1, 2, 3, 4, 5, 6, 7].map((d) => day(d, 30)), day(8, 45), day(9, 60), day(10, 50)]), 'UNIFORM_DURATION')).toEqual([]);
    expect(hitsOf(audit([1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => day(d, 30))), 'UNIFORM_DURATION')).toEqual([]);
  });
});

describe('MOVED_AFTER_CAP', () => {
  // s1 already has 450 minutes on 10-05; the moved visit (60 min, now s2's) would make it 510 > 480.
  const s1Day = [visit('r1', 's1', '2026-10-05T07:00', '2026-10-05T11:00'), visit('r3', 's1', '2026-10-05T12:00', '2026-10-05T15:30')];
  const moved = visit('r2', 's2', '2026-10-05T16:00', '2026-10-05T17:00', HOME, { ref: 'mv' });
  const move = (from: string): VisitMove => ({ visit: 'mv', at: '2026-10-06T08:30:00', from, to: 's2', date: '2026-10-05', minutes: 60 });
  it('lists a visit moved from a caregiver whose day would then pass the daily cap', () => {
    const hits = hitsOf(audit([...s1Day, moved], { moves: [move('s1')] }), 'MOVED_AFTER_CAP');
    expect(hits.map((h) => h.reason)).toEqual([
      '服务记录 mv 于 2026-10-06 08:30 由李娟（s1）改为s2；若仍记在原护理员名下，其当天共 510 分钟，超过每日上限 480 分钟。',
    ]);
  });
  it('lists the monthly cap too, and not a move from someone under both caps or moved back', () => {
    const month = hitsOf(
      audit([...s1Day, moved], { moves: [move('s1')], params: { caregiverDailyCapMinutes: 600, caregiverMonthlyCapMinutes: 500 } }),
      'MOVED_AFTER_CAP',
    );
    expect(month[0]!.reason).toContain('当月共 510 分钟，超过每月上限 500 分钟');
    expect(hitsOf(audit([...s1Day, moved], { moves: [move('s3')] }), 'MOVED_AFTER_CAP')).toEqual([]);
    const back = { ...moved, staff: 's1' };
    expect(hitsOf(audit([...s1Day, back], { moves: [move('s1')] }), 'MOVED_AFTER_CAP')).toEqual([]);
  });
});

describe('CAP_EXACT', () => {
  // r1's quota is 20 h = 1,200 minutes in September and October.
  const quotas = new Map([
    ['2026-09', new Map([['r1', 1200]])],
    ['2026-10', new Map([['r1', 1200]])],
  ]);
  const month = (m: string, total: number, extra: Partial<AuditVisit> = {}) =>
    Array.from({ length: total / 120 }, (_, i) =>
      visit('r1', 's1', `${m}-${String(i + 1).padStart(2, '0')}T08:00`, `${m}-${String(i + 1).padStart(2, '0')}T10:00`, HOME, extra),
    );
  it('lists a client at exactly 1,200 confirmed minutes two months running (an unconfirmed visit aside)', () => {
    const extra = visit('r1', 's1', '2026-10-20T08:00', '2026-10-20T09:00', HOME, { confirmed: false });
    const hits = hitsOf(audit([...month('2026-09', 1200), ...month('2026-10', 1200), extra], { quotas }), 'CAP_EXACT');
    expect(hits.map((h) => h.key)).toEqual(['CAP_EXACT:r1+2026-10']);
    expect(hits[0]!.reason).toBe('王秀英（r1）在 2026-09 至 2026-10 连续 2 个月，已签字确认的服务时长都恰好等于当月限额（2026-10 为 20 小时）。');
  });
  it('does not list one exact month, or a pack without an hourly quota', () => {
    expect(hitsOf(audit([...month('2026-09', 1080), ...month('2026-10', 1200)], { quotas }), 'CAP_EXACT')).toEqual([]);
    expect(hitsOf(audit([...month('2026-09', 1200), ...month('2026-10', 1200)]), 'CAP_EXACT')).toEqual([]);
  });
});

describe('BOTH_MODES and the rules without data', () => {
  it('lists a person claimed in both modes in one month, not one in a single mode', () => {
    const modes: MonthModes[] = [
      { month: '2026-10', resident: 'r1', institutionalDays: 12, homeMinutes: 300, homeVisits: 5 },
      { month: '2026-10', resident: 'r2', institutionalDays: 31, homeMinutes: 0, homeVisits: 0 },
    ];
    expect(hitsOf(audit([], { modes }), 'BOTH_MODES').map((h) => h.key)).toEqual(['BOTH_MODES:r1+2026-10']);
  });
  it('BED_NO_CARE: a day bed-days were claimed while the rota staffed no shift with anyone fit lists that day, once', () => {
    const october = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    const care = {
      // r1 claimed 10-04 to 10-06, r2 10-05 only; 10-05 had nobody fit on any shift, every other October day did
      bedDays: new Map([
        ['r1', ['2026-10-04', '2026-10-05', '2026-10-06']],
        ['r2', ['2026-10-05']],
      ]),
      rotaDays: new Set(october),
      staffedDays: new Set(october.filter((d) => d !== '2026-10-05')),
    };
    const hits = hitsOf(audit([], { care }), 'BED_NO_CARE');
    expect(hits.map((h) => [h.key, h.date])).toEqual([['BED_NO_CARE:2026-10-05', '2026-10-05']]);
    expect(hits[0]!.reason).toBe('2026-10-05 结算了 2 个床日（王秀英（r1）、r2），但当天排班中没有任何在职且持证的护理人员上班');
    // a day of a month without a rota is not judged, staffed or not
    const notRostered = { ...care, rotaDays: new Set(october.filter((d) => d !== '2026-10-05')) };
    expect(hitsOf(audit([], { care: notRostered }), 'BED_NO_CARE')).toEqual([]);
  });

  it('shows the rules whose data the product lacks as unavailable, with why, and no hits', () => {
    const r = audit([]);
    const unavailable = r.rules.filter((x) => !x.available).map((x) => x.rule);
    // BED_NO_CARE only for want of a rota in the period (no `care` here)
    expect(unavailable).toEqual(['CONFIRM_TIME', 'BED_NO_CARE', 'HOSPITAL_OVERLAP', 'TWO_INSTITUTIONS']);
    for (const x of r.rules.filter((y) => !y.available)) expect(x.why).toMatch(/暂无法/);
  });
});
