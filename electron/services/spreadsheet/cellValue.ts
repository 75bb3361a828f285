/** What an .xlsx cell holds, as the user sees it: shared by every import that reads a workbook. */
import type ExcelJS from 'exceljs';

export type Cell = string | number | boolean | Date | null;

/** exceljs gives rich text, formulas and hyperlinks as objects; the user sees their text. */
export function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return cellValue(v.richText.map((t) => t.text).join(''));
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v && typeof v.text === 'string') return cellValue(v.text);
    if ('error' in v) return null;
  }
  return String(v as unknown);
}
