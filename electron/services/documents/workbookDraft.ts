/**
 * A draft claim.xlsx says so at the top of every sheet: one row above everything else, 草稿（未申报）
 * across the used columns, bold red on yellow, so that no sheet of a draft can be taken for the claim.
 * Applied to the finished workbook, whatever its sheets: the rows move down by one, and so do what
 * refers to rows by number (frozen panes, the filter, print titles).
 */
import type ExcelJS from 'exceljs';
import { DRAFT_MARK } from './pdfBase';

const DRAFT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

const shiftRows = (ref: string): string => ref.replace(/(\$?[A-Z]+\$?)(\d+)/g, (_m, col: string, row: string) => `${col}${Number(row) + 1}`);

export function markDraft(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const width = Math.max(1, ws.columnCount);
    ws.spliceRows(1, 0, [`${DRAFT_MARK}：本工作簿为申报前的核对稿，不能作为申报材料`]);
    const row = ws.getRow(1);
    row.height = 24;
    if (width > 1) ws.mergeCells(1, 1, 1, width);
    const cell = ws.getCell(1, 1);
    cell.font = { bold: true, size: 14, color: { argb: 'FFC00000' } };
    cell.fill = DRAFT_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.views = ws.views.map((v) => (v.state === 'frozen' ? { ...v, ySplit: (v.ySplit ?? 0) + 1 } : v));
    const filter = ws.autoFilter;
    if (typeof filter === 'string') ws.autoFilter = shiftRows(filter);
    else if (filter && typeof filter.from === 'object' && typeof filter.to === 'object') {
      ws.autoFilter = { from: { ...filter.from, row: filter.from.row + 1 }, to: { ...filter.to, row: filter.to.row + 1 } };
    }
    const titles = ws.pageSetup.printTitlesRow;
    if (titles) ws.pageSetup.printTitlesRow = titles.replace(/\d+/g, (n) => String(Number(n) + 1));
  }
}
