/**
 * 花名册导入: preview a workbook (nothing stored), and import it (all or nothing). The commit reads
 * the file again and plans again inside its transaction; the renderer's preview is never trusted.
 */
import type { RosterPreview, RosterSummary, RowRef } from '../../../shared/api/roster';
import type { LtcDatabase } from '../db/database';
import { serviceToday } from '../staff/staffFacts';
import { assertNoErrors, carryOut } from './commit';
import { planRoster, rowKey } from './plan';
import { readRoster } from './readRoster';

const decode = (base64: string): Buffer => Buffer.from(base64, 'base64');

export async function previewRoster(db: LtcDatabase, file: { name: string; base64: string }): Promise<RosterPreview> {
  const roster = await readRoster(file.name, decode(file.base64));
  const plan = planRoster(db, roster, new Set(), serviceToday());
  const severities = plan.rows.map((r) => new Set(r.issues.map((i) => i.severity)));
  return {
    fileName: file.name,
    rows: plan.rows,
    errorRows: severities.filter((s) => s.has('error')).length,
    warningRows: severities.filter((s) => s.has('warning') && !s.has('error')).length,
    ignoredColumns: roster.ignoredColumns,
  };
}

export async function commitRoster(db: LtcDatabase, file: { name: string; base64: string }, excludeRows: RowRef[], actor: string): Promise<RosterSummary> {
  const bytes = decode(file.base64);
  const roster = await readRoster(file.name, bytes);
  const exclude = new Set(excludeRows.map((r) => rowKey(r.sheet, r.row)));
  return db.transaction(() => {
    const plan = planRoster(db, roster, exclude, serviceToday());
    assertNoErrors(plan);
    const excluded = roster.rows.filter((r) => exclude.has(rowKey(r.sheet, r.row))).map((r) => ({ sheet: r.sheet, row: r.row }));
    return carryOut(db, plan, { fileName: file.name, bytes, actor, excluded });
  });
}
