/**
 * One client's month as the month's claim computes it, without loading the month: computeClaim runs
 * over the client, their visits in the claim's window (the week before the month for weekly limits,
 * the day after for overlaps, dataset/loadMonth.ts), and their caregivers' other visits in that window
 * (a client's visit that overlaps one at another client's is excluded by the claim, so it must be
 * here too). Other clients are not on file in this small dataset: their visits only take part in the
 * overlap sweep, as in the claim. A visit being typed replaces its stored version.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { computeClaim } from '../../../shared/claims/computeClaim';
import type { Claim } from '../../../shared/claims/types';
import { addDays } from '../../../shared/domain/dates';
import type { Month, Resident, Visit } from '../../../shared/domain/model';
import { claimVisitWindow } from '../dataset/loadMonth';
import { readInstitution } from '../dataset/institutionRows';
import type { JudgeTarget, Policy } from './judge';
import { residentsById, staffById } from './people';
import { ITEMS_SQL, splitItems } from './visitRows';

export interface ClientMonth {
  resident: Resident;
  claim: Claim;
  /** the client's visits of the window (the draft among them), as the claim read them */
  visits: Visit[];
}

interface Row {
  id: number;
  ref: string;
  resident_id: number;
  staff_id: number;
  start_at: string;
  end_at: string;
  confirmed: number;
  items: string | null;
}

const COLUMNS = `v.id, v.ref, v.resident_id, v.staff_id, v.start_at, v.end_at, v.confirmed, ${ITEMS_SQL} AS items`;

/** The client's month, or null when the client or the institution is not on file. */
export function clientMonth(sql: BetterSqlite3.Database, policy: Policy, residentId: number, month: Month, draft?: JudgeTarget): ClientMonth | null {
  const institution = readInstitution(sql);
  const resident = residentsById(sql, [residentId]).get(residentId);
  if (!institution || !resident) return null;
  const { firstDate, lastDate } = claimVisitWindow(month);
  const to = addDays(lastDate, 1);
  const replaced = draft?.id ?? -1;
  const own = (
    sql
      .prepare(`SELECT ${COLUMNS} FROM visits v WHERE resident_id = ? AND start_at >= ? AND start_at < ? AND id <> ?`)
      .all(residentId, firstDate, to, replaced) as Row[]
  ).filter((r) => !draft || r.ref !== draft.ref);
  const caregivers = new Set(own.map((r) => r.staff_id));
  if (draft) caregivers.add(draft.staffId);
  // A day earlier than the window: a visit crossing midnight into its first day can overlap one of it.
  const others = sql
    .prepare(
      `SELECT ${COLUMNS} FROM visits v WHERE staff_id IN (SELECT value FROM json_each(?)) AND resident_id <> ? AND start_at >= ? AND start_at < ? AND id <> ?`,
    )
    .all(JSON.stringify([...caregivers]), residentId, addDays(firstDate, -1), to, replaced) as Row[];
  const staff = staffById(sql, caregivers);
  const staffRef = (id: number): string => staff.get(id)?.ref ?? '';
  const visit = (r: Row, client: string): Visit => ({
    ref: r.ref,
    resident: client,
    staff: staffRef(r.staff_id),
    start: r.start_at,
    end: r.end_at,
    items: splitItems(r.items),
    confirmed: r.confirmed === 1,
  });
  const visits = own.map((r) => visit(r, resident.ref));
  if (draft) {
    visits.push({
      ref: draft.ref,
      resident: resident.ref,
      staff: staffRef(draft.staffId),
      start: draft.start,
      end: draft.end,
      items: draft.items,
      confirmed: draft.confirmed,
    });
  }
  // Not on file here: judged in no month, present only for the overlap sweep.
  const elsewhere = others.map((r) => visit(r, ''));
  const claim = computeClaim({
    month,
    records: { institution, residents: [resident], staff: [...staff.values()], visits: [...visits, ...elsewhere] },
    pack: policy.pack,
    catalogue: policy.catalogue,
  });
  return { resident, claim, visits };
}
