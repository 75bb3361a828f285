// exceljs, loaded the first time a workbook is read or written, not when the program starts: it and its
// dependencies are ~400 files, half of what `ltc` and the host load before their first line runs (0.17 s of
// `ltc --version`'s 0.34 s), and most runs of `ltc` and most sessions of the app never touch a workbook.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const requireHere = createRequire(import.meta.url);
let loaded: typeof ExcelJS | undefined;

/** The exceljs module (its `Workbook`, `stream.xlsx.WorkbookReader` / `WorkbookWriter`…). */
export function excel(): typeof ExcelJS {
  loaded ??= requireHere('exceljs') as typeof ExcelJS;
  return loaded;
}
