/**
 * Loading what a user uploads as a spreadsheet: an .xlsx workbook or a CSV file. Every import (visits,
 * roster, the agency's result, the rota) comes through here, so each refuses an old .xls, a damaged file
 * or a CSV with broken quotes in the same words, and reads GBK CSV from Chinese Excel the same way.
 */
import type ExcelJS from 'exceljs';
import { excel } from './excel';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { InputError } from '../errors';
import type { Cell } from './cellValue';

export type SpreadsheetKind = 'xlsx' | 'csv';

/** An .xlsx is a ZIP archive: it starts with `PK\x03\x04`. */
export const isZip = (b: Uint8Array): boolean => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** An .xls (Excel 97–2003) is an OLE compound file: it starts with `D0 CF 11 E0`. */
const isOle = (b: Uint8Array): boolean => b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export const XLS_REFUSED = '不支持旧版 Excel（.xls）文件：请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再导入';

/**
 * What the bytes are, by their content first and their name second (a workbook renamed .csv is still a
 * workbook). `accept` lists what this import reads; anything else is refused naming the file, and the
 * template to fill in when the import reads only its own template (`花名册模板`).
 */
export function sniffSpreadsheet(name: string, bytes: Uint8Array, accept: readonly SpreadsheetKind[], template = '模板'): SpreadsheetKind {
  const lower = name.toLowerCase();
  if (isOle(bytes) || lower.endsWith('.xls')) throw new InputError(XLS_REFUSED);
  const kind: SpreadsheetKind = isZip(bytes) || lower.endsWith('.xlsx') ? 'xlsx' : 'csv';
  if (!accept.includes(kind)) {
    throw new InputError(
      accept.length === 1 && accept[0] === 'xlsx' ? `“${name}”不是 Excel 工作簿（.xlsx）：请下载${template}，填写后上传` : `“${name}”不是 CSV 文件`,
    );
  }
  return kind;
}

/**
 * Refuses a workbook with a sheet longer than `maxRows`, counting while streaming its XML (exceljs's
 * streaming reader, shared strings and styles not even read) and stopping at the first row over: a 30 MB
 * file of 6 million tiny rows once took the whole process down (heap out of memory after 56 s) when it was
 * loaded whole just to be counted. An unreadable file is left to loadWorkbook to refuse.
 */
export async function assertRowsWithin(name: string, bytes: Uint8Array, maxRows: number): Promise<void> {
  const reader = new (excel().stream.xlsx.WorkbookReader)(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let over: string | null = null;
  try {
    outer: for await (const sheet of reader) {
      let rows = 0;
      for await (const _row of sheet) {
        rows += 1;
        if (rows > maxRows) {
          over = (sheet as unknown as { name?: string }).name ?? '';
          break outer;
        }
      }
    }
  } catch {
    return;
  }
  if (over !== null) {
    throw new InputError(`“${name}”${over ? `的工作表“${over}”` : ''}超过 ${maxRows} 行，超出一次可导入的上限，没有导入任何内容：请拆分后分批导入`);
  }
}

/** An .xlsx as exceljs reads it, or a refusal naming the file and what to do; `maxRows`: per sheet, checked first while streaming. */
export async function loadWorkbook(name: string, bytes: Uint8Array, maxRows?: number): Promise<ExcelJS.Workbook> {
  if (maxRows !== undefined) await assertRowsWithin(name, bytes, maxRows);
  const wb = new (excel().Workbook)();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new InputError(`无法读取“${name}”：文件可能已损坏或不是 Excel 工作簿，请用 Excel 打开后另存为 .xlsx 再上传`);
  }
  return wb;
}

/**
 * Excel in China saves "CSV" in the system code page (GBK) unless told "CSV UTF-8"; apps mostly write
 * UTF-8, often with a BOM. Bytes that are not valid UTF-8 are read as GBK (a superset of GB2312).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'GBK' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'GBK' };
  }
}

export interface CsvRow {
  /** 1-based, as Excel numbers rows */
  row: number;
  cells: Cell[];
}

/** A CSV's non-empty rows, each with the row number Excel shows for it, cells trimmed (empty → null). */
export function readCsv(bytes: Uint8Array): { encoding: 'UTF-8' | 'GBK'; rows: CsvRow[] } {
  const { text, encoding } = decodeCsv(bytes);
  // Empty lines are kept (and skipped below) so each record keeps the row number Excel shows for it.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const quotes = parsed.errors.find((x) => x.type === 'Quotes');
  if (quotes) throw new InputError(`CSV 文件第 ${(quotes.row ?? 0) + 1} 行的引号不成对，文件可能被截断或手工改坏了，请重新导出`);
  const rows = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c): Cell => (c.trim() === '' ? null : c.trim())) }));
  const kept = rows.filter((r) => r.cells.some((c) => c !== null));
  refuseCutShort(text, kept);
  return { encoding, rows: kept };
}

/**
 * A file cut short (a copy or download that did not finish) ends in the middle of a row: no line break
 * at its end, and its last row shorter than the header. Importing it would store that half row (a visit
 * with 外部编号 "EX" for EX0123), and the whole file later a second visit beside it.
 */
function refuseCutShort(text: string, rows: readonly CsvRow[]): void {
  const header = rows[0];
  const last = rows.at(-1);
  if (!header || !last || last === header || /[\r\n]$/.test(text)) return;
  // fields as written (an empty last field still has its comma): a row cut short has fewer
  const width = (r: CsvRow): number => r.cells.length;
  if (width(last) < width(header)) {
    throw new InputError(
      `CSV 文件的最后一行（第 ${last.row} 行）不完整：只有 ${width(last)} 列，表头有 ${width(header)} 列，且文件末尾没有换行——文件可能没有复制或下载完整。` +
        '请重新导出完整的文件后再导入（没有导入任何内容）',
    );
  }
}
