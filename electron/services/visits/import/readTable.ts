/**
 * A caregiver app's export (CSV or xlsx) as rows of cells, each with the row number the user sees
 * in Excel. Cells keep their kind (text, number, date) because an ID number stored as a number has
 * already lost digits, and a date cell is a wall-clock time, not text.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { InputError } from '../../errors';
import { cellValue, type Cell } from '../../spreadsheet/cellValue';

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

const isZip = (b: Buffer): boolean => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Buffer): boolean => b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0;

export async function readTable(name: string, bytes: Buffer): Promise<Table> {
  const lower = name.toLowerCase();
  if (isOle(bytes) || lower.endsWith('.xls')) {
    throw new InputError('不支持旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 工作簿或 CSV 后再导入');
  }
  const table = isZip(bytes) || lower.endsWith('.xlsx') ? await readXlsx(bytes) : readCsv(bytes);
  if (table.rows.length > MAX_ROWS + 1) throw new InputError(`文件有 ${table.rows.length - 1} 行，超过一次可导入的 ${MAX_ROWS} 行，请按月份拆分后分批导入`);
  return table;
}

/**
 * Excel in China saves "CSV" in the system code page (GBK) unless told "CSV UTF-8"; apps mostly write
 * UTF-8, often with a BOM. Bytes that are not valid UTF-8 are read as GBK (a superset of GB2312).
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'UTF-8' | 'GBK' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'GBK' };
  }
}

function readCsv(bytes: Buffer): Table {
  const { text, encoding } = decodeCsv(bytes);
  // Empty lines are kept (and skipped below) so each record keeps the row number Excel shows for it.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  if (parsed.errors.some((e) => e.type === 'Quotes')) {
    const e = parsed.errors.find((x) => x.type === 'Quotes')!;
    throw new InputError(`CSV 文件第 ${(e.row ?? 0) + 1} 行的引号不成对，文件可能被截断或手工改坏了，请重新导出`);
  }
  const rows = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : c.trim())) }));
  return { format: 'csv', encoding, rows: rows.filter((r) => r.cells.some((c) => c !== null)) };
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new InputError('无法读取这个 Excel 文件：文件可能已损坏或不是 .xlsx 格式，请用 Excel 打开后另存为 .xlsx 再导入');
  }
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
