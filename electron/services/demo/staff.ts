/**
 * The demo's staff: a manager, a settlement clerk, a head nurse, nurses with 5-year licences (one
 * due for renewal, so the reminders have something to say), caregivers with 长期照护师 or 养老护理员
 * certificates, and one new caregiver still without a certificate (kept off home visits, as a head
 * nurse would, so the staff screen shows the gap without the claim refusing visits for it).
 */
import { addDays, addMonths, daysBetween } from '../../../shared/domain/dates';
import type { Certificate, LocalDate, Staff, StaffRole } from '../../../shared/domain/model';
import { birthDate, dateBetween, makeIdNumber } from './identity';
import { makeName, type Sex } from './names';
import { Weighted, type Rng } from './prng';
import type { Registry } from './residents';
import type { DemoWindow } from './window';

/** The work the staff must cover, per day, to size the team when no head count is given. */
export interface StaffLoad {
  homeVisitsPerDay: number;
  nurseVisitsPerDay: number;
  institutional: number;
}

export interface BuiltStaff {
  staff: Staff;
  /** which home visits this person makes: daily-life care, nursing, or none */
  visits: 'care' | 'nurse' | null;
}

/** A caregiver manages about four home visits a day with travel; a floor caregiver, five residents. */
const HOME_VISITS_PER_CAREGIVER = 4;
const RESIDENTS_PER_CAREGIVER = 5;

/** The head count that covers a load: at least 25, the size of a 100-bed home. */
export function staffNeeded(load: StaffLoad): number {
  const care = Math.ceil(load.homeVisitsPerDay / HOME_VISITS_PER_CAREGIVER) + Math.ceil(load.institutional / RESIDENTS_PER_CAREGIVER) + 1;
  const nurses = Math.ceil(load.nurseVisitsPerDay / 4) + Math.ceil(load.institutional / 30);
  return Math.max(25, care + nurses + 3);
}

const ELDERLY_CAREGIVER_LEVELS = new Weighted<string>([
  ['五级/初级工', 45],
  ['四级/中级工', 40],
  ['三级/高级工', 15],
]);
const LTC_CAREGIVER_LEVELS = new Weighted<string>([
  ['初级', 60],
  ['中级', 35],
  ['高级', 5],
]);
/** 长期照护师 became an occupation in Feb 2024; the first certificates followed some months later. */
const LTC_CAREGIVER_FIRST_ISSUE = '2024-06-01';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function buildStaff(rng: Rng, win: DemoWindow, total: number, load: StaffLoad, reg: Registry): BuiltStaff[] {
  const fixed: StaffRole[] = total >= 10 ? ['manager', 'admin', 'head-nurse'] : total >= 5 ? ['head-nurse'] : [];
  const rest = total - fixed.length;
  const careNeed = load.homeVisitsPerDay / HOME_VISITS_PER_CAREGIVER + load.institutional / RESIDENTS_PER_CAREGIVER + 1;
  const nurseNeed = load.nurseVisitsPerDay / 4 + load.institutional / 30;
  const nurseShare = Math.max(0.18, nurseNeed / (nurseNeed + careNeed));
  const nurses = rest < 2 ? rest : Math.min(rest - 1, Math.max(1, Math.round(rest * nurseShare)));
  const caregivers = rest - nurses;
  const uncertified = caregivers >= 3 ? 1 : 0;
  const certified = caregivers - uncertified;
  const homeNeed = load.homeVisitsPerDay / HOME_VISITS_PER_CAREGIVER;
  const floorNeed = load.institutional / RESIDENTS_PER_CAREGIVER;
  const homeCarers = homeNeed === 0 ? 0 : Math.min(certified, Math.max(1, Math.round((certified * homeNeed) / (homeNeed + floorNeed))));
  const expiringNurse = nurses > 0 ? rng.int(0, nurses - 1) : -1;

  const out: BuiltStaff[] = [];
  for (const role of fixed) out.push(person(rng, win, role, reg, false));
  for (let i = 0; i < nurses; i++) {
    const b = person(rng, win, 'nurse', reg, i === expiringNurse);
    out.push({ ...b, visits: load.nurseVisitsPerDay > 0 ? 'nurse' : null });
  }
  for (let i = 0; i < certified; i++) {
    const b = person(rng, win, 'caregiver', reg, false);
    out.push({ ...b, visits: i < homeCarers ? 'care' : null });
  }
  if (uncertified) out.push(newcomer(rng, win, reg));
  // Records are keyed in hiring order, as a system that has been in use for years would have them.
  return out.sort((a, b) => ((a.staff.employedFrom ?? '') < (b.staff.employedFrom ?? '') ? -1 : 1));
}

interface RoleProfile {
  female: number;
  born: readonly [number, number];
  /** days before the window the person was hired, from–to */
  hired: readonly [number, number];
}

