/**
 * What the claim engine needs for one month, as a Dataset. People are loaded whole (cheap, and the
 * engine decides who is in range); visits only in a window around the month: the week before, for
 * weekly limits of per-visit packs that straddle the month start (docs/rules.md §7.2), and the day after,
 * for overlaps with a visit that crosses midnight.
 */
import { addDays, isValidMonth, monthEnd, monthStart } from '../../../shared/domain/dates';
import type { Dataset, Month, Resident, Staff } from '../../../shared/domain/model';
import type { VisitTable } from '../../../shared/claims/visitTable';
import type BetterSqlite3 from 'better-sqlite3';
import type { LtcDatabase } from '../db/database';
import { DatasetError } from './errors';
import { readInstitution } from './institutionRows';
import { readEngineResidents } from './claimResidents';
import { readEngineStaff, readEngineVisits } from './claimRows';
import { readResidents, readStaff, readVisits, type Loaded } from './readRecords';

/** The dates whose visits a month's claim loads: [first − 7 days, last + 1 day], inclusive. */
export function claimVisitWindow(month: Month): { firstDate: string; lastDate: string } {
  return { firstDate: addDays(monthStart(month), -7), lastDate: addDays(monthEnd(month), 1) };
}

type VisitReader<V> = (
  sql: BetterSqlite3.Database,
  residents: Map<number, string>,
  staff: Map<number, string>,
  range: { from: string; to: string; reaching?: string },
) => V;

interface Readers<V> {
  residents: (sql: BetterSqlite3.Database) => Loaded<Resident>;
  staff: (sql: BetterSqlite3.Database) => Loaded<Staff>;
  visits: VisitReader<V>;
}

/** A month's records, with the visits as the reader gives them. */
type MonthRecords<V> = Omit<Dataset, 'visits'> & { visits: V };

function load<V>(db: LtcDatabase, month: Month, read: Readers<V>, weekBefore = true): MonthRecords<V> {
  if (!isValidMonth(month)) {
    throw new DatasetError('BAD_MONTH', `月份“${month}”格式不对，请写成 YYYY-MM，例如 2026-10`, [{ path: 'month', message: '应为 YYYY-MM' }]);
  }
  const { firstDate, lastDate } = claimVisitWindow(month);
  return db.transaction(() => {
    const institution = readInstitution(db.raw);
    if (!institution) throw new DatasetError('NO_INSTITUTION', '数据库中还没有机构信息，请先在机构设置中填写或导入数据文件');
    const residents = read.residents(db.raw);
    const staff = read.staff(db.raw);
    // Upper bound is the day after lastDate: a bare date sorts before every time of its own day.
    const range = { from: firstDate, to: addDays(lastDate, 1), ...(weekBefore ? {} : { reaching: `${monthStart(month)}T00:00` }) };
    const visits = read.visits(db.raw, residents.refs, staff.refs, range);
    return { format: 'ltc-dataset', version: 1, institution, residents: residents.list, staff: staff.list, visits };
  });
}

/** The month's records whole, as the package and the documents print them. */
export function loadClaimInput(db: LtcDatabase, month: Month): Dataset {
  return load(db, month, { residents: readResidents, staff: readStaff, visits: readVisits });
}

/** The claim's records as loadClaimFacts gives them: the visits as a table (shared/claims/visitTable.ts). */
export type ClaimFacts = MonthRecords<VisitTable>;

/**
 * The same records reduced to what the claim engine reads (claimRows.ts): visits as a table without
 * check-in places and notes, people without phone, address, bed or assessor. At ~100,000 visits a month
 * every value crossing from SQLite to JS counts (`npm run bench`); the claim comes out the same.
 * `weekBefore: false` (a pack without weekly limits, see judgesWeekBefore): of the visits before
 * the month only those still running at its start, the only ones that can overlap one of its visits.
 */
export function loadClaimFacts(db: LtcDatabase, month: Month, opts: { weekBefore?: boolean } = {}): ClaimFacts {
  return load(db, month, { residents: readEngineResidents, staff: readEngineStaff, visits: readEngineVisits }, opts.weekBefore ?? true);
}
