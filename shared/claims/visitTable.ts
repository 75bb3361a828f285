/**
 * A month's visits as columns: row i is one visit. The claim judges ~100,000 visits a month; made
 * as one object per visit, and one verdict object per visit after it, the objects and the lookups
 * by ref they needed cost more than the rules themselves (`npm run bench`). As columns, a visit's
 * client, caregiver and item list are numbers into short lists, and what the claim decides about
 * it is written into typed arrays (computeClaim, visitChecks).
 *
 * The database reader builds a table straight from its rows (electron/services/dataset/claimRows.ts);
 * `tableOf` builds the same from plain `Visit`s (a dataset file, tests, one visit on the visits screen).
 */
import { dateOf, dayNumber, minuteNumber, validDayNumber } from '../domain/dates';
import type { Visit } from '../domain/model';

export interface VisitTable {
  readonly length: number;
  readonly ref: readonly string[];
  /** no two rows share a ref (the database's UNIQUE; checked for plain visits) */
  readonly refsUnique: boolean;
  /**
   * Row i's start and end, `YYYY-MM-DDTHH:mm` as stored. Functions, not columns: the claim reads
   * them as numbers (below) and needs the text only of a time that is not regular, so the
   * database's reader makes a string only when asked (200,000 slices a month were garbage to collect).
   */
  readonly startOf: (i: number) => string;
  readonly endOf: (i: number) => string;
  /** 1: confirmed by the client */
  readonly confirmed: Uint8Array;
  /** the visit's resident: an index into `clients` */
  readonly client: Int32Array;
  /** resident refs, each once */
  readonly clients: readonly string[];
  /** the visit's caregiver: an index into `caregivers` */
  readonly caregiver: Int32Array;
  /** staff refs, each once */
  readonly caregivers: readonly string[];
  /** the visit's item codes: an index into `itemLists` */
  readonly items: Int32Array;
  /** distinct item lists (a month has a few thousand), each in logged order */
  readonly itemLists: readonly (readonly string[])[];
  /** start and end as minute numbers (domain/dates minuteNumber) */
  readonly startMinute: Float64Array;
  readonly endMinute: Float64Array;
  /** the start date's day number; NaN when it is not a valid date (then the rules compare strings) */
  readonly day: Float64Array;
  /**
   * startMinute where the start is a regular time (a valid date, 00:00–23:59), NaN otherwise:
   * regular times order by it exactly as their strings do, so sorting compares numbers, and
   * strings only where one side is not regular.
   */
  readonly startKey: Float64Array;
}

/** The time columns of a table of n rows, to be filled by writeTimes. */
export function timeColumns(n: number): Pick<VisitTable, 'startMinute' | 'endMinute' | 'day' | 'startKey'> {
  return { startMinute: new Float64Array(n), endMinute: new Float64Array(n), day: new Float64Array(n), startKey: new Float64Array(n) };
}

// The date last read with its day numbers: visits come roughly in time order, so most share the
// previous one's date (and a visit's end its start's). The date is recognised by its digits read as
// one number (dateKeyAt), which cost less than comparing its characters with the last date's
// (startsWith, a call per time: ~5 ms of a big month's ~200,000 times, `npm run bench`).
let lastKey = -1;
let lastDay = Number.NaN;
let lastValidDay = Number.NaN;

/** YYYYMMDD of a `YYYY-MM-DD` at text[at, at + 10) as one number, or −1 when it is not of that shape. */
function dateKeyAt(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return -1; // '-'
  let key = 0;
  for (let k = 0; k < 10; k++) {
    if (k === 4 || k === 7) continue;
    const d = text.charCodeAt(at + k) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    key = key * 10 + d;
  }
  return key;
}

/** Reads the date at text[at, at + 10) into lastDay (dayNumber) and lastValidDay (validDayNumber). */
function readDate(text: string, at: number): void {
  const key = dateKeyAt(text, at);
  if (key >= 0 && key === lastKey) return;
  const date = text.slice(at, at + 10);
  lastKey = key;
  lastDay = dayNumber(date);
  lastValidDay = validDayNumber(date);
}

