/**
 * Visit validity (docs/rules.md §7). A visit counts only if every rule holds; otherwise it is
 * excluded and each broken rule becomes an issue on that visit. Every rule is checked (not only the
 * first that fails), so the administrator sees all there is to fix at once.
 *
 * The rules are written once, over a row of a visit table (judgeRow, visitTable.ts): the claim
 * judges its month's table row by row, and the visits screen one visit as a table of one row
 * (judgeVisit), so both decide the same way.
 */
import { dateOf } from '../domain/dates';
import type { Certificate, CertificateType, Level, LocalDate, Staff, Visit } from '../domain/model';
import type { CatalogueItem } from '../policy/catalogue';
import type { PolicyPack } from '../policy/pack';
import { assessmentOn } from './assessments';
import { certificateValidOn } from './certificates';
import { makeIssue } from './issue';
import { messages } from './messages';
import type { ResidentFacts } from './residentFacts';
import { certificateDays, certifiedOn, periodOn, residentDays, residentDaysRoom, segmentOn, type CertificateDays, type ResidentDays } from './dayNumbers';
import { statusOn } from './stayTimeline';
import { groupIndices, sortRun } from './visitOrder';
import type { ClaimIssue } from './types';
import { numbering, tableOf, timeColumns, timesOf, type VisitTable } from './visitTable';

export interface VisitVerdict {
  visit: Visit;
  date: LocalDate;
  minutes: number;
  /** level of the assessment in force that day, if any */
  level: Level | null;
  /** every broken rule; most visits have none, and then share one frozen empty array */
  issues: readonly ClaimIssue[];
  /** no error and confirmed: the visit may be paid */
  valid: boolean;
}

export interface VisitRules {
  pack: PolicyPack;
  items: ReadonlyMap<string, CatalogueItem>;
  residents: ReadonlyMap<string, ResidentFacts>;
  staff: ReadonlyMap<string, Staff>;
}

/** Shortest valid length: the pack's minimum, or longer where an item of the visit asks for more. */
export function minimumMinutes(visit: Visit, rules: Pick<VisitRules, 'pack' | 'items'>): number {
  return itemDemand(visit.items, rules).minMinutes;
}

/** What a visit's items ask of it: the longest minimum length any asks for, and whether any is medical. */
export interface ItemDemand {
  minMinutes: number;
  medical: boolean;
}

export function itemDemand(items: readonly string[], rules: Pick<VisitRules, 'pack' | 'items'>): ItemDemand {
  let min = rules.pack.minVisitMinutes;
  let medical = false;
  for (let k = 0; k < items.length; k++) {
    const item = rules.items.get(items[k] as string);
    if (!item) continue;
    if (item.minMinutes !== undefined && item.minMinutes > min) min = item.minMinutes;
    if (item.class === 'medical') medical = true;
  }
  return { minMinutes: min, medical };
}

const NO_ISSUES: readonly ClaimIssue[] = Object.freeze([]);

/** What the overlap sweep reads of a table: refs, each visit's caregiver as a number, and its times. */
export type Shifts = Pick<VisitTable, 'length' | 'ref' | 'caregiver' | 'caregivers' | 'startMinute' | 'endMinute'>;

/** Refs of visits that overlap another visit of the same caregiver (touching end to start is fine). */
export function overlappingVisits(visits: readonly Pick<Visit, 'ref' | 'staff' | 'start' | 'end'>[]): Map<string, string[]> {
  const caregivers = numbering();
  const caregiver = new Int32Array(visits.length);
  const times = timeColumns(visits.length);
  visits.forEach((v, i) => {
    caregiver[i] = caregivers.of(v.staff);
    timesOf(v.start, v.end, i, times);
  });
  const shifts: Shifts = { length: visits.length, ref: visits.map((v) => v.ref), caregiver, caregivers: caregivers.keys, ...times };
  return overlapsIn(shifts, new Uint8Array(visits.length));
}

