/**
 * A caregiver app's export (CSV or xlsx) as rows of cells, each with the row number the user sees
 * in Excel. Cells keep their kind (text, number, date) because an ID number stored as a number has
 * already lost digits, and a date cell is a wall-clock time, not text.
 */
import type ExcelJS from 'exceljs';
import { InputError } from '../../errors';
import { cellValue, type Cell } from '../../spreadsheet/cellValue';
import { loadWorkbook, readCsv, sniffSpreadsheet } from '../../spreadsheet/workbook';

export type { Cell } from '../../spreadsheet/cellValue';

export interface TableRow {
  /** 1-based, as Excel numbers rows */
  row: number;
  cells: Cell[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  encoding: 'UTF-8' | 'GBK' | null;
  rows: TableRow[];
}

/** More rows than a caregiver app exports for a month of a large agency; beyond, split the file. */
export const MAX_ROWS = 50_000;

export async function readTable(name: string, bytes: Buffer): Promise<Table> {
  const table = sniffSpreadsheet(name, bytes, ['xlsx', 'csv']) === 'xlsx' ? await readXlsx(name, bytes) : { format: 'csv' as const, ...readCsv(bytes) };
  if (table.rows.length > MAX_ROWS + 1) throw new InputError(`文件有 ${table.rows.length - 1} 行，超过一次可导入的 ${MAX_ROWS} 行，请按月份拆分后分批导入`);
  return table;
}

async function readXlsx(name: string, bytes: Buffer): Promise<Table> {
  // counted while streaming first (a row bomb never reaches memory); the exact count is checked after
  const wb = await loadWorkbook(name, bytes, MAX_ROWS + 20);
  const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.actualRowCount > 0);
  if (!ws) throw new InputError('Excel 文件中没有数据：第一张工作表是空的');
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based and sparse (index 0 and blank cells are holes); Array.from visits holes, map would not.
    const cells = Array.from(values.slice(1), (v) => cellValue(v));
    if (cells.some((c) => c !== null)) rows.push({ row: rowNumber, cells });
  });
  return { format: 'xlsx', encoding: null, rows };
}
