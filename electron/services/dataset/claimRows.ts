/**
 * The month's records as the claim engine reads them (loadClaimFacts), straight from raw rows:
 * only the fields shared/claims looks at, in the same order and shape as readRecords gives them
 * (by id; optional fields omitted when NULL), so the claim is the same as from the whole records.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type {
  Assessment,
  Certificate,
  CertificateType,
  CareMode,
  Level,
  LocalDate,
  Resident,
  Staff,
  StayEvent,
  StayEventType,
} from '../../../shared/domain/model';
import { tableOf, timeColumns, writeTimes, type VisitTable } from '../../../shared/claims/visitTable';
import type { Loaded } from './readRecords';

function grouped<T>(rows: unknown[][], make: (row: unknown[]) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const id = row[0] as number;
    const list = out.get(id);
    if (list) list.push(make(row));
    else out.set(id, [make(row)]);
  }
  return out;
}

/** Residents with their assessments (level, conclusion date) and stay events (type, date, mode). */
export function readEngineResidents(sql: BetterSqlite3.Database): Loaded<Resident> {
  const assessments = grouped(
    sql.prepare('SELECT resident_id, level, concluded_on FROM assessments ORDER BY id').raw().all() as unknown[][],
    (r): Assessment => ({ level: r[1] as Level, concludedOn: r[2] as LocalDate }),
  );
  const events = grouped(sql.prepare('SELECT resident_id, type, date, mode FROM stay_events ORDER BY id').raw().all() as unknown[][], (r): StayEvent => {
    const e: StayEvent = { type: r[1] as StayEventType, date: r[2] as LocalDate };
    if (r[3] !== null) e.mode = r[3] as CareMode;
    return e;
  });
  const rows = sql.prepare('SELECT id, ref, name, id_number FROM residents ORDER BY id').raw().all() as [number, string, string, string][];
  const refs = new Map<number, string>();
  const list = rows.map(([id, ref, name, idNumber]): Resident => {
    refs.set(id, ref);
    return { ref, name, idNumber, assessments: assessments.get(id) ?? [], events: events.get(id) ?? [] };
  });
  return { list, refs };
}

/** Staff with their certificates (type, number, validity). */
export function readEngineStaff(sql: BetterSqlite3.Database): Loaded<Staff> {
  const certificates = grouped(
    sql.prepare('SELECT staff_id, type, number, issued_on, expires_on FROM certificates ORDER BY id').raw().all() as unknown[][],
    (r): Certificate => {
      const c: Certificate = { type: r[1] as CertificateType, number: r[2] as string, issuedOn: r[3] as LocalDate };
      if (r[4] !== null) c.expiresOn = r[4] as LocalDate;
      return c;
    },
  );
  const rows = sql.prepare('SELECT id, ref, name, id_number FROM staff ORDER BY id').raw().all() as [number, string, string, string][];
  const refs = new Map<number, string>();
  const list = rows.map(([id, ref, name, idNumber]): Staff => {
    refs.set(id, ref);
    return { ref, name, idNumber, certificates: certificates.get(id) ?? [] };
  });
  return { list, refs };
}

/** Length of a stored `YYYY-MM-DDTHH:mm` (the schema's GLOB CHECK guarantees it). */
const T = 16;