/**
 * overlappingVisits over a table; sets flags[i] to 1 for every visit that overlaps another. Each
 * caregiver's visits are taken in input order, sorted by start, end, input order, and swept. Each
 * step is a function of its own: this runs once per claim, and V8 optimizes small functions that
 * loop far sooner than one long one (whose later loops had no type feedback yet and deoptimized
 * it, `npm run bench`).
 */
export function overlapsIn(shifts: Shifts, flags: Uint8Array): Map<string, string[]> {
  const count = shifts.caregivers.length;
  const { order, offsets } = groupIndices(shifts.caregiver, count);
  const out = new Map<string, string[]>();
  const active = new Int32Array(shifts.length);
  const byTime = timeOrder(shifts);
  for (let g = 0; g < count; g++) {
    const from = offsets[g] as number;
    const to = offsets[g + 1] as number;
    if (!inTimeOrder(order, from, to, shifts)) sortRun(order, from, to, byTime);
    sweep(order, from, to, shifts, out, flags, active);
  }
  return out;
}

/**
 * Whether order[from, to) is already in timeOrder, as a caregiver's visits usually are (entered in
 * time order): checked on the columns directly, not by calling the comparison for every pair.
 */
function inTimeOrder(order: Int32Array, from: number, to: number, { startMinute: s, endMinute: e }: Shifts): boolean {
  for (let k = from + 1; k < to; k++) {
    const a = order[k - 1] as number;
    const b = order[k] as number;
    const sa = s[a] as number;
    const sb = s[b] as number;
    // NaN compares false either way: then the comparison decides
    if (sa < sb) continue;
    if (sa === sb && ((e[a] as number) < (e[b] as number) || ((e[a] as number) === (e[b] as number) && a < b))) continue;
    return false;
  }
  return true;
}

function timeOrder({ startMinute: s, endMinute: e }: Shifts): (a: number, b: number) => number {
  return (a, b) => (s[a] as number) - (s[b] as number) || (e[a] as number) - (e[b] as number) || a - b;
}

function link(out: Map<string, string[]>, a: string, b: string): void {
  const list = out.get(a);
  if (list) list.push(b);
  else out.set(a, [b]);
}

/**
 * One caregiver's visits order[from, to), in time order: `active` holds the earlier visits still
 * running when the next one starts, in the order they started. (A typed array with a count, not a
 * shrinking array: setting an array's length reallocated it on every visit.)
 */
function sweep(
  order: Int32Array,
  from: number,
  to: number,
  { startMinute: s, endMinute: e, ref: refs }: Shifts,
  out: Map<string, string[]>,
  flags: Uint8Array,
  active: Int32Array,
): void {
  let running = 0;
  for (let c = from; c < to; c++) {
    const cur = order[c] as number;
    const cs = s[cur] as number;
    const ce = e[cur] as number;
    let kept = 0;
    for (let k = 0; k < running; k++) {
      const x = active[k] as number;
      if ((e[x] as number) > cs) active[kept++] = x;
    }
    running = kept;
    for (let k = 0; k < kept; k++) {
      const x = active[k] as number;
      if (cs < (e[x] as number) && (s[x] as number) < ce) {
        const a = refs[cur] as string;
        const b = refs[x] as string;
        link(out, a, b);
        link(out, b, a);
        flags[cur] = flags[x] = 1;
      }
    }
    active[running++] = cur;
  }
}

/**
 * What judging a table's rows needs, made once per table (per claim, or per visit on the visits
 * screen): the table and its overlaps, what each item list asks (by list number) and each
 * caregiver (by caregiver number) with the certificates as day numbers (null: one is not a valid
 * date, compare the strings).
 */
export interface RowRules {
  rules: VisitRules;
  table: VisitTable;
  /** 1 where the visit overlaps another (then `overlaps` holds the others' refs) */
  overlapping: Uint8Array;
  overlaps: ReadonlyMap<string, readonly string[]>;
  demand: readonly ItemDemand[];
  staff: readonly (Staff | undefined)[];
  certificates: readonly (CertificateDays | null)[];
  /** what each caregiver's certificates allow on each day of the table, as found (certificatesOn) */
  held: CertificatesHeld;
}

