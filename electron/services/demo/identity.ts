/**
 * Identifiers and contact details for the demo's people and institution: ID numbers that pass
 * GB 11643 with Ningbo region prefixes, phone numbers, addresses and home coordinates in the city.
 */
import { addDays, dayNumber, fromDayNumber } from '../../../shared/domain/dates';
import { idNumberCheckChar, usccCheckChar } from '../../../shared/domain/ids';
import type { GeoPoint, LocalDate } from '../../../shared/domain/model';
import type { Sex } from './names';
import { Weighted, type Rng } from './prng';

/**
 * Region prefixes of Ningbo ID numbers. A number keeps the code of the place that first issued it,
 * so the elderly still carry codes of districts since merged away: 330204 江东区 (into 鄞州, 2016),
 * 330227 鄞县 (became 鄞州区 330212 in 2002), 330283 奉化市 (became 奉化区 330213 in 2016).
 */
const ELDER_REGIONS = new Weighted<string>([
  ['330203', 30],
  ['330204', 15],
  ['330205', 12],
  ['330227', 6],
  ['330211', 6],
  ['330206', 4],
  ['330281', 5],
  ['330282', 5],
  ['330283', 4],
  ['330226', 3],
  ['330225', 3],
]);
const STAFF_REGIONS = new Weighted<string>([
  ['330203', 20],
  ['330212', 15],
  ['330204', 8],
  ['330205', 10],
  ['330206', 6],
  ['330211', 6],
  ['330281', 8],
  ['330282', 8],
  ['330283', 6],
  ['330226', 6],
  ['330225', 6],
]);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * A birth date between two years. `peaked` averages two draws, so the elderly cluster in the middle
 * of the range (people in long-term care are mostly 75–90, few are 95 or 66).
 */
export function birthDate(rng: Rng, fromYear: number, toYear: number, peaked: boolean): LocalDate {
  const lo = dayNumber(`${fromYear}-01-01`);
  const hi = dayNumber(`${toYear}-12-31`);
  const u = peaked ? (rng.float() + rng.float()) / 2 : rng.float();
  return fromDayNumber(lo + Math.floor(u * (hi - lo + 1)));
}

/**
 * 公民身份号码: region + birth date + a 3-digit sequence whose last digit is odd for men and even
 * for women + the MOD 11-2 check character. `used` keeps numbers unique, since import matches
 * people by ID number and two people with one number would merge.
 */
export function makeIdNumber(rng: Rng, birth: LocalDate, sex: Sex, generation: 'elder' | 'staff', used: Set<string>): string {
  const region = (generation === 'elder' ? ELDER_REGIONS : STAFF_REGIONS).pick(rng);
  const born = birth.replaceAll('-', '');
  for (;;) {
    const sexDigit = 2 * rng.int(0, 4) + (sex === 'male' ? 1 : 0);
    const first17 = `${region}${born}${pad(rng.int(0, 99), 2)}${sexDigit}`;
    const id = first17 + idNumberCheckChar(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

const MOBILE_PREFIXES = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '153', '157', '158', '159', '180', '186', '187', '188', '189'];

export function mobileNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
}

/** Roads by district, weighted to 海曙区 where the institution is; home clients live nearby. */
const ROADS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    '海曙区',
    ['中山西路', '解放南路', '镇明路', '孝闻街', '柳汀街', '西北街', '望春路', '气象路', '环城西路', '联丰路', '段塘西路', '苍松路', '南苑街', '长春路'],
  ],
  ['海曙区', ['开明街', '蓝天路', '徐家漕路', '丽园南路', '翠柏路', '集士港镇万众路']],
  ['鄞州区', ['天童南路', '四明中路', '钱湖北路', '嵩江中路', '百丈东路', '中兴路']],
  ['江北区', ['人民路', '大庆南路', '洪塘中路', '范江岸路', '湖西路']],
];

export function homeAddress(rng: Rng): string {
  const [district, roads] = rng.pick(ROADS);
  const building = rng.int(1, 40);
  const room = `${rng.int(1, 7)}0${rng.int(1, 4)}`;
  return `宁波市${district}${rng.pick(roads)}${rng.int(1, 600)}弄${building}号${room}室`;
}

/** Around the centre of Ningbo (29.87 N, 121.55 E), within about 5 km: a home-care service area. */
export function homeLocation(rng: Rng): GeoPoint {
  return { lat: round6(29.87 + (rng.float() - 0.5) * 0.08), lng: round6(121.55 + (rng.float() - 0.5) * 0.1) };
}

/** A phone's GPS fix a few tens of metres from the door, as check-ins really are. */
export function nearby(rng: Rng, p: GeoPoint): GeoPoint {
  return { lat: round6(p.lat + (rng.float() - 0.5) * 0.0006), lng: round6(p.lng + (rng.float() - 0.5) * 0.0007) };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A random date in [from, to] (both included). */
export function dateBetween(rng: Rng, from: LocalDate, to: LocalDate): LocalDate {
  const lo = dayNumber(from);
  const hi = dayNumber(to);
  return hi <= lo ? from : fromDayNumber(rng.int(lo, hi));
}

export function daysBefore(date: LocalDate, days: number): LocalDate {
  return addDays(date, -days);
}

/** GB 11714 organisation code check character (the 9th character of the code). */
function orgCodeCheckChar(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i] ?? '0';
    const v = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * (weights[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * The demo institution's 统一社会信用代码: a private non-enterprise unit registered with civil
 * affairs (登记管理部门 5, 类别 2: 民办非企业单位, as most 护理院 are) in 海曙区 330203, with an
 * organisation code of the MJ series. Both check characters are computed, so the code passes
 * GB 32100 and the UI shows no warning on the first screen a new user sees.
 */
export function institutionUscc(): string {
  const org8 = 'MJ603172';
  const first17 = `52330203${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}
