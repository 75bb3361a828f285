/**
 * The demo's residents (机构护理) and home-care clients (居家护理): who they are, their assessment
 * history and their stay timeline. A demo month should look like a real one, so each group gets a
 * few of what a real month has: new admissions, hospital stays with returns, a leave, a discharge,
 * a death, assessments about to expire, a level change and a few people not assessed severe enough.
 */
import { addDays, addMonthsToMonth, daysBetween, daysInMonth, monthOf, monthStart } from '../../../shared/domain/dates';
import type { Assessment, CareMode, GeoPoint, Level, LocalDate, Month, Resident, StayEvent } from '../../../shared/domain/model';
import { birthDate, dateBetween, homeAddress, homeLocation, makeIdNumber, mobileNumber } from './identity';
import { makeName } from './names';
import { Weighted, type Rng } from './prng';
import type { DemoWindow } from './window';

/** Names and ID numbers already given, shared by residents and staff so nobody repeats. */
export interface Registry {
  names: Set<string>;
  ids: Set<string>;
}

export interface BuiltResident {
  resident: Resident;
  mode: CareMode;
  admit: LocalDate;
  /** the latest assessed level */
  level: Level;
  /** discharge or death date: the service period ends the day before */
  end?: LocalDate;
  /** hospital stays [hospital date, return date) */
  hospital: Array<readonly [LocalDate, LocalDate]>;
  home?: GeoPoint;
}

/** `renewing`: only in a window ending today (see longStay) */
type Kind = 'normal' | 'ineligible' | 'expiring' | 'renewing' | 'levelChange';
type Story = 'stay' | 'new' | 'hospital' | 'leave' | 'discharge' | 'death';

const ELIGIBLE_LEVELS: Record<CareMode, Weighted<Level>> = {
  // Nursing homes take the most dependent; home care serves more of level 3.
  institutional: new Weighted<Level>([
    [3, 30],
    [4, 37],
    [5, 33],
  ]),
  home: new Weighted<Level>([
    [3, 42],
    [4, 35],
    [5, 23],
  ]),
};
const ASSESSORS = ['宁波市长护险失能等级评估中心', '海曙区长护险评估服务站'];
const HOSPITALS = ['宁波市第一医院', '宁波市第二医院', '宁波市医疗中心李惠利医院', '宁波市中医院', '宁波市第六医院'];
const HOSPITAL_REASONS = ['肺部感染', '心衰加重', '脑梗复发', '跌倒致骨折', '消化道出血', '发热待查'];
const LEAVE_NOTES = ['家属接回家过节', '回家参加家庭聚会', '家属接回家小住'];
const DISCHARGE_NOTES: Record<CareMode, readonly string[]> = {
  institutional: ['家属接回居家照护', '转入其他护理机构'],
  home: ['转入养老机构', '家属自行照护，停止上门服务'],
};

const atLeast = (n: number, x: number, min: number): number => (n === 0 ? 0 : Math.min(n, Math.max(min, Math.round(x))));

export function buildResidents(rng: Rng, win: DemoWindow, institutional: number, home: number, beds: string[], reg: Registry): BuiltResident[] {
  return [
    ...buildGroup(rng.fork('institutional'), win, 'institutional', institutional, beds, reg),
    ...buildGroup(rng.fork('home'), win, 'home', home, beds, reg),
  ];
}

