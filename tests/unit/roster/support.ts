/**
 * Roster workbooks as a user makes them: the downloaded template, filled in with exceljs under its
 * own headers (so moving a column in the template cannot silently break the tests), then uploaded.
 */
import ExcelJS from 'exceljs';
import type { LtcDatabase } from '../../../electron/services/db/database';
import { api } from '../staff/support';

export type Value = string | number | Date | null;
export type Row = Record<string, Value>;

export async function templateBytes(db: LtcDatabase): Promise<Buffer> {
  const file = await api(db).call('roster.template', undefined);
  return Buffer.from(file.base64, 'base64');
}

/** The template with `rows` written from row 3 on each sheet, as the bytes a user would upload. */
export async function filledTemplate(db: LtcDatabase, sheets: { 服务对象?: Row[]; 员工?: Row[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateBytes(db)) as unknown as ExcelJS.Buffer);
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.getWorksheet(name)!;
    const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    rows.forEach((row, i) => {
      for (const [header, value] of Object.entries(row)) {
        const col = headers.indexOf(header);
        if (col < 1) throw new Error(`no column ${header} in ${name}`);
        ws.getRow(3 + i).getCell(col).value = value;
      }
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const upload = (bytes: Buffer, name = '花名册.xlsx') => ({ name, base64: bytes.toString('base64') });

/** A date cell as Excel stores one typed in a date column (exceljs reads it back the same way). */
export const excelDate = (ymd: string): Date => new Date(`${ymd}T00:00:00Z`);
