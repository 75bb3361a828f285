/**
 * What the claim engine needs for one month, as a Dataset. People are loaded whole (cheap, and the
 * engine decides who is in range); visits only in a window around the month: the week before, for
 * weekly limits of per-visit packs that straddle the month start (DOMAIN.md 7), and the day after,
 * for overlaps with a visit that crosses midnight.
 */
import { addDays, isValidMonth, monthEnd, monthStart } from '../../../shared/domain/dates';
import type { Dataset, Month } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { DatasetError } from './errors';
import { readInstitution } from './institutionRows';
import { readResidents, readStaff, readVisits } from './readRecords';

/** The dates whose visits a month's claim loads: [first − 7 days, last + 1 day], inclusive. */
export function claimVisitWindow(month: Month): { firstDate: string; lastDate: string } {
  return { firstDate: addDays(monthStart(month), -7), lastDate: addDays(monthEnd(month), 1) };
}

export function loadClaimInput(db: LtcDatabase, month: Month): Dataset {
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
    const visits = readVisits(db.raw, residents.refs, staff.refs, { from: firstDate, to: addDays(lastDate, 1) });
    return { format: 'ltc-dataset', version: 1, institution, residents: residents.list, staff: staff.list, visits };
  });
}