function buildGroup(rng: Rng, win: DemoWindow, mode: CareMode, n: number, beds: string[], reg: Registry): BuiltResident[] {
  const m = win.months;
  const inst = mode === 'institutional';
  // Who has what story this window: distinct people, counts growing with size and months.
  const stories: Story[] = new Array<Story>(n).fill('stay');
  // The first person of each story has it in the focus month (the last full one): the claim a new
  // user opens first then shows a hospital stay, a leave, a discharge and a death, whatever the window.
  const inLastMonth: boolean[] = new Array<boolean>(n).fill(false);
  const order = rng.shuffle([...Array(n).keys()]);
  let at = 0;
  const tell = (story: Story, count: number): void => {
    const start = at;
    for (const end = Math.min(n, at + count); at < end; at++) {
      stories[order[at] as number] = story;
      inLastMonth[order[at] as number] = at === start;
    }
  };
  // Admissions about balance departures (deaths, discharges), so a long benchmark window keeps a
  // steady head count instead of growing from a small start.
  tell('new', atLeast(n, n * (inst ? 0.015 : 0.012) * m, 2));
  tell('hospital', atLeast(n, n * (inst ? 0.025 : 0.01) * m, inst ? 3 : 1));
  if (inst) tell('leave', atLeast(n, n * 0.015 * m, 2));
  tell('discharge', atLeast(n, n * (inst ? 0.007 : 0.005) * m, 1));
  tell('death', inst ? atLeast(n, n * 0.008 * m, 1) : Math.round(n * 0.006 * m));

  // Assessment peculiarities go to people already staying (a new admission has a fresh conclusion).
  const kinds: Kind[] = new Array<Kind>(n).fill('normal');
  const settled = rng.shuffle(order.filter((i) => stories[i] !== 'new'));
  let k = 0;
  const mark = (kind: Kind, count: number): void => {
    for (const end = Math.min(settled.length, k + count); k < end; k++) kinds[settled[k] as number] = kind;
  };
  // Levels 1–2 are not paid: a nursing home keeps a few such residents at their own cost, while a
  // home-care agency does not plan insured visits for them.
  if (inst) mark('ineligible', atLeast(n, n * 0.075, 1));
  mark('expiring', atLeast(n, n * 0.03, 1));
  mark('levelChange', atLeast(n, n * 0.01 * m, 1));
  if (win.today) {
    // Renewed in the focus month by someone who stays all the window: a conclusion after a death
    // or a discharge would make no sense.
    const stayers = settled.slice(k).filter((i) => stories[i] === 'stay');
    for (const i of stayers.slice(0, atLeast(n, n * 0.02, 1))) kinds[i] = 'renewing';
  }

  const out: BuiltResident[] = [];
  for (let i = 0; i < n; i++) out.push(buildOne(rng, win, mode, stories[i] ?? 'stay', inLastMonth[i] ?? false, kinds[i] ?? 'normal', beds, reg));
  return out;
}

function buildOne(rng: Rng, win: DemoWindow, mode: CareMode, story: Story, lastMonth: boolean, kind: Kind, beds: string[], reg: Registry): BuiltResident {
  const sex = rng.chance(0.62) ? 'female' : 'male';
  const name = makeName(rng, sex, 'elder', reg.names);
  const idNumber = makeIdNumber(rng, birthDate(rng, 1930, 1960, true), sex, 'elder', reg.ids);
  const level: Level =
    kind === 'ineligible' ? (rng.chance(0.65) ? 2 : 1) : kind === 'levelChange' ? (rng.chance(0.5) ? 4 : 5) : ELIGIBLE_LEVELS[mode].pick(rng);

  const { assessments, admit } = story === 'new' ? newcomer(rng, win, level, lastMonth) : longStay(rng, win, kind, level);
  const bed = mode === 'institutional' ? beds.pop() : undefined;
  const events: StayEvent[] = [{ type: 'admit', date: admit, mode, ...(bed ? { bed } : {}) }];
  const hospital: Array<readonly [LocalDate, LocalDate]> = [];
  const away = (type: 'hospital' | 'leave', from: LocalDate, days: number, note: string): void => {
    const back = addDays(from, days);
    events.push({ type, date: from, note }, { type: 'return', date: back });
    if (type === 'hospital') hospital.push([from, back]);
  };
  const hospitalNote = (): string => `${rng.pick(HOSPITAL_REASONS)}，${rng.pick(HOSPITALS)}住院`;

  // An older hospital stay before the window: a long stay has a past, and the timeline shows it.
  if (daysBetween(admit, win.first) > 60 && rng.chance(0.2)) {
    away('hospital', dateBetween(rng, addDays(admit, 14), addDays(win.first, -35)), rng.int(4, 20), hospitalNote());
  }

  const from = lastMonth ? monthStart(win.focus) : win.first;
  const lo = admit >= from ? addDays(admit, 1) : from;
  // Back (or gone) by the window's last day: a story starts in the focus month when it is to show there.
  const latest = lastMonth ? win.focusLast : win.last;
  let end: LocalDate | undefined;
  if (story === 'hospital' || story === 'leave') {
    const days = story === 'hospital' ? rng.int(3, 16) : rng.int(2, 6);
    const back = addDays(win.last, -days - 1);
    const hi = back < latest ? back : latest;
    if (hi >= lo) away(story, dateBetween(rng, lo, hi), days, story === 'hospital' ? hospitalNote() : rng.pick(LEAVE_NOTES));
  } else if (story === 'discharge' || story === 'death') {
    end = dateBetween(rng, lo, latest);
    const note = story === 'death' ? (mode === 'home' ? '居家病故' : '在院病故') : rng.pick(DISCHARGE_NOTES[mode]);
    events.push({ type: story, date: end, note });
  }
  // Nobody is reassessed after leaving (the one before still covers the stay: renewals come before
  // expiry). Only in a window ending today: a fixed window stays exactly as the benchmark knows it.
  const gone = end;
  const kept = win.today && gone ? assessments.filter((a) => a.concludedOn < gone) : assessments;

  const resident: Resident = {
    ref: '',
    name,
    idNumber,
    insuranceType: rng.chance(0.6) ? 'employee' : 'resident',
    phone: mobileNumber(rng),
    address: homeAddress(rng),
    assessments: kept,
    events,
  };
  return { resident, mode, admit, level, end, hospital, ...(mode === 'home' ? { home: homeLocation(rng) } : {}) };
}