// What crosses from SQLite to JS costs per row as well as per value: an array per row (`.raw()`) for
// 100,000 rows cost more than the query itself, and a string per row was 100,000 young objects for
// every scavenge to copy (`npm run bench`). So each visit is written as `id,resident,staff,confirmed`
// + start + end (fixed width) + ref (last: the only part that may hold any text), and all the
// visits come as ONE string, joined by RS, in id order (the order of the scan); all their items as
// one more, `visit id` US `code` per item, joined by RS, walked alongside the visits.
const ENGINE_VISIT = `id || ',' || resident_id || ',' || staff_id || ',' || confirmed || start_at || end_at || ref`;
/** The range's first and last visit id and how many visits it holds (from the covering index). */
const ID_SPAN = 'SELECT min(id), max(id), count(*) FROM visits WHERE start_at >= ? AND start_at < ?';
/** Visits are mostly entered in time order, so a month's ids are nearly consecutive: walk them in id order. */
const SPAN_WHERE = 'id BETWEEN @lo AND @hi AND start_at >= @from AND start_at < @to AND (start_at >= @cut OR end_at > @cut)';
/** Any order of entry: the start index, sorted by id. */
const START_WHERE = 'start_at >= @from AND start_at < @to AND (start_at >= @cut OR end_at > @cut)';
const VISITS_OF_SPAN = `SELECT count(*), group_concat(${ENGINE_VISIT}, char(30)) FROM visits v NOT INDEXED WHERE ${SPAN_WHERE}`;
const VISITS_BY_START = `SELECT count(*), group_concat(row, char(30)) FROM (SELECT ${ENGINE_VISIT} AS row FROM visits v WHERE ${START_WHERE} ORDER BY id)`;
/** One string per visit: only when a ref holds RS itself, so that the joined string cannot be split. */
const ROWS_OF_SPAN = `SELECT ${ENGINE_VISIT} FROM visits v NOT INDEXED WHERE ${SPAN_WHERE}`;
const ROWS_BY_START = `SELECT ${ENGINE_VISIT} FROM visits v WHERE ${START_WHERE} ORDER BY id`;
/**
 * The items of the visits with ids in [lo, hi], in one range scan of visit_items' primary key
 * (visit_id, position), which is their order. One seek per visit instead, or grouping them per
 * visit in SQL, cost more than reading the visits themselves.
 */
const ITEMS_OF_SPAN = 'SELECT group_concat(visit_id || char(31) || code, char(30)) FROM visit_items WHERE visit_id BETWEEN @lo AND @hi';
/** The same for visits whose ids are scattered: one primary-key search per visit. */
const ITEMS_BY_START = `SELECT group_concat(visit_id || char(31) || code, char(30)) FROM (
    SELECT i.visit_id, i.code FROM visits v JOIN visit_items i ON i.visit_id = v.id
    WHERE v.start_at >= @from AND v.start_at < @to AND (v.start_at >= @cut OR v.end_at > @cut)
    ORDER BY i.visit_id, i.position)`;

/**
 * The separators of the joined strings. RS ends a visit's row and an item; a ref that holds RS is
 * noticed by the count of RS (then the rows come one by one). Item codes hold neither RS nor US:
 * they are the catalogue's (imports and the visit form refuse any other), which readRecords and
 * visitRows rely on as well.
 */
const RS = '\u001e';
const END_OF_ITEM = 30;
const ITEM_SEP = 31;

const NO_ITEMS: readonly string[] = Object.freeze([]);

/** The integer written in row[from, to), without making a string of it (the ids of a month's rows). */
function idIn(row: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = row.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return Number(row.slice(from, to)); // a sign: never from this program
    n = n * 10 + d;
  }
  return n;
}

/**
 * A node of the item lists seen: the number of the list that ends here, and the lists that go on,
 * by code. A code of up to four ASCII characters (every catalogue's) is looked up by a number made
 * of its characters, read off the items string without making a string of it; any other by its text.
 */
interface ListNode {
  list: number;
  byKey: Map<number, ListNode>;
  byText: Map<string, ListNode> | null;
}

/** Characters in a code that codeKey can hold: 4 × 7 bits stay a small integer (a V8 Smi). */
const KEY_CHARS = 4;

/** The node after `node` for the code at text[from, to) (its characters' key, or −1). */
function nextNode(node: ListNode, key: number, text: string, from: number, to: number, lists: (readonly string[])[]): ListNode {
  const found = key >= 0 ? node.byKey.get(key) : node.byText?.get(text.slice(from, to));
  if (found) return found;
  const code = text.slice(from, to);
  const next: ListNode = { list: lists.length, byKey: new Map(), byText: null };
  lists.push(Object.freeze([...(lists[node.list] as readonly string[]), code]));
  if (key >= 0) node.byKey.set(key, next);
  else (node.byText ??= new Map()).set(code, next);
  return next;
}

