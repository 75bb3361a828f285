/**
 * exceljs is loaded with `Blob` out of sight (excel.ts): its JSZip would otherwise make a Blob on loading,
 * and Node's Blob detaches a buffer, after which every typed-array access of the thread is checked for it
 * (the claim worker's claims ran ~2× slower after its first workbook, tests/bench/README.md).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { excel } from '../../../electron/services/spreadsheet/excel';

describe('loading exceljs', () => {
  it('makes no Blob, and leaves Blob as it was', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'Blob');
    const ExcelJS = excel();
    expect(Object.getOwnPropertyDescriptor(globalThis, 'Blob')).toEqual(before);
    // the JSZip exceljs loaded found no Blob to make
    const jszipSupport = createRequire(createRequire(__filename).resolve('exceljs'))('jszip/lib/support.js') as { blob: boolean };
    expect(jszipSupport.blob).toBe(false);
    // and still reads and writes workbooks
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRow([1, '甲']);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await wb.xlsx.writeBuffer());
    expect(again.worksheets[0]?.getRow(1).values).toEqual([undefined, 1, '甲']);
  });
});