/**
 * Whether caregiver c holds a valid certificate and a valid nurse's licence on a day, remembered by
 * caregiver and day (bits, 0 until asked): a claim asks it twice for each of ~100,000 visits, about
 * ~30,000 pairs, and looping over the certificates each time was a good part of judging a visit.
 */
interface CertificatesHeld {
  bits: Uint8Array;
  /** the table's first valid day, and how many days from it */
  firstDay: number;
  days: number;
}

const KNOWN = 1;
const CERTIFIED = 2;
const NURSE = 4;

function certificatesHeld(table: VisitTable): CertificatesHeld {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < table.length; i++) {
    const d = table.day[i] as number;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const days = last >= first ? last - first + 1 : 0;
  return { bits: new Uint8Array(table.caregivers.length * days), firstDay: first, days };
}

/** CERTIFIED and NURSE bits of caregiver c on a valid day, or −1 when they are not kept by day (compare the strings: certifiedFor). */
function certificatesOn(on: RowRules, c: number, day: number): number {
  const { held } = on;
  const k = day - held.firstDay;
  const certDays = on.certificates[c] ?? null;
  if (certDays === null || !(k >= 0 && k < held.days)) return -1;
  const at = c * held.days + k;
  let bits = held.bits[at] as number;
  if (bits === 0) {
    bits = KNOWN | (certifiedOn(certDays, day) ? CERTIFIED : 0) | (certifiedOn(certDays, day, 'nurse-licence') ? NURSE : 0);
    held.bits[at] = bits;
  }
  return bits;
}

export function rowRules(rules: VisitRules, table: VisitTable, overlapping: Uint8Array, overlaps: ReadonlyMap<string, readonly string[]>): RowRules {
  const staff = table.caregivers.map((ref) => rules.staff.get(ref));
  return {
    rules,
    table,
    overlapping,
    overlaps,
    demand: table.itemLists.map((items) => itemDemand(items, rules)),
    staff,
    certificates: staff.map((s) => certificateDays(s?.certificates ?? [])),
    held: certificatesHeld(table),
  };
}

/** What judging decides about each row, by row: written by judgeRow. */
export interface RowVerdicts {
  /** 1: no error and confirmed, the visit may be paid */
  valid: Uint8Array;
  /** level of the assessment in force that day; −1: none */
  level: Int8Array;
  minutes: Float64Array;
}

export function rowVerdicts(length: number): RowVerdicts {
  return { valid: new Uint8Array(length), level: new Int8Array(length), minutes: new Float64Array(length) };
}

/** One visit judged on its own (the visits screen): as a row of a one-row table. */
export function judgeVisit(visit: Visit, rules: VisitRules, overlaps: ReadonlyMap<string, string[]>): VisitVerdict {
  const table = tableOf([visit]);
  const on = rowRules(rules, table, Uint8Array.of(1), overlaps);
  const date = dateOf(visit.start);
  const facts = rules.residents.get(visit.resident);
  const out = rowVerdicts(1);
  const issues: ClaimIssue[] = [];
  judgeRow(on, 0, date, table.day[0] as number, facts, facts ? residentDays(facts) : null, out, issues);
  const level = out.level[0] as number;
  return {
    visit,
    date,
    minutes: out.minutes[0] as number,
    level: level < 0 ? null : (level as Level),
    issues: issues.length ? issues : NO_ISSUES,
    valid: out.valid[0] === 1,
  };
}

type About = Omit<ClaimIssue, 'code' | 'severity' | 'message'>;

function aboutRow(table: VisitTable, i: number, facts: ResidentFacts | undefined, date: LocalDate): About {
  return {
    idNumber: facts?.resident.idNumber,
    resident: table.clients[table.client[i] as number],
    staff: table.caregivers[table.caregiver[i] as number],
    visit: table.ref[i],
    date,
  };
}