/**
 * Each visit's item list as the number of the list in the lists returned (a month's ~100,000 visits
 * have a few thousand distinct lists), for the visits of `ids` (ascending), walking the items string
 * alongside them: found in a tree of the lists by code, so a list costs no string of its own. One
 * loop with its state in locals: as closures called per item, the same walk took twice as long.
 */
function itemListsOf(all: string | null, ids: Int32Array, out: Int32Array): (readonly string[])[] {
  const text = all ?? '';
  const len = text.length;
  const lists: (readonly string[])[] = [NO_ITEMS];
  const root: ListNode = { list: 0, byKey: new Map(), byText: null };
  let at = 0;
  let last = -1;
  for (let v = 0; v < ids.length; v++) {
    const id = ids[v] as number;
    let node = root;
    while (at < len) {
      // the item at `at`: its visit's id up to US, then its code up to RS
      let us = at;
      while (us < len && text.charCodeAt(us) !== ITEM_SEP) us++;
      const itemId = idIn(text, at, us);
      // the walk relies on the order; a different one would lose items, so it is not taken quietly
      if (itemId < last) throw new Error('visit_items came out of visit order');
      last = itemId;
      if (itemId > id) break;
      let rs = us + 1;
      let key = 0;
      for (; rs < len; rs++) {
        const ch = text.charCodeAt(rs);
        if (ch === END_OF_ITEM) break;
        // every character 1…127, so that codes of different lengths have different keys
        if (key >= 0) key = ch > 0 && ch < 128 && rs - us <= KEY_CHARS ? key * 128 + ch : -1;
      }
      if (itemId === id) node = nextNode(node, key, text, us + 1, rs, lists);
      at = rs + 1;
    }
    out[v] = node.list;
  }
  return lists;
}

/** Numbers for the people read (their ids → their place in `refs`, in id order), and one more for an id not among them. */
function peopleNumbers(people: Map<number, string>): { number: number[]; refs: string[] } {
  const number: number[] = [];
  const refs: string[] = [];
  for (const [id, ref] of people) {
    number[id] = refs.length;
    refs.push(ref);
  }
  // a foreign key makes it impossible; it would be the visit of nobody on file, as from readVisits
  refs.push('');
  return { number, refs };
}

const EMPTY: VisitTable = tableOf([]);

/** How many times `ch` occurs in text. */
function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

/**
 * The visits' rows: one text holding them all (each row ends at RS), or one text per row when a ref
 * holds RS (then the joined text holds more RS than rows less one, and cannot be split).
 */
interface Rows {
  count: number;
  joined: string | null;
  each: readonly string[];
  /** the first and the last row's id, as written */
  first: string;
  last: string;
}

function readRows(sql: BetterSqlite3.Database, span: boolean, params: Record<string, string | number>): Rows {
  const [count, joined] = sql
    .prepare(span ? VISITS_OF_SPAN : VISITS_BY_START)
    .raw()
    .get(params) as [number, string | null];
  const text = joined ?? '';
  if (count > 0 && occurrences(text, RS) === count - 1) {
    const lastRow = text.lastIndexOf(RS) + 1;
    return { count, joined: text, each: [], first: text.slice(0, text.indexOf(',')), last: text.slice(lastRow, text.indexOf(',', lastRow)) };
  }
  const each = sql
    .prepare(span ? ROWS_OF_SPAN : ROWS_BY_START)
    .pluck()
    .all(params) as string[];
  const id = (row: string | undefined) => (row ?? '').slice(0, (row ?? '').indexOf(','));
  return { count: each.length, joined: null, each, first: id(each[0]), last: id(each[each.length - 1]) };
}