/** A digit's value, or NaN. */
function digitAt(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

/** Minutes of the day of the `HH:mm` at text[at + 11, at + 16), as minuteNumber reads them. */
function clockAt(text: string, at: number, h: number, m: number): number {
  if (h === h && m === m) return h * 60 + m;
  return Number(text.slice(at + 11, at + 13)) * 60 + Number(text.slice(at + 14, at + 16)); // never from stored data
}

/**
 * Row i's time columns from a visit's start at text[startAt, startAt + 16) and its end at
 * endText[endAt, endAt + 16), both `YYYY-MM-DDTHH:mm`: the same numbers as minuteNumber and
 * validDayNumber give, read off the characters (the database reader passes its text of all rows).
 */
export function writeTimes(
  text: string,
  startAt: number,
  endText: string,
  endAt: number,
  i: number,
  out: Pick<VisitTable, 'startMinute' | 'endMinute' | 'day' | 'startKey'>,
): void {
  readDate(text, startAt);
  const h = digitAt(text, startAt + 11) * 10 + digitAt(text, startAt + 12);
  const m1 = digitAt(text, startAt + 14);
  const m = m1 * 10 + digitAt(text, startAt + 15);
  const start = lastDay * 1440 + clockAt(text, startAt, h, m);
  out.startMinute[i] = start;
  out.day[i] = lastValidDay;
  // regular: a valid date and a time 00:00–23:59 (NaN fails every comparison)
  const regular = lastValidDay === lastValidDay && h < 24 && m1 < 6 && m === m && text.charCodeAt(startAt + 10) === 84 && text.charCodeAt(startAt + 13) === 58;
  out.startKey[i] = regular ? start : Number.NaN;
  readDate(endText, endAt);
  const eh = digitAt(endText, endAt + 11) * 10 + digitAt(endText, endAt + 12);
  const em = digitAt(endText, endAt + 14) * 10 + digitAt(endText, endAt + 15);
  out.endMinute[i] = lastDay * 1440 + clockAt(endText, endAt, eh, em);
}

/** Row i's time columns from whole strings of any shape (a dataset's, not yet validated). */
export function timesOf(start: string, end: string, i: number, out: Pick<VisitTable, 'startMinute' | 'endMinute' | 'day' | 'startKey'>): void {
  if (start.length === 16 && end.length === 16) return writeTimes(start, 0, end, 0, i, out);
  out.startMinute[i] = minuteNumber(start);
  out.endMinute[i] = minuteNumber(end);
  out.day[i] = validDayNumber(dateOf(start));
  out.startKey[i] = Number.NaN;
}

export function isVisitTable(visits: readonly Visit[] | VisitTable): visits is VisitTable {
  return !Array.isArray(visits);
}

/** A numbering of strings in order of first appearance: `of` gives a string's number, `keys` the strings by number. */
export function numbering(): { of: (key: string) => number; keys: string[] } {
  const index = new Map<string, number>();
  const keys: string[] = [];
  return {
    of: (key) => {
      let n = index.get(key);
      if (n === undefined) {
        index.set(key, (n = keys.length));
        keys.push(key);
      }
      return n;
    },
    keys,
  };
}

/** The visits as a table, in the same order. */
export function tableOf(visits: readonly Visit[]): VisitTable {
  const n = visits.length;
  const clients = numbering();
  const caregivers = numbering();
  const lists = new Map<string, number>();
  const itemLists: (readonly string[])[] = [];
  const table = {
    length: n,
    ref: new Array<string>(n),
    refsUnique: new Set(visits.map((v) => v.ref)).size === n,
    startOf: (i: number) => (visits[i] as Visit).start,
    endOf: (i: number) => (visits[i] as Visit).end,
    confirmed: new Uint8Array(n),
    client: new Int32Array(n),
    clients: clients.keys,
    caregiver: new Int32Array(n),
    caregivers: caregivers.keys,
    items: new Int32Array(n),
    itemLists,
    ...timeColumns(n),
  };
  for (let i = 0; i < n; i++) {
    const v = visits[i] as Visit;
    table.ref[i] = v.ref;
    timesOf(v.start, v.end, i, table);
    table.confirmed[i] = v.confirmed ? 1 : 0;
    table.client[i] = clients.of(v.resident);
    table.caregiver[i] = caregivers.of(v.staff);
    // codes never hold a unit separator (the catalogue's codes are short ASCII)
    const key = v.items.join('\u001f');
    let list = lists.get(key);
    if (list === undefined) {
      lists.set(key, (list = itemLists.length));
      itemLists.push(v.items);
    }
    table.items[i] = list;
  }
  return table;
}

/** Row i as a plain visit. */
export function visitAt(table: VisitTable, i: number): Visit {
  return {
    ref: table.ref[i] as string,
    resident: table.clients[table.client[i] as number] as string,
    staff: table.caregivers[table.caregiver[i] as number] as string,
    start: table.startOf(i),
    end: table.endOf(i),
    items: table.itemLists[table.items[i] as number] as string[],
    confirmed: table.confirmed[i] === 1,
  };
}

/** Every row as a plain visit, in order. */
export function visitsOf(table: VisitTable): Visit[] {
  const out: Visit[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) out[i] = visitAt(table, i);
  return out;
}

/** column[perm[k]] for each k: a column in the order of a permuted table. */
export function permuteColumn<T>(column: readonly T[], perm: Int32Array): T[] {
  const out: T[] = new Array(perm.length);
  for (let k = 0; k < perm.length; k++) out[k] = column[perm[k] as number] as T;
  return out;
}

/** permuteColumn for a typed array, into `out`. */
export function permuteNumbers<A extends Uint8Array | Int32Array | Float64Array>(column: A, out: A, perm: Int32Array): A {
  for (let k = 0; k < perm.length; k++) out[k] = column[perm[k] as number] as number;
  return out;
}

/**
 * The table's rows in the order `perm` gives (row k is table row perm[k]; no row twice), every column copied:
 * a claim reorders its visits by client once, in one gather per column, so that each client's
 * visits are read side by side instead of scattered through the month.
 */
export function permute(table: VisitTable, perm: Int32Array): VisitTable {
  const n = perm.length;
  return {
    length: n,
    ref: permuteColumn(table.ref, perm),
    // rows of a table, each at most once (a permutation of some of them)
    refsUnique: table.refsUnique,
    startOf: (k) => table.startOf(perm[k] as number),
    endOf: (k) => table.endOf(perm[k] as number),
    confirmed: permuteNumbers(table.confirmed, new Uint8Array(n), perm),
    client: permuteNumbers(table.client, new Int32Array(n), perm),
    clients: table.clients,
    caregiver: permuteNumbers(table.caregiver, new Int32Array(n), perm),
    caregivers: table.caregivers,
    items: permuteNumbers(table.items, new Int32Array(n), perm),
    itemLists: table.itemLists,
    startMinute: permuteNumbers(table.startMinute, new Float64Array(n), perm),
    endMinute: permuteNumbers(table.endMinute, new Float64Array(n), perm),
    day: permuteNumbers(table.day, new Float64Array(n), perm),
    startKey: permuteNumbers(table.startKey, new Float64Array(n), perm),
  };
}