const PROFILES: Record<StaffRole, RoleProfile> = {
  manager: { female: 0.5, born: [1970, 1982], hired: [2500, 4000] },
  admin: { female: 0.7, born: [1985, 1998], hired: [300, 2500] },
  'head-nurse': { female: 0.97, born: [1975, 1988], hired: [1500, 3500] },
  nurse: { female: 0.95, born: [1985, 2000], hired: [60, 2500] },
  caregiver: { female: 0.88, born: [1970, 1992], hired: [30, 2500] },
  other: { female: 0.5, born: [1975, 1995], hired: [100, 2000] },
};

function person(rng: Rng, win: DemoWindow, role: StaffRole, reg: Registry, licenceExpiring: boolean): BuiltStaff {
  const p = PROFILES[role];
  const sex: Sex = rng.chance(p.female) ? 'female' : 'male';
  // Nobody younger than 24 at the end of the demo, whatever month it ends in.
  const latestBirthYear = Math.min(p.born[1], Number(win.endMonth.slice(0, 4)) - 24);
  const birth = birthDate(rng, Math.min(p.born[0], latestBirthYear), latestBirthYear, false);
  const name = makeName(rng, sex, 'staff', reg.names);
  const idNumber = makeIdNumber(rng, birth, sex, 'staff', reg.ids);
  const adult = addMonths(birth, 20 * 12);
  const hired = addDays(win.first, -rng.int(p.hired[0], p.hired[1]));
  const employedFrom = hired > adult ? hired : adult;

  const certificates: Certificate[] = [];
  if (role === 'nurse' || role === 'head-nurse') certificates.push(nurseLicence(rng, win, birth, employedFrom, licenceExpiring));
  if (role === 'caregiver') certificates.push(...caregiverCertificates(rng, win, birth));
  return { staff: { ref: '', name, idNumber, role, employedFrom, certificates }, visits: null };
}

/**
 * 护士执业证书: valid 5 years from its (re)registration. The number is that of the first
 * registration (year + province 33 + serial) and survives renewals. Licences end at least 60 days
 * after the demo, so no reminder fires, except the one meant to: 3–28 days after the last month.
 */
function nurseLicence(rng: Rng, win: DemoWindow, birth: LocalDate, employedFrom: LocalDate, expiring: boolean): Certificate {
  let issuedOn: LocalDate;
  let expiresOn: LocalDate;
  if (expiring) {
    expiresOn = addDays(win.last, rng.int(3, 28));
    issuedOn = addMonths(addDays(expiresOn, 1), -60);
  } else {
    issuedOn = dateBetween(rng, addDays(addMonths(win.last, -60), 61), addDays(win.first, -30));
    expiresOn = addDays(addMonths(issuedOn, 60), -1);
  }
  const firstYear = Math.max(Number(birth.slice(0, 4)) + 21, Math.min(Number(issuedOn.slice(0, 4)), Number(employedFrom.slice(0, 4))) - rng.int(0, 6));
  return { type: 'nurse-licence', number: `${firstYear}33${pad(rng.int(0, 999_999), 6)}`, issuedOn, expiresOn };
}

/** Half hold a 养老护理员 certificate, about a third a 长期照护师 one, some both; none expires. */
function caregiverCertificates(rng: Rng, win: DemoWindow, birth: LocalDate): Certificate[] {
  const latest = addDays(win.first, -30);
  const adult = addMonths(birth, 22 * 12);
  const twelveYears = addMonths(win.first, -144);
  const elderlyFrom = adult > twelveYears ? adult : twelveYears;
  const ltcPossible = LTC_CAREGIVER_FIRST_ISSUE <= latest;
  const r = rng.float();
  const wantsLtc = ltcPossible && r >= 0.5;
  const wantsElderly = !wantsLtc || r >= 0.8;
  const out: Certificate[] = [];
  if (wantsElderly) {
    const issuedOn = daysBetween(elderlyFrom, latest) > 0 ? dateBetween(rng, elderlyFrom, latest) : latest;
    out.push({
      type: 'elderly-caregiver',
      number: `YL${issuedOn.slice(0, 4)}-${pad(rng.int(1, 99_999), 6)}`,
      level: ELDERLY_CAREGIVER_LEVELS.pick(rng),
      issuedOn,
    });
  }
  if (wantsLtc) {
    const issuedOn = dateBetween(rng, LTC_CAREGIVER_FIRST_ISSUE, latest);
    out.push({ type: 'ltc-caregiver', number: `CZ${issuedOn.slice(0, 4)}-${pad(rng.int(1, 9_999), 6)}`, level: LTC_CAREGIVER_LEVELS.pick(rng), issuedOn });
  }
  return out;
}

/** Hired in the last weeks of the demo, certificate exam still ahead: no certificate yet. */
function newcomer(rng: Rng, win: DemoWindow, reg: Registry): BuiltStaff {
  const b = person(rng, win, 'caregiver', reg, false);
  const from = addDays(win.last, -25) > win.first ? addDays(win.last, -25) : win.first;
  b.staff.employedFrom = dateBetween(rng, from, addDays(win.last, -7));
  b.staff.certificates = [];
  return b;
}
