/**
 * 排班导入: a rota kept in Excel, in the layout of 排班表.xlsx (the template: 编号, 姓名, 岗位, then one
 * column per day headed by its day number, each cell a shift's name, key or first character). Preview
 * first (nothing stored, every row's errors in Chinese), then import all or nothing: the commit reads
 * and judges the file again, never trusting the preview the screen holds.
 */
import type ExcelJS from 'exceljs';
import { excel } from '../spreadsheet/excel';
import type { RotaImportPreview, RotaImportRow, SetCellsResult } from '../../../shared/api/rota';
import { daysInMonth } from '../../../shared/domain/dates';
import type { Month } from '../../../shared/domain/model';
import { resolveShift } from '../../../shared/rota/edits';
import { recordAudit } from '../audit/auditLog';
import type { LtcDatabase } from '../db/database';
import { InputError } from '../errors';
import { cellValue } from '../spreadsheet/cellValue';
import { assertRowsWithin } from '../spreadsheet/workbook';
import { assertMonth } from './rotaMonth';
import { listShiftTypes } from './rotaSettings';
import { setCells } from './rotaWrite';

const text = (v: ExcelJS.CellValue): string => {
  const c = cellValue(v);
  return c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();
};

/** Staff rows of a rota workbook, far beyond any institution: counted while streaming, before it is read whole. */
const MAX_ROTA_ROWS = 5_000;

async function readSheet(name: string, bytes: Buffer): Promise<ExcelJS.Worksheet> {
  await assertRowsWithin(name, bytes, MAX_ROTA_ROWS);
  const wb = new (excel().Workbook)();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new InputError('无法读取该文件：请选择 .xlsx 格式的排班表（可先下载排班导入模板）');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new InputError('文件中没有工作表');
  return ws;
}

export async function previewRotaImport(db: LtcDatabase, month: Month, file: { name: string; base64: string }): Promise<RotaImportPreview> {
  assertMonth(month);
  const ws = await readSheet(file.name, Buffer.from(file.base64, 'base64'));
  let headerRow = 0;
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) if (text(ws.getRow(r).getCell(1).value) === '编号') headerRow = r;
  if (!headerRow) throw new InputError('找不到表头：第一列应有“编号”（请用排班导入模板）');
  const last = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const dayColumns: { col: number; day: number }[] = [];
  const header = ws.getRow(headerRow);
  for (let c = 2; c <= header.cellCount; c++) {
    const m = /^(\d{1,2})(\D|$)/.exec(text(header.getCell(c).value));
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 31) dayColumns.push({ col: c, day: Number(m[1]) });
  }
  if (dayColumns.length === 0) throw new InputError('表头中没有日期列（1、2、3…）');
  // Two columns for one day: the later one used to win silently and the shifts of the day it replaced
  // (a header typed 5 for 6) were never written. Which was meant cannot be known, so the file is refused.
  for (const { day } of dayColumns) {
    const same = dayColumns.filter((d) => d.day === day);
    if (same.length > 1) {
      const letters = same.map((d) => ws.getColumn(d.col).letter).join('、');
      throw new InputError(`表头中“${day}”日有 ${same.length} 列（第 ${letters} 列）：每天只能有一列，请删除多余的列后重新选择文件（没有导入任何排班）`);
    }
  }
  const types = listShiftTypes(db);
  const staff = db.raw.prepare('SELECT id, ref, name FROM staff').all() as { id: number; ref: string; name: string }[];
  const byRef = new Map(staff.map((s) => [s.ref, s]));
  const rows: RotaImportRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const ref = text(row.getCell(1).value);
    const name = text(row.getCell(2).value);
    if (!ref && !name) continue;
    if (!ref && name.includes('应配')) continue; // the coverage rows of an exported rota
    const errors: string[] = [];
    let s = ref ? byRef.get(ref) : undefined;
    if (!s && !ref) {
      const same = staff.filter((x) => x.name === name);
      if (same.length === 1) s = same[0];
      else errors.push(same.length > 1 ? `有 ${same.length} 位员工叫${name}，请填写编号` : `找不到员工${name}，请填写编号`);
    } else if (!s) errors.push(`找不到编号为 ${ref} 的员工`);
    else if (name && s.name !== name) errors.push(`编号 ${ref} 是${s.name}，不是${name}，请核对`);
    const cells: RotaImportRow['cells'] = [];
    for (const { col, day } of dayColumns) {
      const value = text(row.getCell(col).value);
      if (day > last) {
        if (value) errors.push(`${month} 没有 ${day} 日，该列应为空`);
        continue;
      }
      if (value && !resolveShift(value, types)) errors.push(`${day} 日“${value}”不是已有班次`);
      cells.push({ day, shift: value });
    }
    rows.push({ row: r, ref: s?.ref ?? ref, name: s?.name ?? name, staffId: s?.id ?? null, cells, errors });
  }
  return {
    fileName: file.name,
    month,
    rows,
    errorRows: rows.filter((r) => r.errors.length > 0).length,
    cellCount: rows.reduce((n, r) => n + r.cells.length, 0),
  };
}

export async function commitRotaImport(
  db: LtcDatabase,
  input: { month: Month; file: { name: string; base64: string }; reason?: string | undefined },
  actor: string,
): Promise<SetCellsResult> {
  const preview = await previewRotaImport(db, input.month, input.file);
  if (preview.errorRows > 0) throw new InputError(`有 ${preview.errorRows} 行有错误，未导入任何排班：请在 Excel 中改正后重新选择文件`);
  if (preview.rows.length === 0) throw new InputError('文件中没有排班行');
  const types = listShiftTypes(db);
  const cells = preview.rows.flatMap((r) =>
    r.cells.map((c) => ({
      staffId: r.staffId as number,
      date: `${input.month}-${String(c.day).padStart(2, '0')}`,
      shiftTypeId: c.shift ? (resolveShift(c.shift, types)?.id ?? null) : null,
    })),
  );
  return db.transaction(() => {
    const result = setCells(db, { month: input.month, cells, reason: input.reason }, actor);
    recordAudit(db, {
      actor,
      action: 'import',
      entity: 'rota',
      entityId: input.month,
      after: { file: input.file.name, rows: preview.rows.length, changed: result.changed },
    });
    return result;
  });
}