/** True when one of the certificates (of the type, if given) is valid on the date (certificates.ts). */
function certified(certs: readonly Certificate[], date: LocalDate, type?: CertificateType): boolean {
  for (const c of certs) if ((!type || c.type === type) && certificateValidOn(c, date)) return true;
  return false;
}

/** certified, by day number when the certificates' dates are known as such and the day is valid. */
function certifiedFor(certDays: CertificateDays | null, day: number, certs: readonly Certificate[], date: LocalDate, type?: CertificateType): boolean {
  return certDays && day === day ? certifiedOn(certDays, day, type) : certified(certs, date, type);
}

/**
 * The medical items of a list, as `code name`. A function of its own, not closures in judgeRow: closures
 * there that read its `rules` made V8 allocate a context for `rules` on every one of its ~100,000 calls a
 * claim (~3 MB of the claim's ~41 MB of garbage), though only the few visits lacking a nurse reach them.
 */
function medicalItemNames(items: readonly string[], catalogue: VisitRules['items']): string[] {
  return items.filter((code) => catalogue.get(code)?.class === 'medical').map((code) => `${code} ${catalogue.get(code)?.name ?? ''}`.trim());
}

/**
 * Judges row i of on.table (docs/rules.md §7): writes its verdict into `out` at i and appends every rule
 * it breaks to `issues`. `date` is the date of its start and `day` that date's day number (NaN when
 * it is not a valid date: then every date rule compares strings); `facts` the client's, and `byDay`
 * the client's dates as day numbers (null: compare strings).
 */