/**
 * Visits whose start lies in [from, to), in id order (insertion order, as readVisits), as a table
 * (shared/claims/visitTable.ts); of those that start before `reaching` (a `YYYY-MM-DDTHH:mm`),
 * only the ones that end after it.
 */
export function readEngineVisits(
  sql: BetterSqlite3.Database,
  residents: Map<number, string>,
  staff: Map<number, string>,
  range: { from: string; to: string; reaching?: string },
): VisitTable {
  const [lo, hi, n] = sql.prepare(ID_SPAN).raw().get(range.from, range.to) as [number | null, number | null, number];
  if (n === 0 || lo === null || hi === null) return EMPTY;
  const params = { from: range.from, to: range.to, cut: range.reaching ?? range.from };
  // Either way the same visits in id order; the span walk only when at least half the ids in it
  // are the range's (otherwise it would read too many other visits' rows).
  const span = hi - lo + 1 <= 2 * n;
  const rows = readRows(sql, span, span ? { lo, hi, ...params } : params);
  const m = rows.count;
  if (m === 0) return EMPTY;
  const clients = peopleNumbers(residents);
  const caregivers = peopleNumbers(staff);
  const nobody = clients.refs.length - 1;
  const noStaff = caregivers.refs.length - 1;
  const ref = new Array<string>(m);
  const confirmed = new Uint8Array(m);
  const client = new Int32Array(m);
  const caregiver = new Int32Array(m);
  const ids = new Int32Array(m);
  const times = timeColumns(m);
  // where each row's start begins in its text: the times are read as numbers off the text, and
  // made strings only when asked (startOf, endOf)
  const timeAt = new Int32Array(m);
  const { joined, each } = rows;
  const textOf = joined !== null ? () => joined : (i: number) => each[i] as string;
  let from = 0;
  for (let i = 0; i < m; i++) {
    let text: string;
    let to: number;
    if (joined !== null) {
      text = joined;
      to = joined.indexOf(RS, from);
      if (to < 0) to = joined.length;
    } else {
      text = each[i] as string;
      from = 0;
      to = text.length;
    }
    const c0 = text.indexOf(',', from);
    const c1 = text.indexOf(',', c0 + 1);
    const p = text.indexOf(',', c1 + 1);
    const t = p + 2;
    const id = idIn(text, from, c0);
    // the item walk relies on the order of the scan; a different one would lose items
    if (i > 0 && id <= (ids[i - 1] as number)) throw new Error('visits came out of id order');
    ids[i] = id;
    timeAt[i] = t;
    ref[i] = text.slice(t + 2 * T, to);
    writeTimes(text, t, text, t + T, i, times);
    confirmed[i] = text.charCodeAt(p + 1) === 49 ? 1 : 0; // '1'
    client[i] = clients.number[idIn(text, c0 + 1, c1)] ?? nobody;
    caregiver[i] = caregivers.number[idIn(text, c1 + 1, p)] ?? noStaff;
    from = to + 1;
  }
  // the items of exactly the ids read (the span's first days may be left out by `reaching`)
  const itemText = (
    span
      ? sql
          .prepare(ITEMS_OF_SPAN)
          .pluck()
          .get({ lo: Number(rows.first), hi: Number(rows.last) })
      : sql.prepare(ITEMS_BY_START).pluck().get(params)
  ) as string | null;
  const items = new Int32Array(m);
  const itemLists = itemListsOf(itemText, ids, items);
  const table: VisitTable = {
    length: m,
    ref,
    // visits.ref is UNIQUE
    refsUnique: true,
    startOf: (i) => textOf(i).slice(timeAt[i], (timeAt[i] as number) + T),
    endOf: (i) => textOf(i).slice((timeAt[i] as number) + T, (timeAt[i] as number) + 2 * T),
    confirmed,
    client,
    clients: clients.refs,
    caregiver,
    caregivers: caregivers.refs,
    items,
    itemLists,
    ...times,
  };
  return table;
}
