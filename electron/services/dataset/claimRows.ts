/**
 * The month's records as the claim engine reads them (loadClaimFacts), straight from raw rows:
 * only the fields shared/claims looks at, in the same order and shape as readRecords gives them
 * (by id; optional fields omitted when NULL), so the claim is the same as from the whole records.
 * The residents: claimResidents.ts; the visits' item lists: itemLists.ts.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Certificate, CertificateType, LocalDate, Staff } from '../../../shared/domain/model';
import { tableOf, timeColumns, writeTimes, type VisitTable } from '../../../shared/claims/visitTable';
import { idIn, itemListsOf } from './itemLists';
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

/** A visit table's columns as the reader fills them, and the numbers it reads them with. */
interface Columns {
  ref: string[];
  confirmed: Uint8Array;
  client: Int32Array;
  caregiver: Int32Array;
  ids: Int32Array;
  times: ReturnType<typeof timeColumns>;
  /** where each row's start begins in its text: the times are read as numbers off the text, and made strings only when asked (startOf, endOf) */
  timeAt: Int32Array;
  clients: { number: number[]; refs: string[] };
  caregivers: { number: number[]; refs: string[] };
}

/** Where the last integerAt stopped: the comma after its digits. */
let integerEnd = 0;

/**
 * The integer written at text[from …) up to the next comma, read as its digits are found (searching
 * for the comma first and then reading the digits went over them twice); integerEnd is the comma.
 */
function integerAt(text: string, from: number): number {
  let n = 0;
  let k = from;
  for (; k < text.length; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  if (text.charCodeAt(k) !== 44) {
    // a sign or other text before the comma: never from this program
    k = text.indexOf(',', from);
    if (k < 0) k = text.length;
    n = idIn(text, from, k);
  }
  integerEnd = k;
  return n;
}

/** How many times `ch` occurs in text. */
function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

/**
 * Fills rows 0 … m − 1 of the columns from the rows' text: the joined one (split at RS, which no ref
 * then holds: see readEngineVisits), or one text per row.
 */
function fillRows(joined: string | null, each: readonly string[], m: number, c: Columns): void {
  const nobody = c.clients.refs.length - 1;
  const noStaff = c.caregivers.refs.length - 1;
  let from = 0;
  let text = joined ?? '';
  for (let i = 0; i < m; i++) {
    if (joined === null) {
      text = each[i] as string;
      from = 0;
    }
    const id = integerAt(text, from);
    const client = integerAt(text, integerEnd + 1);
    const caregiver = integerAt(text, integerEnd + 1);
    const p = integerEnd;
    const t = p + 2;
    // the ref is last: only its own characters are searched for the row's end
    let to = joined === null ? text.length : text.indexOf(RS, t + 2 * T);
    if (to < 0) to = text.length;
    // the item walk relies on the order of the scan; a different one would lose items
    if (i > 0 && !(id > (c.ids[i - 1] as number))) throw new Error('visits came out of id order');
    c.ids[i] = id;
    c.timeAt[i] = t;
    c.ref[i] = text.slice(t + 2 * T, to);
    writeTimes(text, t, text, t + T, i, c.times);
    c.confirmed[i] = text.charCodeAt(p + 1) === 49 ? 1 : 0; // '1'
    c.client[i] = c.clients.number[client] ?? nobody;
    c.caregiver[i] = c.caregivers.number[caregiver] ?? noStaff;
    from = to + 1;
  }
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
  const all = span ? { lo, hi, ...params } : params;
  const [m, text] = sql
    .prepare(span ? VISITS_OF_SPAN : VISITS_BY_START)
    .raw()
    .get(all) as [number, string | null];
  if (m === 0) return EMPTY;
  const c: Columns = {
    ref: new Array<string>(m),
    confirmed: new Uint8Array(m),
    client: new Int32Array(m),
    caregiver: new Int32Array(m),
    ids: new Int32Array(m),
    times: timeColumns(m),
    timeAt: new Int32Array(m),
    clients: peopleNumbers(residents),
    caregivers: peopleNumbers(staff),
  };
  // A ref that holds RS (an earlier release's file) leaves more RS than rows less one in the joined
  // text, which then cannot be split: the rows come one by one. (Checking each row as it is read
  // instead cost more than this one pass of indexOf.)
  const joined = text !== null && occurrences(text, RS) === m - 1 ? text : null;
  const each =
    joined !== null
      ? []
      : (sql
          .prepare(span ? ROWS_OF_SPAN : ROWS_BY_START)
          .pluck()
          .all(all) as string[]);
  fillRows(joined, each, m, c);
  const { ids, timeAt } = c;
  const textOf = joined !== null ? () => joined : (i: number) => each[i] as string;
  // the items of exactly the ids read (the span's first days may be left out by `reaching`)
  const itemText = (
    span
      ? sql
          .prepare(ITEMS_OF_SPAN)
          .pluck()
          .get({ lo: ids[0], hi: ids[m - 1] })
      : sql.prepare(ITEMS_BY_START).pluck().get(params)
  ) as string | null;
  const items = new Int32Array(m);
  const itemLists = itemListsOf(itemText, ids, items);
  const table: VisitTable = {
    length: m,
    ref: c.ref,
    // visits.ref is UNIQUE
    refsUnique: true,
    startOf: (i) => textOf(i).slice(timeAt[i], (timeAt[i] as number) + T),
    endOf: (i) => textOf(i).slice((timeAt[i] as number) + T, (timeAt[i] as number) + 2 * T),
    confirmed: c.confirmed,
    client: c.client,
    clients: c.clients.refs,
    caregiver: c.caregiver,
    caregivers: c.caregivers.refs,
    items,
    itemLists,
    ...c.times,
  };
  return table;
}