/** Admitted in the window, assessed in the month or so before, so benefits run from the first day. */
function newcomer(rng: Rng, win: DemoWindow, level: Level, lastMonth: boolean): { assessments: Assessment[]; admit: LocalDate } {
  const settled = addDays(win.last, -8);
  const hi = lastMonth && win.focusLast < settled ? win.focusLast : settled;
  const admit = dateBetween(rng, lastMonth ? monthStart(win.focus) : win.first, hi);
  const concluded = addDays(monthStart(monthOf(admit)), -rng.int(1, 45));
  return { assessments: [conclusion(rng, level, concluded)], admit };
}

/**
 * Someone staying since before the window. The latest conclusion is placed first (so its expiry is
 * where the story wants it), then earlier ones are added backwards, each renewed 20–23 months after
 * the one before, so validity (24 months from the 1st of the next month) never has a gap, until one
 * precedes the admission. The admission follows that first conclusion by one to eight weeks.
 */
function longStay(rng: Rng, win: DemoWindow, kind: Kind, level: Level): { assessments: Assessment[]; admit: LocalDate } {
  const wanted = addDays(win.first, -rng.int(30, 1500));
  let lastMonth: Month;
  // Validity ends on the last day of (conclusion month + 24): −24 expires at the end of endMonth,
  // −23 a month later, so the claim and the reminders both have something to warn about. In a
  // window ending today, endMonth is the current month: the reminders (60/30/7 days) see them.
  if (kind === 'expiring') lastMonth = addMonthsToMonth(win.endMonth, rng.chance(0.5) ? -24 : -23);
  // A reassessment with a higher level inside the window: the new level starts the next month.
  else if (kind === 'levelChange') lastMonth = addMonthsToMonth(win.endMonth, -rng.int(1, win.months));
  // Expiring at the end of the focus month, already renewed in it (see below).
  else if (kind === 'renewing') lastMonth = addMonthsToMonth(win.focus, -24);
  else lastMonth = addMonthsToMonth(win.endMonth, -rng.int(1, 22));

  const dates: LocalDate[] = [dayIn(rng, lastMonth)];
  while ((dates[0] as LocalDate) >= wanted) {
    dates.unshift(dayIn(rng, addMonthsToMonth(monthOf(dates[0] as LocalDate), -rng.int(20, 23))));
  }
  // The focus month's claim warns of the assessment ending with it (ASSESSMENT_EXPIRING), while the
  // person stays covered: the renewal concluded that month takes over on the 1st of the next. A
  // window ending today needs this, as its other expiries fall after the focus month's warning range.
  if (kind === 'renewing') dates.push(dayIn(rng, win.focus));
  const firstConcluded = dates[0] as LocalDate;
  const admitAfterFirst = addDays(firstConcluded, rng.int(7, 60));
  const admit = admitAfterFirst < wanted ? admitAfterFirst : wanted;

  const assessments = dates.map((d, i) => {
    const latest = i === dates.length - 1;
    let lv = level;
    if (!latest && kind === 'levelChange') lv = (level - 1) as Level;
    // Dependence grows with age: some earlier conclusions were one level lower.
    else if (!latest && level >= 4 && rng.chance(0.25)) lv = (level - 1) as Level;
    return conclusion(rng, lv, d);
  });
  return { assessments, admit };
}

function conclusion(rng: Rng, level: Level, concludedOn: LocalDate): Assessment {
  return { level, concludedOn, number: '', assessor: rng.pick(ASSESSORS) };
}

function dayIn(rng: Rng, month: Month): LocalDate {
  const day = rng.int(1, daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * 评估结论书编号 such as NB2026-0831: numbered by the agency in date order within a year. The
 * agency assesses the whole city, so one institution's numbers have gaps between them.
 */
export function numberAssessments(rng: Rng, residents: readonly Resident[]): void {
  const byYear = new Map<string, Assessment[]>();
  for (const r of residents) {
    for (const a of r.assessments) {
      const year = a.concludedOn.slice(0, 4);
      const list = byYear.get(year);
      if (list) list.push(a);
      else byYear.set(year, [a]);
    }
  }
  for (const [year, list] of [...byYear].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    list.sort((a, b) => (a.concludedOn < b.concludedOn ? -1 : a.concludedOn > b.concludedOn ? 1 : 0));
    const maxGap = Math.max(1, Math.min(12, Math.floor(8000 / list.length)));
    let seq = rng.int(1, 60);
    for (const a of list) {
      a.number = `NB${year}-${String(seq).padStart(4, '0')}`;
      seq += rng.int(1, maxGap);
    }
  }
}