export function judgeRow(
  on: RowRules,
  i: number,
  date: LocalDate,
  day: number,
  facts: ResidentFacts | undefined,
  byDay: ResidentDays | null,
  out: RowVerdicts,
  issues: ClaimIssue[],
): void {
  const { table, rules } = on;
  const ref = table.ref[i] as string;
  const minutes = Math.max(0, (table.endMinute[i] as number) - (table.startMinute[i] as number));
  const confirmed = table.confirmed[i] === 1;
  const first = issues.length;
  const name = facts?.resident.name ?? (table.clients[table.client[i] as number] as string);
  // Most visits have no issue: what an issue is about is built on the first one only, inline (a
  // closure would cost an allocation per visit).
  let about: About | null = null;
  let level = -1;
  const numbers = day === day ? byDay : null;

  if (facts) {
    const { timeline } = facts;
    const seg = numbers ? (timeline.segments[segmentOn(numbers, day)] ?? null) : statusOn(timeline, date);
    if (timeline.deathOn !== null && (numbers ? day > numbers.deathDay : date > timeline.deathOn)) {
      issues.push(makeIssue('AFTER_DEATH', messages.afterDeathVisit(name, ref, date, timeline.deathOn), (about ??= aboutRow(table, i, facts, date))));
    } else if (!seg) {
      const why = timeline.deathOn === date ? '当日死亡' : '当日不在入住至出院前一日之间';
      issues.push(makeIssue('NO_SERVICE_PERIOD', messages.noServicePeriod(name, ref, date, why), (about ??= aboutRow(table, i, facts, date))));
    } else if (seg.mode === 'institutional') {
      issues.push(makeIssue('MODE_CONFLICT', messages.modeConflict(name, ref, date), (about ??= aboutRow(table, i, facts, date))));
    } else if (seg.status === 'hospital') {
      issues.push(makeIssue('VISIT_IN_HOSPITAL', messages.visitInHospital(name, ref, date), (about ??= aboutRow(table, i, facts, date))));
    } else if (seg.status === 'leave') {
      // Silent in the policy texts; a visit logged while the client is recorded away is not payable.
      issues.push(makeIssue('NO_SERVICE_PERIOD', messages.noServicePeriod(name, ref, date, '当日请假外出'), (about ??= aboutRow(table, i, facts, date))));
    }
    const held = numbers ? (facts.periods[periodOn(numbers, day)] ?? null) : assessmentOn(facts.periods, date);
    if (!held) {
      issues.push(makeIssue('NO_ASSESSMENT', messages.noAssessmentVisit(name, ref, date), (about ??= aboutRow(table, i, facts, date))));
    } else {
      level = held.level;
      if (!rules.pack.eligibleLevels.includes(held.level)) {
        issues.push(
          makeIssue(
            'LEVEL_NOT_ELIGIBLE',
            messages.levelNotEligibleVisit(name, held.level, rules.pack.eligibleLevels, ref),
            (about ??= aboutRow(table, i, facts, date)),
          ),
        );
      }
    }
  }

  const c = table.caregiver[i] as number;
  const staff = on.staff[c];
  const staffName = staff?.name ?? (table.caregivers[c] as string);
  const certs = staff?.certificates ?? [];
  const certDays = on.certificates[c] ?? null;
  const demand = on.demand[table.items[i] as number] as ItemDemand;
  const certBits = day === day ? certificatesOn(on, c, day) : -1;
  if (!(certBits >= 0 ? (certBits & CERTIFIED) !== 0 : certifiedFor(certDays, day, certs, date))) {
    issues.push(makeIssue('CERT_INVALID', messages.certInvalid(staffName, ref, date), (about ??= aboutRow(table, i, facts, date))));
  }
  const min = demand.minMinutes;
  if (demand.medical && !(certBits >= 0 ? (certBits & NURSE) !== 0 : certifiedFor(certDays, day, certs, date, 'nurse-licence'))) {
    const names = medicalItemNames(table.itemLists[table.items[i] as number] as readonly string[], rules.items);
    issues.push(makeIssue('NURSE_REQUIRED', messages.nurseRequired(staffName, ref, names), (about ??= aboutRow(table, i, facts, date))));
  }

  if (minutes < min || minutes === 0) {
    issues.push(makeIssue('VISIT_TOO_SHORT', messages.visitTooShort(ref, minutes, min), (about ??= aboutRow(table, i, facts, date))));
  }
  const others = on.overlapping[i] ? on.overlaps.get(ref) : undefined;
  if (others) issues.push(makeIssue('VISIT_OVERLAP', messages.visitOverlap(staffName, ref, others), (about ??= aboutRow(table, i, facts, date))));
  if (!confirmed) issues.push(makeIssue('VISIT_UNCONFIRMED', messages.visitUnconfirmed(name, ref, date), about ?? aboutRow(table, i, facts, date)));

  let valid = confirmed;
  for (let k = first; k < issues.length; k++) if ((issues[k] as ClaimIssue).severity === 'error') valid = false;
  out.valid[i] = valid ? 1 : 0;
  out.level[i] = level;
  out.minutes[i] = minutes;
}

/**
 * judgeRow on every row of on.table (a client's on file, dated in the window): each row's issues, if any,
 * by row. Here beside judgeRow, so that its ~100,000 calls a claim stay within the module (in the bench's
 * vitest a call into another module goes through that module's export getter, `npm run bench`).
 */
export function judgeAll(on: RowRules, dates: readonly string[], verdicts: RowVerdicts): (ClaimIssue[] | undefined)[] {
  const { table, rules } = on;
  const facts = table.clients.map((ref) => rules.residents.get(ref));
  const issuesOf: (ClaimIssue[] | undefined)[] = new Array(table.length);
  let sink: ClaimIssue[] = [];
  let client = -1;
  let byDay: ResidentDays | null = null;
  // one client's day numbers at a time, written over the last client's (a longer one's kept for the next)
  let room = residentDaysRoom(8, 8);
  for (let i = 0; i < table.length; i++) {
    const c = table.client[i] as number;
    const f = facts[c];
    // the client's dates as day numbers, made at the client's first row (the rows are by client)
    if (c !== client) {
      client = c;
      byDay = f ? residentDays(f, room) : null;
      if (byDay !== null) room = byDay;
    }
    judgeRow(on, i, dates[i] as string, table.day[i] as number, f, byDay, verdicts, sink);
    if (sink.length > 0) {
      issuesOf[i] = sink;
      sink = [];
    }
  }
  return issuesOf;
}
