/**
 * A worksheet that prints the way a clerk expects (claim.xlsx, the result template, the reconciliation):
 * an optional 草稿 row, a title row, lines saying whose and which month, then one styled header row;
 * A4 landscape, every column on one page wide, the rows down to the header repeated on every page, page
 * numbers in the footer. The data below the header is one autofilter range; a 合计 row goes after a blank
 * row, outside it, so filtering never hides or sorts the totals.
 *
 * The same code builds a sheet of an in-memory workbook and of a streaming one (xlsxStream.ts, claim.xlsx):
 * rows go through `add`, which commits each (a streaming sheet writes it out and lets it go; an in-memory
 * one ignores the commit), and the sheet counts its rows itself, since a streaming sheet cannot.
 */
import type ExcelJS from 'exceljs';
import { DRAFT_MARK } from './pdfBase';

export const MONEY = '#,##0.00';
/** Text, so that neither Excel nor the agency's import turns an 18-digit ID number into 3.30205E+17. */
export const TEXT = '@';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF999999' } };
/** the draft's mark, in the PDFs' words (pdfBase.ts DRAFT_MARK) */
export const DRAFT_TEXT = `${DRAFT_MARK}：本工作簿为申报前的核对稿，不能作为申报材料`;

export interface SheetColumn {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
  /**
   * Long text (服务项目): wrapped within the column, and a row added with addRow as tall as its lines. A
   * printed page shows a cell only as far as its row's height: unwrapped, the text was cut at the next column.
   */
  wrap?: boolean;
}

export interface PrintedSheetSpec {
  name: string;
  title: string;
  /** lines under the title: whose, which month, what the marks mean */
  lines: string[];
  columns: readonly SheetColumn[];
  /** a 草稿 row above the title (a draft package) */
  draft?: boolean;
  orientation?: 'landscape' | 'portrait';
}

export interface PrintedSheet {
  ws: ExcelJS.Worksheet;
  /** the header row's number */
  header: number;
  columns: readonly SheetColumn[];
  /** the number of the last row added */
  last: number;
  /**
   * Adds a row (keyed by column key, or in column order) and commits it: change it no more after the next
   * one. A keyed row whose wrapped column takes more than one line is as tall as its lines (fitWrapped).
   */
  add(values: Record<string, unknown> | unknown[]): ExcelJS.Row;
}

export function printedSheet(wb: ExcelJS.Workbook, spec: PrintedSheetSpec): PrintedSheet {
  const n = spec.columns.length;
  // rows above the data: the draft's, the title, the lines, the header
  const headerRow = (spec.draft ? 1 : 0) + 1 + spec.lines.length + 1;
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', ySplit: headerRow, activeCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: spec.orientation ?? 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      // 0: as many pages down as the rows need
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${spec.name}\u3000第 &P 页，共 &N 页` },
  });
  ws.columns = spec.columns.map((c) => ({ key: c.key, width: c.width }));
  // Column styles first: set later, exceljs would overwrite every cell of the column, the title's and the
  // header's alignment (their wrapping) included.
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.numFmt) col.numFmt = c.numFmt;
    if (c.wrap) col.alignment = { horizontal: c.align ?? 'left', vertical: 'top', wrapText: true };
    else if (c.align) col.alignment = { horizontal: c.align };
  });
  const merged = (text: string, style: Partial<ExcelJS.Style>, height?: number) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, n);
    const cell = row.getCell(1);
    cell.font = style.font ?? {};
    cell.alignment = { vertical: 'middle', wrapText: true, ...style.alignment };
    if (height) row.height = height;
    return row;
  };
  if (spec.draft) merged(DRAFT_TEXT, { font: { bold: true, color: { argb: 'FFC00000' } }, alignment: { horizontal: 'left' } });
  merged(spec.title, { font: { bold: true, size: 14 }, alignment: { horizontal: 'center' } }, 24);
  // A merged cell's row does not grow to its wrapped text (in Excel or LibreOffice): as many lines as it needs.
  const across = spec.columns.reduce((n, c) => n + c.width, 0);
  for (const line of spec.lines) merged(line, { alignment: { horizontal: 'left' } }, 15 * Math.max(1, Math.ceil(textWidth(line) / across)));
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  if (header.number !== headerRow) throw new Error(`${spec.name}: the header is row ${header.number}, not ${headerRow}`);
  ws.pageSetup.printTitlesRow = `1:${header.number}`;
  const sheet: PrintedSheet = {
    ws,
    header: header.number,
    columns: spec.columns,
    last: header.number,
    add(values) {
      const row = ws.addRow(values);
      if (!Array.isArray(values)) fitWrapped(row, spec.columns, values);
      // committing a row commits the rows above it too: the title and header are final by now
      row.commit();
      sheet.last = row.number;
      return row;
    },
  };
  return sheet;
}

/** Excel's default row height in points (11 pt text): one line of a wrapped cell. */
const LINE_HEIGHT = 15;

/** How many lines a text takes wrapped in a column `width` digits wide (a cell's padding takes about one digit). */
export function wrappedLines(text: string, width: number): number {
  return Math.max(1, Math.ceil(textWidth(text) / Math.max(1, width - 1.5)));
}

/** Width in Excel's units (a digit): a Chinese character or full-width sign takes two. */
function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
  return n * 1.05;
}

/**
 * Where a wrapped column's text takes more than one line, the row is given the height of its lines:
 * neither Excel nor LibreOffice grows a row by itself when the file is opened (they fit it only on
 * editing), and a printed row shows no more than its height.
 */
function fitWrapped(row: ExcelJS.Row, columns: readonly SheetColumn[], values: Record<string, unknown>): void {
  let lines = 1;
  for (const c of columns) {
    const v = values[c.key];
    if (c.wrap && typeof v === 'string') lines = Math.max(lines, wrappedLines(v, c.width));
  }
  if (lines > 1) {
    row.height = LINE_HEIGHT * lines;
    // the other cells at the top too, level with the first line of the wrapped text
    columns.forEach((c, i) => {
      if (!c.wrap) row.getCell(i + 1).alignment = { ...(c.align ? { horizontal: c.align } : {}), vertical: 'top' };
    });
  }
}

/** Data rows, keyed by column key; numbers stay numbers. */
export function addRows(sheet: PrintedSheet, rows: readonly Record<string, unknown>[]): void {
  for (const r of rows) sheet.add(r);
}

/** The autofilter over the header and the data rows added so far (call before the 合计 row). */
export function filterData(sheet: PrintedSheet): void {
  sheet.ws.autoFilter = { from: { row: sheet.header, column: 1 }, to: { row: sheet.last, column: sheet.columns.length } };
}

/** A blank row, then the 合计 row (bold, ruled above): outside the autofilter range. */
export function addTotals(sheet: PrintedSheet, values: Record<string, unknown>): ExcelJS.Row {
  sheet.add([]);
  const row = sheet.ws.addRow(values);
  row.font = { bold: true };
  for (let c = 1; c <= sheet.columns.length; c++) row.getCell(c).border = { top: THIN };
  row.commit();
  sheet.last = row.number;
  return row;
}
