/**
 * The demo institution (宁波市海曙区康宁护理院): what a new user sees before importing their own
 * records, and, at large sizes, the benchmark institution. Pure: no I/O, no clock, no Math.random;
 * the same options always give a deep-equal dataset (tests, screenshots and benchmarks rely on it).
 * `ltc demo` passes the services' today; the benchmark a fixed `endMonth`.
 */
import { addDays, dayNumber, monthStart } from '../../../shared/domain/dates';
import type { Dataset, Institution, LocalDate, Month, Staff, Visit } from '../../../shared/domain/model';
import { formatRef } from '../../../shared/domain/refs';
import { bedLabels, bedPlan, type DemoBed } from './beds';
import { institutionUscc } from './identity';
import { injectProblems } from './problems';
import { Rng } from './prng';
import { buildResidents, numberAssessments, type BuiltResident, type Registry } from './residents';
import { buildStaff, staffNeeded, type StaffLoad } from './staff';
import { scheduleVisits, type HomeClient } from './visits';
import { demoWindow } from './window';

export interface DemoOptions {
  seed?: number;
  /**
   * the demo's today: `months` full months before its month, then its month up to this day, nothing
   * later (not with `endMonth`)
   */
  today?: LocalDate;
  /** without `today`: the last month of the demo, `YYYY-MM`, a whole month (default 2026-10) */
  endMonth?: Month;
  /** full months of records (default 3, at most 36) */
  months?: number;
  /** residents in institutional care (default 40) */
  institutionalResidents?: number;
  /** home-care clients (default 60) */
  homeClients?: number;
  /** head count (default: enough for the care load, at least 25) */
  staff?: number;
  /** planned home visits per client and month (default 11, i.e. 2–3 a week) */
  visitsPerClientPerMonth?: number;
}

/** About a third of home clients need nursing (glucose, wounds, tubes) and see a nurse weekly. */
const NURSE_SHARE = 0.3;
/** Longer windows would need licence renewals inside the demo; three years is plenty for a demo or benchmark. */
const MAX_MONTHS = 36;

export function generateDemoDataset(opts: DemoOptions = {}): Dataset {
  const months = Math.min(MAX_MONTHS, Math.max(1, Math.trunc(opts.months ?? 3)));
  const institutional = Math.max(0, Math.trunc(opts.institutionalResidents ?? 40));
  const home = Math.max(0, Math.trunc(opts.homeClients ?? 60));
  const visitsPerClientPerMonth = Math.max(0, opts.visitsPerClientPerMonth ?? 11);
  const win = demoWindow({ today: opts.today, endMonth: opts.endMonth, months });

  const rng = new Rng(opts.seed ?? 1);
  const reg: Registry = { names: new Set(), ids: new Set() };
  // 120 beds for the default 40 residents (a home still filling up); more when asked for more.
  const beds = Math.max(120, Math.ceil((institutional * 1.2) / 30) * 30);

  const built = buildResidents(rng.fork('residents'), win, institutional, home, bedLabels(rng.fork('beds'), beds), reg);
  // Keys in admission order, as a system in use for years numbers its records.
  const residents = built
    .map((b, i) => ({ b, i }))
    .sort((x, y) => (x.b.admit < y.b.admit ? -1 : x.b.admit > y.b.admit ? 1 : x.i - y.i))
    .map((x) => x.b);
  residents.forEach((b, i) => (b.resident.ref = formatRef('resident', i + 1)));
  numberAssessments(
    rng.fork('assessment-numbers'),
    residents.map((b) => b.resident),
  );

  const load: StaffLoad = {
    homeVisitsPerDay: (home * visitsPerClientPerMonth) / 30.44,
    nurseVisitsPerDay: (home * NURSE_SHARE) / 7,
    institutional,
  };
  const team = buildStaff(rng.fork('staff'), win, opts.staff === undefined ? staffNeeded(load) : Math.max(1, Math.trunc(opts.staff)), load, reg);
  team.forEach((t, i) => (t.staff.ref = formatRef('staff', i + 1)));
  const carers = team.filter((t) => t.visits === 'care').map((t) => t.staff.ref);
  const nurses = team.filter((t) => t.visits === 'nurse').map((t) => t.staff.ref);
  const licensed = new Set(team.filter((t) => t.staff.certificates.some((c) => c.type === 'nurse-licence')).map((t) => t.staff.ref));

  const clients = residents.filter((b) => b.mode === 'home').map(homeClient);
  const visits = scheduleVisits(rng.fork('visits'), clients, carers, nurses, {
    first: win.first,
    last: win.last,
    visitsPerClientPerMonth,
    nurseShare: NURSE_SHARE,
  });
  const focus = { from: firstVisitOn(visits, monthStart(win.focus)), to: firstVisitOn(visits, addDays(win.focusLast, 1)) };
  injectProblems(rng.fork('problems'), visits, focus, licensed, Math.max(1, Math.round(home / 50)));
  // The program's own style (shared/domain/refs.ts): the demo looks like records made in the app.
  visits.forEach((v, i) => (v.ref = formatRef('visit', i + 1)));

  return {
    format: 'ltc-dataset',
    version: 1,
    institution: demoInstitution(beds),
    residents: residents.map((b) => b.resident),
    staff: team.map((t): Staff => t.staff),
    visits,
  };
}

/** The bed register of a demo dataset: its home's whole bed plan, which the admissions took beds from. */
export function demoBeds(dataset: Dataset): DemoBed[] {
  return bedPlan(dataset.institution.beds ?? 0);
}

function demoInstitution(beds: number): Institution {
  return {
    name: '宁波市海曙区康宁护理院',
    uscc: institutionUscc(),
    // 定点机构编码 as the Ningbo agency issues them: H + region 330203 + a 5-digit serial.
    agencyCode: 'H33020300017',
    region: '330203',
    policy: 'ningbo-2022',
    beds,
    prices: { dailyFeeFen: { '3': 8000, '4': 9000, '5': 10000 }, hourlyFeeFen: 6000 },
  };
}

function homeClient(b: BuiltResident): HomeClient {
  return {
    ref: b.resident.ref,
    level: b.level,
    from: dayNumber(b.admit),
    to: b.end ? dayNumber(b.end) : Number.POSITIVE_INFINITY,
    hospital: b.hospital.map(([h, r]) => [dayNumber(h), dayNumber(r)] as const),
    home: b.home ?? { lat: 29.87, lng: 121.55 },
  };
}

/** Index of the first visit on or after a date; visits are in day order, so a binary search. */
function firstVisitOn(visits: readonly Visit[], date: string): number {
  let lo = 0;
  let hi = visits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((visits[mid] as Visit).start.slice(0, 10) < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
