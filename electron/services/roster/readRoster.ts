/**
 * An uploaded roster workbook as rows of cells keyed by the template's headers, each with the row
 * number Excel shows. Columns are found by their header, not their position, so a user who moved or
 * added a column is not punished; what cannot be read at all (not an xlsx, no roster sheet, a sheet
 * without its 姓名/身份证号 columns) is refused whole, before any row is judged.
 */
import type { RosterSheet } from '../../../shared/api/roster';
import { InputError } from '../errors';
import { FIRST_DATA_ROW, SHEETS } from './columns';
import { cellValue, type Cell } from '../spreadsheet/cellValue';
import { loadWorkbook, sniffSpreadsheet } from '../spreadsheet/workbook';

export type { Cell } from '../spreadsheet/cellValue';

export interface SheetRow {
  sheet: RosterSheet;
  /** 1-based, as Excel numbers rows */
  row: number;
  cells: ReadonlyMap<string, Cell>;
}

export interface RosterFile {
  rows: SheetRow[];
  ignoredColumns: string[];
}

/** More people than any one institution's roster; a bigger file is a mistake (or a ledger). */
export const MAX_ROWS_PER_SHEET = 20_000;

/** `身份证号*`, ` 姓名 `, `评估等级（0-5）` all name the template's column. */
const normalizeHeader = (h: string): string => h.replace(/[\s*＊]/g, '').replace(/[（(].*?[)）]/g, '');

export async function readRoster(name: string, bytes: Buffer): Promise<RosterFile> {
  sniffSpreadsheet(name, bytes, ['xlsx'], '花名册模板');
  const wb = await loadWorkbook(name, bytes, MAX_ROWS_PER_SHEET + 20);
  const rows: SheetRow[] = [];
  const ignored: string[] = [];
  let found = 0;
  for (const [sheet, def] of Object.entries(SHEETS) as [RosterSheet, (typeof SHEETS)[RosterSheet]][]) {
    const ws = wb.worksheets.find((w) => w.name.trim() === def.name);
    if (!ws) continue;
    found++;
    const byColumn = new Map<number, string>();
    ws.getRow(1).eachCell((cell, colNumber) => {
      const text = cellValue(cell.value);
      if (text === null) return;
      const key = normalizeHeader(String(text));
      const column = def.columns.find((c) => c.header === key);
      if (column) byColumn.set(colNumber, column.header);
      else ignored.push(`${def.name}：${String(text)}`);
    });
    const missing = def.columns.filter((c) => c.required && ![...byColumn.values()].includes(c.header)).map((c) => c.header);
    if (missing.length > 0) {
      throw new InputError(`“${def.name}”工作表第1行缺少列：${missing.join('、')}。请使用花名册模板，不要改动表头`);
    }
    ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
      if (rowNumber < 2) return;
      const cells = new Map<string, Cell>();
      for (const [colNumber, header] of byColumn) cells.set(header, cellValue(r.getCell(colNumber).value));
      if ([...cells.values()].every((c) => c === null)) return;
      // The template's notes row; a name never starts with 必填.
      if (rowNumber < FIRST_DATA_ROW && /^必填/.test(String(cells.get('姓名') ?? ''))) return;
      rows.push({ sheet, row: rowNumber, cells });
    });
    const count = rows.filter((r) => r.sheet === sheet).length;
    if (count > MAX_ROWS_PER_SHEET) throw new InputError(`“${def.name}”工作表有 ${count} 行，超过一次可导入的 ${MAX_ROWS_PER_SHEET} 行，请拆分后分批导入`);
  }
  if (found === 0) {
    throw new InputError(`“${name}”里没有“服务对象”或“员工”工作表：请下载花名册模板，在模板中填写后上传（工作表名称不要改动）`);
  }
  if (rows.length === 0) throw new InputError('文件里没有要导入的人员：请从模板第3行起填写，每人（或每张证书）一行');
  return { rows, ignoredColumns: ignored };
}
