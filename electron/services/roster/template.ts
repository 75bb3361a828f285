/**
 * The roster template (花名册模板.xlsx): one sheet per kind of person, a bold header, a grey row of
 * notes with examples, drop-down lists for every enumeration, dates shown as YYYY-MM-DD, and the ID
 * number column formatted as text, because Excel turns an 18-digit number into 3.30205E+17 and
 * silently drops its last three digits.
 */
import type ExcelJS from 'exceljs';
import { excel } from '../spreadsheet/excel';
import type { FileDownload } from '../../../shared/api/define';
import { FIRST_DATA_ROW, SHEETS, TEMPLATE_ROWS, type ColumnDef } from './columns';
import { XLSX_MIME } from '../spreadsheet/mime';

/** A constant timestamp: the same template every time, byte for byte apart from the zip's clock. */
const TEMPLATE_DATE = new Date(Date.UTC(2026, 0, 1));

/** exceljs keeps range validations in `dataValidations` but leaves it out of its type declarations. */
interface WithValidations {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly ColumnDef[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    // Column styles reach the empty cells the user types into later (Excel and LibreOffice alike).
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.kind === 'list' ? {} : { numFmt: '@' },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
  header.alignment = { vertical: 'middle' };
  columns.forEach((c, i) => {
    if (c.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });

  const notes = ws.getRow(2);
  notes.values = columns.map((c) => c.note);
  notes.font = { italic: true, color: { argb: 'FF808080' }, size: 9 };
  notes.alignment = { wrapText: true, vertical: 'top' };
  notes.height = 36;
  // The notes are text even in date columns (the column's date format would not apply to text anyway).
  columns.forEach((_c, i) => (notes.getCell(i + 1).numFmt = '@'));

  const validations = (ws as unknown as WithValidations).dataValidations;
  columns.forEach((c, i) => {
    if (!c.options) return;
    const letter = ws.getColumn(i + 1).letter;
    validations.add(`${letter}${FIRST_DATA_ROW}:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: true,
      // An inline list: Excel allows up to 255 characters, and ours are short.
      formulae: [`"${c.options.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: `${c.header}不在可选范围内`,
      error: `请从下拉列表选择：${c.options.join('、')}`,
    });
  });
}

export async function rosterTemplate(): Promise<FileDownload> {
  const wb = new (excel().Workbook)();
  wb.creator = '长护助手';
  wb.created = TEMPLATE_DATE;
  wb.modified = TEMPLATE_DATE;
  for (const sheet of Object.values(SHEETS)) addSheet(wb, sheet.name, sheet.columns);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { name: '花名册导入模板.xlsx', mime: XLSX_MIME, base64: buffer.toString('base64') };
}
