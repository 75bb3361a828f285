/**
 * What the claim engine needs for one month, as a Dataset. People are loaded whole (cheap, and the
 * engine decides who is in range); visits only in a window around the month: the week before, for
 * weekly limits of per-visit packs that straddle the month start (DOMAIN.md 7), and the day after,
 * for overlaps with a visit that crosses midnight.
 */
import { addDays, isValidMonth, monthEnd, monthStart } from '../../../shared/domain/dates';
import type { Dataset, Month, Visit } from '../../../shared/domain/model';
import type BetterSqlite3 from 'better-sqlite3';
import type { LtcDatabase } from '../db/database';
import { DatasetError } from './errors';
import { readInstitution } from './institutionRows';
import { readResidents, readStaff, readVisits } from './readRecords';

/** The dates whose visits a month's claim loads: [first − 7 days, last + 1 day], inclusive. */
export function claimVisitWindow(month: Month): { firstDate: string; lastDate: string } {
  return { firstDate: addDays(monthStart(month), -7), lastDate: addDays(monthEnd(month), 1) };
}

type VisitReader = (sql: BetterSqlite3.Database, residents: Map<number, string>, staff: Map<number, string>, range: { from: string; to: string }) => Visit[];

function load(db: LtcDatabase, month: Month, read: VisitReader): Dataset {
  if (!isValidMonth(month)) {
    throw new DatasetError('BAD_MONTH', `月份“${month}”格式不对，请写成 YYYY-MM，例如 2026-10`, [{ path: 'month', message: '应为 YYYY-MM' }]);
  }
  const { firstDate, lastDate } = claimVisitWindow(month);
  return db.transaction(() => {
    const institution = readInstitution(db.raw);
    if (!institution) throw new DatasetError('NO_INSTITUTION', '数据库中还没有机构信息，请先在机构设置中填写或导入数据文件');
    const residents = readResidents(db.raw);
    const staff = readStaff(db.raw);
    // Upper bound is the day after lastDate: a bare date sorts before every time of its own day.
    const visits = read(db.raw, residents.refs, staff.refs, { from: firstDate, to: addDays(lastDate, 1) });
    return { format: 'ltc-dataset', version: 1, institution, residents: residents.list, staff: staff.list, visits };
  });
}

/** The month's records whole, as the package and the documents print them. */
export function loadClaimInput(db: LtcDatabase, month: Month): Dataset {
  return load(db, month, readVisits);
}

/**
 * The same records with visits reduced to what the claim engine reads (who, when, items,
 * confirmation): no check-in places and notes, which the engine never looks at. At ~100,000
 * visits a month every value crossing from SQLite to JS counts (`npm run bench`): this reads
 * ~28% faster than the whole rows, and the claim comes out the same.
 */
export function loadClaimFacts(db: LtcDatabase, month: Month): Dataset {
  return load(db, month, readEngineVisits);
}

/** Length of a stored `YYYY-MM-DDTHH:mm` (the schema's GLOB CHECK guarantees it). */
const T = 16;
const SEP = '\u001f';

const ENGINE_VISITS = `SELECT resident_id, staff_id, confirmed, start_at || end_at || ref,
    (SELECT group_concat(code, char(31)) FROM (SELECT code FROM visit_items WHERE visit_id = v.id ORDER BY position))
  FROM visits v WHERE start_at >= ? AND start_at < ? ORDER BY id`;

function readEngineVisits(sql: BetterSqlite3.Database, residents: Map<number, string>, staff: Map<number, string>, range: { from: string; to: string }): Visit[] {
  const rows = sql.prepare(ENGINE_VISITS).raw().all(range.from, range.to) as [number, number, number, string, string | null][];
  const out: Visit[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [residentId, staffId, confirmed, timesAndRef, items] = rows[i] as [number, number, number, string, string | null];
    out[i] = {
      ref: timesAndRef.slice(2 * T),
      resident: residents.get(residentId) ?? '',
      staff: staff.get(staffId) ?? '',
      start: timesAndRef.slice(0, T),
      end: timesAndRef.slice(T, 2 * T),
      items: items === null ? [] : items.split(SEP),
      confirmed: confirmed === 1,
    };
  }
  return out;
}
