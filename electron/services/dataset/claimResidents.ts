/**
 * The residents as the claim engine reads them (loadClaimFacts, claimRows.ts): each with its
 * assessments (level, conclusion date) and stay events (type, date, mode), in id order, optional
 * fields omitted when NULL, as readRecords gives them.
 *
 * The assessments and the stay events come as one string each, a row per record joined by RS, the
 * way claimRows.ts reads the visits: as an array per row (`.raw().all()`) the ~15,000 rows of a big
 * institution took three times as long to cross from SQLite (`npm run bench`), and every row's array
 * and its type and mode strings were garbage. Each field is a number or text that holds neither
 * a comma nor RS (the schema's CHECKs: an integer level, dates by GLOB, types and modes from lists),
 * the last one read up to RS.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CARE_MODES, STAY_EVENT_TYPES } from '../../../shared/domain/model';
import type { Assessment, Level, LocalDate, Resident, StayEvent } from '../../../shared/domain/model';
import { idIn } from './itemLists';
import type { Loaded } from './readRecords';

const RS = '\u001e';

const ASSESSMENTS = `SELECT count(*), group_concat(resident_id || ',' || level || ',' || concluded_on, char(30))
  FROM (SELECT resident_id, level, concluded_on FROM assessments ORDER BY id)`;
const EVENTS = `SELECT count(*), group_concat(resident_id || ',' || type || ',' || date || ',' || ifnull(mode, ''), char(30))
  FROM (SELECT resident_id, type, date, mode FROM stay_events ORDER BY id)`;

/**
 * Calls `row` for each row of the joined string `query` gives (its count and the string), with where
 * the row starts, where its first `fields` − 1 commas are, and where it ends.
 */
function eachRow(sql: BetterSqlite3.Database, query: string, fields: number, row: (text: string, at: number, commas: Int32Array, end: number) => void): void {
  const [count, joined] = sql.prepare(query).raw().get() as [number, string | null];
  const text = joined ?? '';
  const commas = new Int32Array(fields - 1);
  let at = 0;
  for (let r = 0; r < count; r++) {
    let end = text.indexOf(RS, at);
    if (end < 0) end = text.length;
    let c = at - 1;
    for (let k = 0; k < commas.length; k++) {
      c = text.indexOf(',', c + 1);
      // a NULL in a NOT NULL column leaves its row out of the string, and the rows no longer match: never from this program
      if (c < 0 || c > end) throw new Error('the residents’ records could not be read whole');
      commas[k] = c;
    }
    row(text, at, commas, end);
    at = end + 1;
  }
  if (at < text.length) throw new Error('the residents’ records could not be read whole');
}

/** The member of `known` written at text[from, to), the same string (no copy per row); else the text. */
function oneOf<T extends string>(known: readonly T[], text: string, from: number, to: number): T {
  for (const k of known) if (k.length === to - from && text.startsWith(k, from)) return k;
  return text.slice(from, to) as T;
}

/** The integer (a level) at text[from, to): a lone digit read as such, anything else as Number reads it. */
function numberIn(text: string, from: number, to: number): number {
  const d = text.charCodeAt(from) - 48;
  return to === from + 1 && d >= 0 && d <= 9 ? d : Number(text.slice(from, to));
}

/** item appended to id's list. */
function add<T>(by: Map<number, T[]>, id: number, item: T): void {
  const list = by.get(id);
  if (list) list.push(item);
  else by.set(id, [item]);
}

/** Residents with their assessments (level, conclusion date) and stay events (type, date, mode). */
export function readEngineResidents(sql: BetterSqlite3.Database): Loaded<Resident> {
  const assessments = new Map<number, Assessment[]>();
  eachRow(sql, ASSESSMENTS, 3, (text, at, commas, end) => {
    const c0 = commas[0] as number;
    const c1 = commas[1] as number;
    add(assessments, idIn(text, at, c0), { level: numberIn(text, c0 + 1, c1) as Level, concludedOn: text.slice(c1 + 1, end) as LocalDate });
  });
  const events = new Map<number, StayEvent[]>();
  eachRow(sql, EVENTS, 4, (text, at, commas, end) => {
    const c0 = commas[0] as number;
    const c1 = commas[1] as number;
    const c2 = commas[2] as number;
    const e: StayEvent = { type: oneOf(STAY_EVENT_TYPES, text, c0 + 1, c1), date: text.slice(c1 + 1, c2) as LocalDate };
    if (c2 + 1 < end) e.mode = oneOf(CARE_MODES, text, c2 + 1, end);
    add(events, idIn(text, at, c0), e);
  });
  const rows = sql.prepare('SELECT id, ref, name, id_number FROM residents ORDER BY id').raw().all() as [number, string, string, string][];
  const refs = new Map<number, string>();
  const list = rows.map(([id, ref, name, idNumber]): Resident => {
    refs.set(id, ref);
    return { ref, name, idNumber, assessments: assessments.get(id) ?? [], events: events.get(id) ?? [] };
  });
  return { list, refs };
}
