/**
 * 员工列表 and 证书矩阵: one page of staff at a time, each with the badges of the certificates held.
 * The page's certificates are read in one query for the page's ids, never one query per person.
 */
import type { z } from 'zod';
import type { MatrixCell, MatrixPage, matrixQuery, StaffListPage, staffListQuery, StaffListRow } from '../../../shared/api/staff';
import { addDays } from '../../../shared/domain/dates';
import { idNumberProblem, maskIdNumber } from '../../../shared/domain/ids';
import type { CertificateType } from '../../../shared/domain/model';
import type { LtcDatabase } from '../db/database';
import { CERTIFICATE_COLUMNS, certificateView, reminderLeadDays, serviceToday, type CertificateRow } from './staffFacts';
import { countStatuses, queryStaff, standing, TYPE_COLUMN, type StaffFilter, type StaffQueryRow } from './staffQuery';

type ParsedList = z.output<typeof staffListQuery>;
type ParsedMatrix = z.output<typeof matrixQuery>;

function filterOf(db: LtcDatabase, q: ParsedList | ParsedMatrix): { filter: StaffFilter; lead: number; leads: number[] } {
  const date = q.date ?? serviceToday();
  const leads = reminderLeadDays(db);
  const lead = Math.max(0, ...leads);
  return { filter: { search: q.search, role: q.role, employment: q.employment, date, horizon: addDays(date, lead) }, lead, leads };
}

export function listStaff(db: LtcDatabase, q: ParsedList): StaffListPage {
  const { filter, lead, leads } = filterOf(db, q);
  const { rows, total } = queryStaff(db.raw, { ...filter, status: q.certStatus }, { field: q.sortField, order: q.sortOrder }, q.page, q.pageSize);
  const certs = certificatesOf(
    db,
    rows.map((r) => r.id),
  );
  const today = serviceToday();
  return {
    date: filter.date,
    leadDays: lead,
    total,
    rows: rows.map((r): StaffListRow => ({
      id: r.id,
      ref: r.ref,
      name: r.name,
      idNumberMasked: maskIdNumber(r.id_number),
      idWarning: idNumberProblem(r.id_number, today),
      role: r.role,
      employedFrom: r.employed_from,
      employedTo: r.employed_to,
      certStatus: standing(r.worst, filter).status,
      certificates: (certs.get(r.id) ?? []).map((c) => certificateView(c, filter.date, leads)),
    })),
  };
}

export function staffMatrix(db: LtcDatabase, q: ParsedMatrix): MatrixPage {
  const { filter, lead } = filterOf(db, q);
  const { rows, total } = queryStaff(
    db.raw,
    { ...filter, status: q.status, type: q.status ? q.type : undefined },
    { field: q.sortField, order: q.sortOrder },
    q.page,
    q.pageSize,
  );
  return {
    date: filter.date,
    leadDays: lead,
    total,
    counts: countStatuses(db.raw, filter),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      employedTo: r.employed_to,
      cells: Object.fromEntries(
        (Object.keys(TYPE_COLUMN) as CertificateType[]).map((t) => [t, standing(r[TYPE_COLUMN[t] as keyof StaffQueryRow] as string | null, filter)]),
      ) as Record<CertificateType, MatrixCell>,
    })),
  };
}

function certificatesOf(db: LtcDatabase, ids: number[]): Map<number, CertificateRow[]> {
  const out = new Map<number, CertificateRow[]>();
  if (ids.length === 0) return out;
  const rows = db.raw
    .prepare(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE staff_id IN (SELECT value FROM json_each(?)) ORDER BY staff_id, type, issued_on, id`)
    .all(JSON.stringify(ids)) as CertificateRow[];
  for (const r of rows) {
    const list = out.get(r.staff_id);
    if (list) list.push(r);
    else out.set(r.staff_id, [r]);
  }
  return out;
}
